using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// Each optimizer for three steps on o = w·x + b with L = ½(o − y)², against math.md's update rules
/// worked by hand below (gw = (o − y)·x, gb = o − y), never against the code under test.
/// </summary>
public sealed class OptimizerStepTests
{
    private const double X = 2.0, Y = 1.0, W0 = 0.5, B0 = 0.1, Eta = 0.1;

    private static (double W, double B) Train<TNet>(TNet network, int steps, double weightDecay = 0)
        where TNet : ITrainableNetwork<double>
    {
        network.SetParameters(new[] { W0, B0 });
        network.Hyperparameters.LearningRate = Eta;
        network.Hyperparameters.WeightDecay = weightDecay;
        network.ResetOptimizerState();
        for (int t = 0; t < steps; t++)
        {
            network.TrainStep(new[] { X }, new[] { Y });
        }

        var p = new double[2];
        network.GetParameters(p);
        return (p[0], p[1]);
    }

    [Fact]
    public void Sgd_three_steps()
    {
        // t=1: o = 1.1, r = 0.1: gw = 0.2, gb = 0.1 → w = 0.48, b = 0.09
        // t=2: o = 1.05, r = 0.05: gw = 0.1, gb = 0.05 → w = 0.47, b = 0.085
        // t=3: o = 1.025, r = 0.025: gw = 0.05, gb = 0.025 → w = 0.465, b = 0.0825
        var (w, b) = Train(new SgdUnit(), 3);
        Assert.Equal(0.465, w, 1e-15);
        Assert.Equal(0.0825, b, 1e-15);
    }

    [Fact]
    public void Sgd_with_weight_decay_adds_lambda_w_to_the_gradient()
    {
        // λ = 0.1: gw = 0.2 + 0.1·0.5 = 0.25 → w = 0.475; gb = 0.1 + 0.1·0.1 = 0.11 → b = 0.089
        var (w, b) = Train(new SgdUnit(), 1, weightDecay: 0.1);
        Assert.Equal(0.475, w, 1e-15);
        Assert.Equal(0.089, b, 1e-15);
    }

    [Fact]
    public void Momentum_three_steps()
    {
        // β = 0.9: m ← 0.9m + 0.1g, w ← w − 0.1m.
        // t=1: g = (0.2, 0.1), m = (0.02, 0.01), w = 0.498, b = 0.099
        // t=2: o = 1.095, r = 0.095: g = (0.19, 0.095), m = (0.037, 0.0185), w = 0.4943, b = 0.09715
        // t=3: o = 1.08575, r = 0.08575: g = (0.1715, 0.08575), m = (0.05045, 0.025225), w = 0.489255, b = 0.0946275
        var (w, b) = Train(new MomentumUnit(), 3);
        Assert.Equal(0.489255, w, 1e-14);
        Assert.Equal(0.0946275, b, 1e-14);
    }

    [Fact]
    public void RmsProp_first_step_is_eta_times_g_over_root_of_a_tenth_of_g_squared()
    {
        // β = 0.9: v = 0.1g², w ← w − η g/(√(0.1)|g| + ε) = w − 0.1/√0.1 · sign(g) (ε negligible):
        // w = 0.5 − 0.316227766…, b = 0.1 − 0.316227766…
        double step = Eta / Math.Sqrt(0.1);
        var (w, b) = Train(new RmsPropUnit(), 1);
        Assert.Equal(W0 - (Eta * 0.2 / ((Math.Sqrt(0.1) * 0.2) + 1e-8)), w, 1e-15);
        Assert.Equal(0.5 - step, w, 1e-7);
        Assert.Equal(0.1 - step, b, 1e-7);
    }

