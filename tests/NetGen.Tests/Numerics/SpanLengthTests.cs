#pragma warning disable NG0025 // deliberately wrong lengths: these tests check the run-time length check
using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>A span of the wrong length throws an ArgumentException naming the parameter, the expected and the actual length.</summary>
public sealed class SpanLengthTests
{
    private static void AssertThrows(string parameter, int expected, int actual, Action call)
    {
        var exception = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains($"exactly {expected} values", exception.Message);
        Assert.Contains($"it holds {actual}", exception.Message);
    }

    [Fact]
    public void Forward_checks_input_and_output()
    {
        var network = new SheetNet();
        AssertThrows("input", 3, 2, () => network.Forward(new float[2], new float[1]));
        AssertThrows("output", 1, 4, () => network.Forward(new float[3], new float[4]));
    }

    [Fact]
    public void Backward_checks_input_target_and_gradient()
    {
        var network = new SheetNet();
        AssertThrows("input", 3, 4, () => network.Backward(new float[4], new float[1], new float[11]));
        AssertThrows("target", 1, 0, () => network.Backward(new float[3], Array.Empty<float>(), new float[11]));
        AssertThrows("gradient", 11, 10, () => network.Backward(new float[3], new float[1], new float[10]));
    }

    [Fact]
    public void Looped_networks_check_their_spans_too()
    {
        var network = new DigitsNet();
        AssertThrows("input", 64, 63, () => network.Forward(new float[63], new float[10]));
        AssertThrows("target", 10, 9, () => network.TrainStep(new float[64], new float[9]));
    }

    [Fact]
    public void ComputeLoss_parameters_and_training_members_check_their_spans()
    {
        var network = new SheetNet();
        AssertThrows("target", 1, 2, () => network.ComputeLoss(new float[1], new float[2]));
        AssertThrows("destination", 11, 12, () => network.GetParameters(new float[12]));
        AssertThrows("source", 11, 3, () => network.SetParameters(new float[3]));
        AssertThrows("gradient", 11, 1, () => network.ApplyGradients(new float[1], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.ApplyGradients(new float[11], 0));
    }

    [Fact]
    public void A_failed_call_leaves_the_parameters_untouched()
    {
        var network = new SheetNet();
        var before = new float[11];
        network.GetParameters(before);

        Assert.Throws<ArgumentException>(() => network.SetParameters(new float[5]));

        var after = new float[11];
        network.GetParameters(after);
        Assert.Equal(before, after);
    }
}
