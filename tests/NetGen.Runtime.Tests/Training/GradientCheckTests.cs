using System;
using NetGen.Runtime.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Training;

public class GradientCheckTests
{
    [Fact]
    public void LinearModelGradientMatchesTheHandDerivedValues()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 0.3, -0.7, 0.2 });

        // o = 0.3·1.5 − 0.7·(−2) + 0.2 = 2.05; r = o − y = 1.65; ∂L/∂θ = r·[x₁, x₂, 1]
        GradientCheckResult result = GradientCheck.Run<LinearModel<double>, double>(model, new[] { 1.5, -2.0 }, new[] { 0.4 });

        Assert.Equal(new[] { 2.475, -3.3, 1.65 }, result.AnalyticGradient, new Close(1e-12));
        Assert.Equal(new[] { 2.475, -3.3, 1.65 }, result.NumericGradient, new Close(1e-8));
        Assert.Equal(0.5 * 1.65 * 1.65, result.Loss, 12);
        Assert.Equal(result.Loss, result.BackwardLoss, 12);
        Assert.True(result.MaxRelativeError < 1e-9, $"max relative error {result.MaxRelativeError}");
        Assert.Single(result.Layers);
        Assert.Equal(1e-5, result.Step);
    }

    [Fact]
    public void TwoLayerNetworkPassesAndItsParametersAreRestored()
    {
        var net = new SmallNet<double>();
        net.InitializeParameters(3);
        var before = new double[17];
        net.GetParameters(before);

        GradientCheckResult result = GradientCheck.Run<SmallNet<double>, double>(net, new[] { 0.4, -0.9 }, new[] { 0.25, -0.5 });

        Assert.True(result.MaxRelativeError < 1e-6, $"max relative error {result.MaxRelativeError} at {result.WorstParameterIndex}");
        Assert.Equal(2, result.Layers.Count);
        Assert.Equal(1, result.Layers[1].Layer);
        var after = new double[17];
        net.GetParameters(after);
        Assert.Equal(before, after);
    }

    [Fact]
    public void FloatNetworkPassesAtFloatPrecision()
    {
        var net = new SmallNet<float>();
        net.InitializeParameters(3);

        GradientCheckResult result = GradientCheck.Run<SmallNet<float>, float>(net, new[] { 0.4f, -0.9f }, new[] { 0.25f, -0.5f });

        Assert.Equal(GradientCheck.DefaultSingleStep, result.Step);
        Assert.True(result.MaxRelativeError < 1e-2, $"max relative error {result.MaxRelativeError} at {result.WorstParameterIndex}");
    }

    [Fact]
    public void AWrongBackwardIsCaughtInTheRightLayerAndParameter()
    {
        var net = new BrokenNet();
        net.InitializeParameters(3);

        GradientCheckResult result = GradientCheck.Run<BrokenNet, double>(net, new[] { 0.4, -0.9 }, new[] { 0.25, -0.5 });

        // A doubled gradient 2g against the true g: |2g − g| / (|2g| + |g|) = 1/3.
        Assert.Equal(1.0 / 3.0, result.MaxRelativeError, 6);
        Assert.Equal(BrokenNet.BrokenIndex, result.WorstParameterIndex);
        Assert.Equal(1.0 / 3.0, result.Layers[1].BiasError, 6);
        Assert.True(result.Layers[1].WeightError < 1e-6);
        Assert.True(result.Layers[0].MaxError < 1e-6);
    }

    [Fact]
    public void WrongSpanLengthsAreRejected()
    {
        var model = new LinearModel<double>();
        var e = Assert.Throws<ArgumentException>(() => GradientCheck.Run<LinearModel<double>, double>(model, new[] { 1.0 }, new[] { 0.0 }));
        Assert.Contains("exactly 2 values", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run<LinearModel<double>, double>(model, new[] { 1.0, 2 }, new[] { 0.0 }, step: 0));
    }

    [Fact]
    public void RelativeErrorFollowsTheDefinition()
    {
        Assert.Equal(0.0, GradientCheck.RelativeError(0, 0));
        Assert.Equal(1.0 / 3.0, GradientCheck.RelativeError(2, 1), 15);
        Assert.Equal(1e-9 / 1e-8, GradientCheck.RelativeError(1e-9, 0), 15);
        Assert.Equal(double.PositiveInfinity, GradientCheck.RelativeError(double.NaN, 1));
    }

    private sealed class Close(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
