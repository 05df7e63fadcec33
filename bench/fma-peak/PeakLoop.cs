using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// One core's fused multiply-add peak: sixteen independent chains of vfmadd (enough to cover a 4-cycle latency on two
/// FMA ports), no loads or stores, timed over a fixed count; the best of several rounds.
/// </summary>
internal static class PeakLoop
{
    /// <summary>GFLOP/s of fp32 FMAs (2 FLOP per lane) at 512 and 256 bits.</summary>
    public static (double Gflops512, double Gflops256) Measure(int rounds)
    {
        double best512 = 0, best256 = 0;
        const long iterations = 2_000_000; // short rounds: on a shared machine some of them run unpreempted
        for (int r = 0; r < rounds; r++)
        {
            if (Avx512F.IsSupported)
            {
                var watch = Stopwatch.StartNew();
                float sink = Chains512(iterations);
                best512 = Math.Max(best512, iterations * 16.0 * 16 * 2 / watch.Elapsed.TotalSeconds / 1e9);
                GC.KeepAlive(sink);
            }

            if (Fma.IsSupported)
            {
                var watch = Stopwatch.StartNew();
                float sink = Chains256(iterations);
                best256 = Math.Max(best256, iterations * 16.0 * 8 * 2 / watch.Elapsed.TotalSeconds / 1e9);
                GC.KeepAlive(sink);
            }
        }

        return (best512, best256);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Chains512(long iterations)
    {
        Vector512<float> b = Vector512.Create(0.9999f), c = Vector512.Create(0.0001f);
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        Vector512<float> a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Avx512F.FusedMultiplyAdd(a0, b, c); a1 = Avx512F.FusedMultiplyAdd(a1, b, c);
            a2 = Avx512F.FusedMultiplyAdd(a2, b, c); a3 = Avx512F.FusedMultiplyAdd(a3, b, c);
            a4 = Avx512F.FusedMultiplyAdd(a4, b, c); a5 = Avx512F.FusedMultiplyAdd(a5, b, c);
            a6 = Avx512F.FusedMultiplyAdd(a6, b, c); a7 = Avx512F.FusedMultiplyAdd(a7, b, c);
            a8 = Avx512F.FusedMultiplyAdd(a8, b, c); a9 = Avx512F.FusedMultiplyAdd(a9, b, c);
            a10 = Avx512F.FusedMultiplyAdd(a10, b, c); a11 = Avx512F.FusedMultiplyAdd(a11, b, c);
            a12 = Avx512F.FusedMultiplyAdd(a12, b, c); a13 = Avx512F.FusedMultiplyAdd(a13, b, c);
            a14 = Avx512F.FusedMultiplyAdd(a14, b, c); a15 = Avx512F.FusedMultiplyAdd(a15, b, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Chains256(long iterations)
    {
        Vector256<float> b = Vector256.Create(0.9999f), c = Vector256.Create(0.0001f);
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        Vector256<float> a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Fma.MultiplyAdd(a0, b, c); a1 = Fma.MultiplyAdd(a1, b, c);
            a2 = Fma.MultiplyAdd(a2, b, c); a3 = Fma.MultiplyAdd(a3, b, c);
            a4 = Fma.MultiplyAdd(a4, b, c); a5 = Fma.MultiplyAdd(a5, b, c);
            a6 = Fma.MultiplyAdd(a6, b, c); a7 = Fma.MultiplyAdd(a7, b, c);
            a8 = Fma.MultiplyAdd(a8, b, c); a9 = Fma.MultiplyAdd(a9, b, c);
            a10 = Fma.MultiplyAdd(a10, b, c); a11 = Fma.MultiplyAdd(a11, b, c);
            a12 = Fma.MultiplyAdd(a12, b, c); a13 = Fma.MultiplyAdd(a13, b, c);
            a14 = Fma.MultiplyAdd(a14, b, c); a15 = Fma.MultiplyAdd(a15, b, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15);
    }
}
