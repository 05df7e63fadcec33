using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels.Simd;

/// <summary>
/// The lane sums of four vectors reduced together (horizontal adds serve all four at once). Each of the four is
/// reduced in the same pattern whichever argument it is, so a sum's bits do not depend on its slot.
/// </summary>
internal static class HorizontalSums
{
    /// <summary>Four 256-bit sums: neighbours, then pairs, then the two 128-bit halves (float); neighbours, then halves (double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Four<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> d, out T sa, out T sb, out T sc, out T sd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Avx.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                Vector256<float> h = Avx.HorizontalAdd(Avx.HorizontalAdd(a.AsSingle(), b.AsSingle()), Avx.HorizontalAdd(c.AsSingle(), d.AsSingle()));
                Vector128<T> t = (h.GetLower() + h.GetUpper()).As<float, T>();
                (sa, sb, sc, sd) = (t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
                return;
            }

            if (typeof(T) == typeof(double))
            {
                Vector256<double> h01 = Avx.HorizontalAdd(a.AsDouble(), b.AsDouble()), h23 = Avx.HorizontalAdd(c.AsDouble(), d.AsDouble());
                Vector256<T> t = (Avx.Permute2x128(h01, h23, 0x20) + Avx.Permute2x128(h01, h23, 0x31)).As<double, T>();
                (sa, sb, sc, sd) = (t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
                return;
            }
        }

        Four(a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper(), c.GetLower() + c.GetUpper(), d.GetLower() + d.GetUpper(), out sa, out sb, out sc, out sd);
    }

    /// <summary>Four 128-bit sums: neighbours, then pairs (float); the two lanes (double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Four<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c, Vector128<T> d, out T sa, out T sb, out T sc, out T sd)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Sse3.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                Vector128<T> t = Sse3.HorizontalAdd(Sse3.HorizontalAdd(a.AsSingle(), b.AsSingle()), Sse3.HorizontalAdd(c.AsSingle(), d.AsSingle())).As<float, T>();
                (sa, sb, sc, sd) = (t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
                return;
            }

            if (typeof(T) == typeof(double))
            {
                Vector128<T> ab = Sse3.HorizontalAdd(a.AsDouble(), b.AsDouble()).As<double, T>(), cd = Sse3.HorizontalAdd(c.AsDouble(), d.AsDouble()).As<double, T>();
                (sa, sb, sc, sd) = (ab.GetElement(0), ab.GetElement(1), cd.GetElement(0), cd.GetElement(1));
                return;
            }
        }

        (sa, sb, sc, sd) = (Sequential(a), Sequential(b), Sequential(c), Sequential(d));
    }

    /// <summary>Lane 0 + lane 1 + … in index order (processors without the horizontal adds).</summary>
    private static T Sequential<T>(Vector128<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = v.GetElement(0);
        for (int i = 1; i < Vector128<T>.Count; i++)
        {
            sum += v.GetElement(i);
        }

        return sum;
    }
}
