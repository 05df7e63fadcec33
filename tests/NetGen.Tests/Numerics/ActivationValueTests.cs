using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>
/// Each activation on fixed numbers, against values computed by hand (the literals were computed
/// independently with Python's math module and are checked against the formula in the test too).
/// </summary>
public sealed class ActivationValueTests
{
    private static readonly double[] X = { -1.5, 0.25, 2.0 };

    /// <summary>Forward of a 3→3 layer with W = I, b = 0: the bare activation of x.</summary>
    private static double[] Apply<TNet>()
        where TNet : INetwork<double>, new()
    {
        var network = new TNet();
        var parameters = new double[9 + 3];
        parameters[0] = parameters[4] = parameters[8] = 1; // W = I (row-major), b = 0
        network.SetParameters(parameters);
        var output = new double[3];
        network.Forward(X, output);
        return output;
    }

    private static void AssertValues(double[] expected, double[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-14);
        }
    }

    [Fact]
    public void Linear() => AssertValues(new[] { -1.5, 0.25, 2.0 }, Apply<LinearLayer>());

    [Fact]
    public void Sigmoid()
    {
        AssertValues(new[] { 0.18242552380635635, 0.5621765008857981, 0.8807970779778823 }, Apply<SigmoidLayer>());
        Assert.Equal(1 / (1 + Math.Exp(1.5)), Apply<SigmoidLayer>()[0], 1e-15);
    }

    [Fact]
    public void Tanh() => AssertValues(new[] { -0.9051482536448664, 0.24491866240370913, 0.9640275800758169 }, Apply<TanhLayer>());

    [Fact]
    public void ReLU() => AssertValues(new[] { 0.0, 0.25, 2.0 }, Apply<ReluLayer>());

    [Fact]
    public void LeakyReLU_uses_the_declared_slope() => AssertValues(new[] { -0.3, 0.25, 2.0 }, Apply<LeakyReluLayer>());

    [Fact]
    public void ELU_with_the_default_alpha_of_one() => AssertValues(new[] { -0.7768698398515702, 0.25, 2.0 }, Apply<EluLayer>());

    [Fact]
    public void Softplus() => AssertValues(new[] { 0.2014132779827524, 0.8259394198788436, 2.1269280110429727 }, Apply<SoftplusLayer>());

    [Fact]
    public void Exponential() => AssertValues(new[] { 0.22313016014842982, 1.2840254166877414, 7.38905609893065 }, Apply<ExponentialLayer>());

    [Fact]
    public void Softmax_sums_to_one() => AssertValues(new[] { 0.02508148055382201, 0.14433395511320982, 0.8305845643329681 }, Apply<SoftmaxLayer>());

    [Fact]
    public void Step() => AssertValues(new[] { 0.0, 1.0, 1.0 }, Apply<StepLayer>());

    [Fact]
    public void Softmax_does_not_overflow_on_large_inputs()
    {
        var network = new SoftmaxLayer();
        var parameters = new double[12];
        parameters[0] = parameters[4] = parameters[8] = 1;
        network.SetParameters(parameters);
        var output = new double[3];

        network.Forward(new[] { 1000.0, 1000.0, 999.0 }, output);

        // e^0 : e^0 : e^−1, computed by hand.
        double sum = 2 + Math.Exp(-1);
        AssertValues(new[] { 1 / sum, 1 / sum, Math.Exp(-1) / sum }, output);
    }

    [Fact]
    public void Softplus_does_not_overflow_on_large_inputs()
    {
        var network = new SoftplusLayer();
        var parameters = new double[12];
        parameters[0] = parameters[4] = parameters[8] = 1;
        network.SetParameters(parameters);
        var output = new double[3];

        network.Forward(new[] { 800.0, -800.0, 0.0 }, output);

        AssertValues(new[] { 800.0, 0.0, Math.Log(2) }, output);
    }
}
