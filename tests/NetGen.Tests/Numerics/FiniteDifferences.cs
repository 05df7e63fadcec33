using System;

namespace NetGen.Tests.Numerics;

/// <summary>math.md's check: central differences (L(θ+h) − L(θ−h)) / 2h of L = ComputeLoss(Forward(x), y).</summary>
internal static class FiniteDifferences
{
    public const double Step = 1e-5;

    public const double Tolerance = 1e-6;

    /// <summary>
    /// Below this absolute difference central differences cannot tell two gradients apart: each loss
    /// evaluation carries a rounding error of about ε·|L| (ε ≈ 1.1e−16), so ĝ carries about ε·|L|/h ≈
    /// 1e−11·|L|; this floor leaves a margin of 100 over that. It only matters for gradients so small
    /// (|g| ≲ 1e−3) that the relative error of math.md measures the rounding of ĝ, not g.
    /// </summary>
    public static double NoiseFloor(double loss) => 1e-9 * Math.Max(1.0, Math.Abs(loss));

    /// <summary>math.md's relative error within tolerance, or both values equal to within the rounding noise of ĝ.</summary>
    public static bool Agree(double analytic, double numeric, double loss) =>
        RelativeError(analytic, numeric) <= Tolerance || Math.Abs(analytic - numeric) <= NoiseFloor(loss);

    /// <summary>|g − ĝ| / max(1e−8, |g| + |ĝ|).</summary>
    public static double RelativeError(double analytic, double numeric) =>
        Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric));

    public static double Loss(INetwork<double> network, double[] input, double[] target)
    {
        var output = new double[target.Length];
        network.Forward(input, output);
        return network.ComputeLoss(output, target);
    }

    /// <summary>The numeric gradient of every parameter; the parameters are restored afterwards.</summary>
    public static double[] Gradient(INetwork<double> network, int parameterCount, double[] input, double[] target)
    {
        var parameters = new double[parameterCount];
        network.GetParameters(parameters);
        var gradient = new double[parameterCount];
        for (int k = 0; k < parameterCount; k++)
        {
            double original = parameters[k];
            parameters[k] = original + Step;
            network.SetParameters(parameters);
            double plus = Loss(network, input, target);
            parameters[k] = original - Step;
            network.SetParameters(parameters);
            double minus = Loss(network, input, target);
            parameters[k] = original;
            gradient[k] = (plus - minus) / (2 * Step);
        }

        network.SetParameters(parameters);
        return gradient;
    }
}
