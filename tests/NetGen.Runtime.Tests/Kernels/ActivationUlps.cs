using System;
using NetGen.Kernels;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The ulp error of the float span activations over a dense sweep: every <c>step</c>-th float bit pattern in
/// [−limit, limit] (both signs, subnormals included), each result against the function computed in double and
/// measured in units of the float spacing at the reference value. Used by the tests and by bench/fma-peak's report.
/// </summary>
internal static class ActivationUlps
{
    /// <summary>The activations swept, with their double references.</summary>
    public static readonly (string Name, Func<double, double> Reference, Action<float[], float[]> Kernel)[] Functions =
    {
        ("exp", Math.Exp, (a, o) => BatchActivations.Exp<float>(a, o)),
        ("tanh", Math.Tanh, (a, o) => BatchActivations.Tanh<float>(a, o)),
        ("sigmoid", x => 1 / (1 + Math.Exp(-x)), (a, o) => BatchActivations.Sigmoid<float>(a, o)),
        ("softplus", x => Math.Max(x, 0) + LogOnePlus(Math.Exp(-Math.Abs(x))), (a, o) => BatchActivations.Softplus<float>(a, o)),
        ("elu (α = 1)", x => x > 0 ? x : ExpMinusOne(x), (a, o) => BatchActivations.Elu<float>(a, o, 1f)),
    };

    /// <summary>eˣ − 1 in double without the cancellation of Math.Exp(x) − 1 near 0 (Taylor to x³ below 10⁻⁵: error &lt; 10⁻²⁰ relative).</summary>
    private static double ExpMinusOne(double x) => Math.Abs(x) < 1e-5 ? x + (x * x / 2) + (x * x * x / 6) : Math.Exp(x) - 1;

    /// <summary>ln(1 + u) in double, accurate for tiny u (Taylor to u³ below 10⁻⁵).</summary>
    private static double LogOnePlus(double u) => u < 1e-5 ? u - (u * u / 2) + (u * u * u / 3) : Math.Log(1 + u);

    /// <summary>The largest error in ulps, the argument where it occurs and the number of arguments tried; also MathF's own largest error where it has the function.</summary>
    public static (double MaxUlps, float At, long Count) Sweep(Func<double, double> reference, Action<float[], float[]> kernel, float limit, int step)
    {
        const int batch = 4096;
        var a = new float[batch];
        var o = new float[batch];
        double worst = 0;
        float at = 0;
        long count = 0;
        int filled = 0;
        uint top = BitConverter.SingleToUInt32Bits(limit);
        for (uint bits = 0; bits <= top; bits += (uint)step)
        {
            float x = BitConverter.UInt32BitsToSingle(bits);
            a[filled++] = x;
            a[filled++] = -x;
            if (filled == batch || bits + (uint)step > top)
            {
                kernel(a, o);
                for (int i = 0; i < filled; i++)
                {
                    double error = Ulps(o[i], reference(a[i]));
                    if (error > worst)
                    {
                        (worst, at) = (error, a[i]);
                    }
                }

                count += filled;
                filled = 0;
            }
        }

        return (worst, at, count);
    }

    /// <summary>|actual − exact| in units of the float spacing at the exact value (the spacing of the float just above |exact|, at least the smallest subnormal's).</summary>
    public static double Ulps(float actual, double exact)
    {
        if (double.IsNaN(exact))
        {
            return float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }

        float rounded = (float)exact;
        if (float.IsInfinity(rounded))
        {
            return actual == rounded ? 0 : double.PositiveInfinity;
        }

        float magnitude = MathF.Abs(rounded);
        double spacing = (double)MathF.BitIncrement(magnitude) - magnitude;
        return Math.Abs(actual - exact) / spacing;
    }
}
