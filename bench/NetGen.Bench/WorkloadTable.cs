using System.Collections.Generic;

namespace NetGen.Bench;

/// <summary>The yardstick's workloads, exactly as in workloads.py (sizes, losses, learning rates, batch sizes, files, seeds).</summary>
internal static class WorkloadTable
{
    public static IReadOnlyDictionary<string, Workload> All { get; } = new Dictionary<string, Workload>
    {
        ["xor"] = new("xor", [2, 2, 1], OutputKind.SigmoidMse, 0.5f, 1, "xor.csv", "init_xor.txt", 40),
        ["iris"] = new("iris", [4, 16, 3], OutputKind.SoftmaxCe, 0.01f, 1, "iris.csv", "init_iris.txt", 43),
        ["digits"] = new("digits", [64, 64, 10], OutputKind.SoftmaxCe, 0.01f, 1, "digits.csv", "init_digits.txt", 44),
        ["mnist"] = new("mnist", [784, 128, 10], OutputKind.SoftmaxCe, 0.01f, 1, "mnist_synth.csv", "init_mnist.txt", 45),
        ["deep"] = new("deep", [32, 64, 64, 64, 1], OutputKind.LinearMse, 0.001f, 1, "deep_synth.csv", "init_deep.txt", 46),
        ["mnist_b64"] = new("mnist_b64", [784, 128, 10], OutputKind.SoftmaxCe, 0.01f, 64, "mnist_synth.csv", "init_mnist.txt", 45),
    };

    public static IReadOnlyList<string> Order { get; } = ["xor", "iris", "digits", "mnist", "deep", "mnist_b64"];
}
