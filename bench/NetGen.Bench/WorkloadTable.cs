using System.Collections.Generic;

namespace NetGen.Bench;

/// <summary>
/// The yardstick's workloads, exactly as in workloads.py (sizes, losses, learning rates, batch sizes, files, seeds), and
/// NetGen's own batched workloads on the same networks, data and initial weights: digits_b32 (digits at batch 32) and
/// mnist_b256 (mnist at batch 256), which the peers do not have.
/// </summary>
internal static class WorkloadTable
{
    public static IReadOnlyDictionary<string, Workload> All { get; } = new Dictionary<string, Workload>
    {
        ["xor"] = new("xor", "xor", [2, 2, 1], OutputKind.SigmoidMse, 0.5f, 1, "xor.csv", "init_xor.txt", 40),
        ["iris"] = new("iris", "iris", [4, 16, 3], OutputKind.SoftmaxCe, 0.01f, 1, "iris.csv", "init_iris.txt", 43),
        ["digits"] = new("digits", "digits", [64, 64, 10], OutputKind.SoftmaxCe, 0.01f, 1, "digits.csv", "init_digits.txt", 44),
        ["mnist"] = new("mnist", "mnist", [784, 128, 10], OutputKind.SoftmaxCe, 0.01f, 1, "mnist_synth.csv", "init_mnist.txt", 45),
        ["deep"] = new("deep", "deep", [32, 64, 64, 64, 1], OutputKind.LinearMse, 0.001f, 1, "deep_synth.csv", "init_deep.txt", 46),
        ["mnist_b64"] = new("mnist_b64", "mnist", [784, 128, 10], OutputKind.SoftmaxCe, 0.01f, 64, "mnist_synth.csv", "init_mnist.txt", 45),
        ["digits_b32"] = new("digits_b32", "digits", [64, 64, 10], OutputKind.SoftmaxCe, 0.01f, 32, "digits.csv", "init_digits.txt", 44),
        ["mnist_b256"] = new("mnist_b256", "mnist", [784, 128, 10], OutputKind.SoftmaxCe, 0.01f, 256, "mnist_synth.csv", "init_mnist.txt", 45),
    };

    public static IReadOnlyList<string> Order { get; } = ["xor", "iris", "digits", "mnist", "deep", "mnist_b64", "digits_b32", "mnist_b256"];
}
