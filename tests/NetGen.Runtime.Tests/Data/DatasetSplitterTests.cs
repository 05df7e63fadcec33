using System;
using System.Linq;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class DatasetSplitterTests
{
    private static Dataset<double> Numbered(int count) =>
        new(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), new double[count], 1, 1);

    [Fact]
    public void PartsHaveRoundedSizesAndTogetherHoldEverySampleOnce()
    {
        DatasetSplit<double> split = DatasetSplitter.Split(Numbered(10), 0.6, 0.25, 0.15, seed: 7);

        // cut points round(10·0.6) = 6 and round(10·0.85) = round(8.5) = 9 (half away from zero)
        Assert.Equal(6, split.Train.Count);
        Assert.Equal(3, split.Validation.Count);
        Assert.Equal(1, split.Test.Count);
        double[] all = split.Train.Inputs.ToArray().Concat(split.Validation.Inputs.ToArray()).Concat(split.Test.Inputs.ToArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), all.OrderBy(v => v));
    }

    [Fact]
    public void OrderFollowsDeterministicRandomShuffle()
    {
        int[] expected = Enumerable.Range(0, 8).ToArray();
        new DeterministicRandom(3).Shuffle(expected.AsSpan());

        DatasetSplit<double> split = DatasetSplitter.Split(Numbered(8), 0.5, 0.5, 0, seed: 3);

        Assert.Equal(expected.Take(4).Select(i => (double)i), split.Train.Inputs.ToArray());
        Assert.Equal(expected.Skip(4).Select(i => (double)i), split.Validation.Inputs.ToArray());
        Assert.Equal(0, split.Test.Count);
    }

    [Fact]
    public void SameSeedSameSplitDifferentSeedDifferentSplit()
    {
        var a = DatasetSplitter.Split(Numbered(50), 0.8, 0.1, 0.1, 42);
        var b = DatasetSplitter.Split(Numbered(50), 0.8, 0.1, 0.1, 42);
        var c = DatasetSplitter.Split(Numbered(50), 0.8, 0.1, 0.1, 43);

        Assert.Equal(a.Train.Inputs.ToArray(), b.Train.Inputs.ToArray());
        Assert.NotEqual(a.Train.Inputs.ToArray(), c.Train.Inputs.ToArray());
    }

    [Fact]
    public void FractionsMustAddUpToOne()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Numbered(4), 0.5, 0.3, 0.3, 0));
        Assert.Contains("add up to 1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplitter.Split(Numbered(4), 1.2, -0.2, 0, 0));
    }
}
