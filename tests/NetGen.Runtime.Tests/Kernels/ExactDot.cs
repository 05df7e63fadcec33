using System;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// Reference sums for the batch-kernel tests, independent of the kernels: Ogita–Rump–Oishi's Dot2 (error-free
/// products by FMA, error-free sums), as accurate as a dot product computed in twice double precision, and the
/// floating-point error bound γₙ = n·u/(1 − n·u) of any n-step recursive summation (Higham, Accuracy and Stability
/// of Numerical Algorithms, §3.1), whatever the order of the additions.
/// </summary>
internal static class ExactDot
{
    /// <summary>Σ aᵢ·bᵢ (plus <paramref name="start"/>) and Σ |aᵢ·bᵢ| (plus |start|), the first rounded once to double from ~106 bits.</summary>
    public static (double Sum, double Magnitude) Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double start = 0)
    {
        double sum = start, error = 0, magnitude = Math.Abs(start);
        for (int i = 0; i < a.Length; i++)
        {
            double product = a[i] * b[i];
            double productError = Math.FusedMultiplyAdd(a[i], b[i], -product);
            double next = sum + product;
            double z = next - sum;
            error += ((sum - (next - z)) + (product - z)) + productError;
            sum = next;
            magnitude += Math.Abs(product);
        }

        return (sum + error, magnitude);
    }

    /// <summary>γₙ for unit roundoff <paramref name="unitRoundoff"/> (2⁻²⁴ float, 2⁻⁵³ double).</summary>
    public static double Gamma(int n, double unitRoundoff) => n * unitRoundoff / (1 - (n * unitRoundoff));

    /// <summary>The unit roundoff of T.</summary>
    public static double UnitRoundoff<T>() => typeof(T) == typeof(float) ? Math.Pow(2, -24) : Math.Pow(2, -53);
}
