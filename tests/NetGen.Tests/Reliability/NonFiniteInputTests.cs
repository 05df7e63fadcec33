using System;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Reliability;

/// <summary>
/// A NaN or infinite value in the input or target of TrainStep, Backward or BackwardBatch: the member returns NaN and
/// changes nothing (parameters, optimizer moments and step, dropout sequence, the gradient buffer). Issue 11's case is a
/// ReLU network, where a NaN input used to come back as loss 0 with some parameters NaN.
/// </summary>
public sealed class NonFiniteInputTests
{
    public static TheoryData<float> NonFinite() => new(float.NaN, float.PositiveInfinity, float.NegativeInfinity);

    private static float[] Parameters<TNet>(TNet network)
        where TNet : INetwork<float>
    {
        var p = new float[TNet.ParameterCount];
        network.GetParameters(p);
        return p;
    }

    private static void AssertBitwiseEqual(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]), $"parameter {i}: {expected[i]} became {actual[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void TrainStep_with_a_non_finite_input_through_ReLU_returns_NaN_and_changes_nothing(float bad)
    {
        var network = new SmallReluNet();
        var twin = new SmallReluNet();
        network.TrainStep(new[] { 0.5f, -0.25f }, new[] { 1f }); // moments that are not zero
        twin.TrainStep(new[] { 0.5f, -0.25f }, new[] { 1f });
        float[] before = Parameters(network);

        float loss = network.TrainStep(new[] { bad, 0.5f }, new[] { 1f });

        Assert.True(float.IsNaN(loss), $"TrainStep returned {loss}");
        AssertBitwiseEqual(before, Parameters(network));

        // The optimizer state is untouched too: the next real step is the twin's, bit for bit.
        network.TrainStep(new[] { 0.125f, 0.75f }, new[] { -1f });
        twin.TrainStep(new[] { 0.125f, 0.75f }, new[] { -1f });
        AssertBitwiseEqual(Parameters(twin), Parameters(network));
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void TrainStep_with_a_non_finite_target_returns_NaN_and_changes_nothing(float bad)
    {
        var network = new WideOneToThreeNet();
        float[] before = Parameters(network);

        float loss = network.TrainStep(new[] { 0.5f }, new[] { 1f, bad, 0f });

        Assert.True(float.IsNaN(loss));
        AssertBitwiseEqual(before, Parameters(network));
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void Backward_and_BackwardBatch_leave_the_gradient_untouched(float bad)
    {
        var network = new WideOneToThreeNet();
        var gradient = new float[WideOneToThreeNet.ParameterCount];
        gradient.AsSpan().Fill(0.5f);

        Assert.True(float.IsNaN(network.Backward(new[] { bad }, new float[3], gradient)));
        Assert.True(float.IsNaN(network.BackwardBatch(new[] { 1f, 2f, bad, 3f, 4f }, new float[15], gradient)));
        Assert.True(float.IsNaN(network.BackwardBatch(new[] { 1f, 2f }, new[] { 0f, 0f, 0f, 0f, bad, 0f }, gradient)));

        Assert.All(gradient, g => Assert.Equal(0.5f, g));
    }

    [Fact]
    public void A_double_network_follows_the_same_policy()
    {
        var network = new WideReluDoubleNet();
        var input = new double[20];
        input[13] = double.NaN;
        var before = new double[WideReluDoubleNet.ParameterCount];
        network.GetParameters(before);

        Assert.True(double.IsNaN(network.TrainStep(input, new double[] { 1, 0, 0 })));

        var after = new double[WideReluDoubleNet.ParameterCount];
        network.GetParameters(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void GradientCheck_on_an_all_NaN_input_fails_and_says_why()
    {
        var network = new SmallReluNet();

        GradientCheckResult result = GradientCheck.Run<SmallReluNet, float>(network, new[] { float.NaN, float.NaN }, new[] { 1f });

        Assert.False(result.Passes(1e-2));
        Assert.Equal(double.PositiveInfinity, result.MaxRelativeError);
        Assert.Contains("input[0] is NaN", result.NonFiniteValue);
    }

    [Fact]
    public void GradientCheck_on_non_finite_parameters_fails_and_leaves_them()
    {
        var network = new SmallReluNet();
        float[] p = Parameters(network);
        p[3] = float.PositiveInfinity;
        network.SetParameters(p);

        GradientCheckResult result = GradientCheck.Run<SmallReluNet, float>(network, new[] { 0.5f, 0.25f }, new[] { 1f });

        Assert.False(result.Passes(1e-2));
        Assert.Contains("parameter 3 is ∞", result.NonFiniteValue);
        AssertBitwiseEqual(p, Parameters(network));
    }

    [Fact]
    public void GradientCheck_on_finite_values_still_passes()
    {
        var network = new SmallReluNet();

        GradientCheckResult result = GradientCheck.Run<SmallReluNet, float>(network, new[] { 0.5f, 0.25f }, new[] { 1f });

        Assert.Null(result.NonFiniteValue);
        Assert.True(result.Passes(1e-2), $"max relative error {result.MaxRelativeError}");
    }
}
