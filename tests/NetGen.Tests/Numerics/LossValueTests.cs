using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>Each loss of math.md on fixed numbers, computed by hand in the comment of each test.</summary>
public sealed class LossValueTests
{
    private static readonly double[] O = { 0.5, -1.0, 2.0 };
    private static readonly double[] Y = { 1.0, 1.0, 1.5 };

    [Fact]
    public void Mean_squared_error_carries_the_half() =>
        Assert.Equal(2.25, new LinearLayer().ComputeLoss(O, Y), 1e-15); // ½(0.25 + 4 + 0.25)

    [Fact]
    public void Mean_absolute_error() =>
        Assert.Equal(3.0, new MaeNet().ComputeLoss(O, Y), 1e-15); // 0.5 + 2 + 0.5

    [Fact]
    public void Huber_with_the_default_delta_of_one() =>
        Assert.Equal(1.75, new HuberNet().ComputeLoss(O, Y), 1e-15); // r = (−0.5, −2, 0.5): 0.125 + 1·(2 − 0.5) + 0.125

    [Fact]
    public void Huber_with_a_declared_delta() =>
        Assert.Equal(1.125, new HalfHuberNet().ComputeLoss(O, Y), 1e-15); // 0.125 + 0.5·(2 − 0.25) + 0.125

    [Fact]
    public void Binary_cross_entropy() =>
        Assert.Equal(0.5798184952529421, new BceNet().ComputeLoss(new[] { 0.8, 0.3 }, new[] { 1.0, 0.0 }), 1e-15); // −ln 0.8 − ln 0.7

    [Fact]
    public void Categorical_cross_entropy() =>
        Assert.Equal(0.35667494393873245, new SoftmaxLayer().ComputeLoss(new[] { 0.2, 0.7, 0.1 }, new[] { 0.0, 1.0, 0.0 }), 1e-15); // −ln 0.7

    [Fact]
    public void KL_divergence_counts_zero_targets_as_zero() =>
        Assert.Equal(0.2899092476264711, new KlNet().ComputeLoss(new[] { 0.2, 0.7, 0.1 }, new[] { 0.5, 0.5, 0.0 }), 1e-15); // ½ln(0.5/0.2) + ½ln(0.5/0.7) + 0

    [Fact]
    public void Hinge() =>
        Assert.Equal(0.7, new HingeNet().ComputeLoss(new[] { 0.3, -2.0 }, new[] { 1.0, -1.0 }), 1e-15); // max(0, 0.7) + max(0, −1)

    [Fact]
    public void Poisson() =>
        Assert.Equal(0.4205584583201643, new PoissonNet().ComputeLoss(new[] { 2.0, 0.5 }, new[] { 3.0, 0.0 }), 1e-15); // 2 − 3 ln 2 + 0.5

    [Fact]
    public void Saturated_outputs_give_a_large_finite_loss_never_infinity_or_NaN()
    {
        double bce = new BceNet().ComputeLoss(new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 });
        double cce = new SoftmaxLayer().ComputeLoss(new[] { 0.0, 1.0, 0.0 }, new[] { 1.0, 0.0, 0.0 });

        Assert.True(double.IsFinite(bce) && bce > 1000, $"BCE was {bce}");
        Assert.True(double.IsFinite(cce) && cce > 700, $"CCE was {cce}");
    }

    [Fact]
    public void Backward_returns_the_same_loss_as_ComputeLoss_of_Forward()
    {
        var network = new SheetNet();
        float[] input = { 0.5f, -0.25f, 1f };
        float[] target = { 1f };
        var output = new float[1];
        network.Forward(input, output);

        float fromBackward = network.Backward(input, target, new float[SheetNet.ParameterCount]);

        Assert.Equal(network.ComputeLoss(output, target), fromBackward, 1e-6f);
    }
}
