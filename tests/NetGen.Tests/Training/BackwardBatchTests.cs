using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// BackwardBatch folds four samples into each pass over a looped layer's gradient; every parameter still
/// receives the samples' contributions one after another, so it must equal Backward called for each sample
/// in turn, bit for bit — for looped, mixed and written-out networks, whole and partial blocks, with dropout.
/// </summary>
public sealed class BackwardBatchTests
{
    public static TheoryData<int> Counts() => new(0, 1, 3, 4, 5, 8, 9);

    [Theory]
    [MemberData(nameof(Counts))]
    public void Looped_network_equals_Backward_per_sample(int count) => AssertEqualsBackwardPerSample(new AdamWide(), count);

    [Theory]
    [MemberData(nameof(Counts))]
    public void Mixed_network_equals_Backward_per_sample(int count) => AssertEqualsBackwardPerSample(new SgdMixed(), count);

    [Theory]
    [MemberData(nameof(Counts))]
    public void Three_layer_looped_network_equals_Backward_per_sample(int count) => AssertEqualsBackwardPerSample(new SgdWide(), count);

    [Theory]
    [MemberData(nameof(Counts))]
    public void Written_out_network_equals_Backward_per_sample(int count) => AssertEqualsBackwardPerSample(new SgdIris(), count);

    [Fact]
    public void Dropout_masks_are_drawn_in_the_same_order()
    {
        var batched = new WideDropoutNet();
        var single = new WideDropoutNet();
        batched.SeedDropout(3);
        single.SeedDropout(3);
        AssertSame<WideDropoutNet, double>(batched, single, 7);
    }

    [Fact]
    public void Inputs_that_are_not_whole_samples_are_rejected_with_the_count()
    {
        var net = new AdamWide();
        var error = Assert.Throws<ArgumentException>(() => net.BackwardBatch(new float[AdamWide.InputSize + 3], new float[AdamWide.OutputSize], new float[AdamWide.ParameterCount]));
        Assert.Equal("inputs", error.ParamName);
        Assert.Contains("3 left over", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_for_another_count_are_rejected_with_both_lengths()
    {
        var net = new AdamWide();
        var error = Assert.Throws<ArgumentException>(() => net.BackwardBatch(new float[2 * AdamWide.InputSize], new float[3 * AdamWide.OutputSize], new float[AdamWide.ParameterCount]));
        Assert.Equal("targets", error.ParamName);
        Assert.Contains($"exactly {2 * AdamWide.OutputSize} values, but it holds {3 * AdamWide.OutputSize}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>One instance serves both: Backward and BackwardBatch leave the parameters alone.</summary>
    private static void AssertEqualsBackwardPerSample<TNet>(TNet network, int count)
        where TNet : ITrainableNetwork<float> => AssertSame<TNet, float>(network, network, count);

    private static void AssertSame<TNet, TScalar>(TNet batched, TNet single, int count)
        where TNet : ITrainableNetwork<TScalar>
        where TScalar : unmanaged, System.Numerics.IFloatingPointIeee754<TScalar>
    {
        int inputs = TNet.InputSize, outputs = TNet.OutputSize, parameters = TNet.ParameterCount;
        var random = new Random(count + 17);
        var x = new TScalar[count * inputs];
        var y = new TScalar[count * outputs];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = TScalar.CreateChecked(random.NextDouble() * 2 - 1);
        }

        for (int s = 0; s < count; s++)
        {
            y[(s * outputs) + random.Next(outputs)] = TScalar.One; // one-hot: valid for every loss used here
        }

        // Start from a non-zero gradient, as a caller accumulating several batches would.
        var expected = new TScalar[parameters];
        for (int k = 0; k < parameters; k++)
        {
            expected[k] = TScalar.CreateChecked(random.NextDouble() * 1e-3);
        }

        var actual = (TScalar[])expected.Clone();
        TScalar expectedLoss = TScalar.Zero;
        for (int s = 0; s < count; s++)
        {
            expectedLoss += single.Backward(x.AsSpan(s * inputs, inputs), y.AsSpan(s * outputs, outputs), expected);
        }

        TScalar actualLoss = batched.BackwardBatch(x, y, actual);

        Assert.Equal(expectedLoss, actualLoss);
        Assert.Equal(expected, actual);
    }
}
