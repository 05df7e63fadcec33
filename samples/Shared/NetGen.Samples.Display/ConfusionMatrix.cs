using System;
using NetGen.Data;

namespace NetGen.Samples.Display;

/// <summary>How often each true class was predicted as each class, counted over a data set with one-hot targets.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts) => _counts = counts;

    /// <summary>The number of classes (rows and columns).</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>The number of samples of true class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>Runs <paramref name="network"/> on every sample of <paramref name="data"/> and counts (true class, predicted class) pairs.</summary>
    public static ConfusionMatrix Count<TNet>(TNet network, Dataset<float> data)
        where TNet : INetwork<float>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        var counts = new int[TNet.OutputSize, TNet.OutputSize];
        var output = new float[TNet.OutputSize];
        for (int i = 0; i < data.Count; i++)
        {
            network.Forward(data.GetInput(i), output);
            counts[OneHot.Decode(data.GetTarget(i)), OneHot.Decode<float>(output)]++;
        }

        return new ConfusionMatrix(counts);
    }
}