    [Fact]
    public void RmsProp_two_steps()
    {
        // t=1: w1 = 0.5 − s, b1 = 0.1 − s with s = 0.1/√0.1 (to ε), v = (0.1·0.04, 0.1·0.01)
        double s = Eta * 0.2 / ((Math.Sqrt(0.004)) + 1e-8);
        double sb = Eta * 0.1 / ((Math.Sqrt(0.001)) + 1e-8);
        double w1 = W0 - s, b1 = B0 - sb;
        // t=2: r = w1·2 + b1 − 1, g = (2r, r), v ← 0.9v + 0.1g²
        double r = (w1 * X) + b1 - Y;
        double vw = (0.9 * 0.004) + (0.1 * 4 * r * r), vb = (0.9 * 0.001) + (0.1 * r * r);
        double w2 = w1 - (Eta * 2 * r / (Math.Sqrt(vw) + 1e-8)), b2 = b1 - (Eta * r / (Math.Sqrt(vb) + 1e-8));

        var (w, b) = Train(new RmsPropUnit(), 2);
        Assert.Equal(w2, w, 1e-14);
        Assert.Equal(b2, b, 1e-14);
    }

    [Fact]
    public void Adam_first_step_moves_every_parameter_by_about_eta()
    {
        // t=1: m = 0.1g, v = 0.001g², m̂ = g, v̂ = g²: w ← w − η g/(|g| + ε) ≈ w − η sign(g).
        var (w, b) = Train(new AdamUnit(), 1);
        Assert.Equal(0.5 - (0.1 * 0.2 / (0.2 + 1e-8)), w, 1e-15);
        Assert.Equal(0.1 - (0.1 * 0.1 / (0.1 + 1e-8)), b, 1e-15);
    }

    [Fact]
    public void Adam_three_steps_with_bias_correction()
    {
        double w = W0, b = B0, mw = 0, mb = 0, vw = 0, vb = 0;
        for (int t = 1; t <= 3; t++)
        {
            // math.md, line by line.
            double r = (w * X) + b - Y, gw = r * X, gb = r;
            mw = (0.9 * mw) + (0.1 * gw);
            mb = (0.9 * mb) + (0.1 * gb);
            vw = (0.999 * vw) + (0.001 * gw * gw);
            vb = (0.999 * vb) + (0.001 * gb * gb);
            double c1 = 1 - Math.Pow(0.9, t), c2 = 1 - Math.Pow(0.999, t);
            w -= Eta * (mw / c1) / (Math.Sqrt(vw / c2) + 1e-8);
            b -= Eta * (mb / c1) / (Math.Sqrt(vb / c2) + 1e-8);
        }

        var (actualW, actualB) = Train(new AdamUnit(), 3);
        Assert.Equal(w, actualW, 1e-14);
        Assert.Equal(b, actualB, 1e-14);
    }

    [Fact]
    public void Resetting_the_optimizer_restarts_the_bias_correction()
    {
        var network = new AdamUnit();
        Train(network, 3);
        var (w, b) = Train(network, 1); // Train resets first

        Assert.Equal(0.5 - (0.1 * 0.2 / (0.2 + 1e-8)), w, 1e-15);
        Assert.Equal(0.1 - (0.1 * 0.1 / (0.1 + 1e-8)), b, 1e-15);
    }

    [Fact]
    public void ApplyGradients_averages_a_mini_batch()
    {
        // Two samples: (x=2, y=1) → r = 0.1, g = (0.2, 0.1); (x=−1, y=0) → o = −0.4, r = −0.4, g = (0.4, −0.4).
        // Mean g = (0.3, −0.15): w = 0.5 − 0.03 = 0.47, b = 0.1 + 0.015 = 0.115.
        var network = new SgdUnit();
        network.SetParameters(new[] { W0, B0 });
        network.Hyperparameters.LearningRate = Eta;
        var gradient = new double[2];
        network.Backward(new[] { 2.0 }, new[] { 1.0 }, gradient);
        network.Backward(new[] { -1.0 }, new[] { 0.0 }, gradient);
        Assert.Equal(new[] { 0.6, -0.3 }, gradient, new ToleranceComparer(1e-15));

        network.ApplyGradients(gradient, batchSize: 2);

        var p = new double[2];
        network.GetParameters(p);
        Assert.Equal(0.47, p[0], 1e-15);
        Assert.Equal(0.115, p[1], 1e-15);
    }

    private sealed class ToleranceComparer(double tolerance) : System.Collections.Generic.IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
