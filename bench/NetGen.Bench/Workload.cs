using System;

namespace NetGen.Bench;

/// <summary>One row of the yardstick's workload table (workloads.py), or one of NetGen's own batched workloads.</summary>
/// <param name="Network">The network it trains (xor, iris, digits, mnist, deep): its declaration, built-in data and init file.</param>
internal sealed record Workload(
    string Name,
    string Network,
    int[] Sizes,
    OutputKind Output,
    float LearningRate,
    int BatchSize,
    string DataFile,
    string InitFile,
    int DefaultSeed)
{
    public int InputSize => Sizes[0];

    public int OutputSize => Sizes[^1];

    public bool IsClassifier => Output != OutputKind.LinearMse;

    /// <summary>Targets per sample as the network sees them: one-hot for softmax, the value otherwise.</summary>
    public int TargetSize => OutputSize;

    public string LossKind => Output switch
    {
        OutputKind.SigmoidMse => "sigmoid_mse",
        OutputKind.SoftmaxCe => "softmax_ce",
        OutputKind.LinearMse => "linear_mse",
        _ => throw new InvalidOperationException(Output.ToString()),
    };

    /// <summary>Samples per epoch: mini-batch workloads drop the last partial batch.</summary>
    public int EpochSize(int sampleCount) => sampleCount / BatchSize * BatchSize;
}
