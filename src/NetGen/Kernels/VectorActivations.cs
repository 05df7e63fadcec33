using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// float activations in SIMD lanes (<see cref="Vector{T}"/>), for <see cref="BatchActivations"/>. Every element goes
/// through the vector code — the last partial vector is recomputed from its end, a span shorter than one vector
/// through a vector on the stack — so an element's bits never depend on its position. Each method returns how many
/// elements it wrote (the whole span, or 0 where SIMD is not accelerated and the caller's scalar loop runs).
/// Accuracy against a double-precision reference over a dense sweep: see docs/performance.md and the tests.
/// </summary>
internal static class VectorActivations
{
    private const float Log2E = 1.44269504f;
    private const float Ln2High = 0.693359375f;   // 355/512: n·Ln2High is exact for the n that occur
    private const float Ln2Low = -2.12194440e-4f; // ln 2 − Ln2High
    private const float RoundingShift = 12582912f; // 1.5·2²³: adding it rounds to an integer in the low mantissa bits
    private const float Sqrt2 = 1.41421356f;

    /// <summary>oᵢ = eᵃⁱ.</summary>
    public static int Exp(ReadOnlySpan<float> a, Span<float> o) => Run<ExpKernel>(a, o, 0);

    /// <summary>oᵢ = tanh aᵢ.</summary>
    public static int Tanh(ReadOnlySpan<float> a, Span<float> o) => Run<TanhKernel>(a, o, 0);

    /// <summary>oᵢ = 1/(1 + e⁻ᵃⁱ).</summary>
    public static int Sigmoid(ReadOnlySpan<float> a, Span<float> o) => Run<SigmoidKernel>(a, o, 0);

    /// <summary>oᵢ = ln(1 + eᵃⁱ).</summary>
    public static int Softplus(ReadOnlySpan<float> a, Span<float> o) => Run<SoftplusKernel>(a, o, 0);

    /// <summary>oᵢ = aᵢ &gt; 0 ? aᵢ : α(eᵃⁱ − 1).</summary>
    public static int Elu(ReadOnlySpan<float> a, Span<float> o, float alpha) => Run<EluKernel>(a, o, alpha);

    /// <summary>One activation on one vector.</summary>
    private interface IKernel
    {
        static abstract Vector<float> Apply(Vector<float> a, float alpha);
    }

    private static int Run<TKernel>(ReadOnlySpan<float> a, Span<float> o, float alpha)
        where TKernel : IKernel
    {
        int n = a.Length, width = Vector<float>.Count;
        if (!Vector.IsHardwareAccelerated || n == 0)
        {
            return 0;
        }

        if (n < width)
        {
            Span<float> buffer = stackalloc float[Vector<float>.Count];
            a.CopyTo(buffer);
            TKernel.Apply(new Vector<float>(buffer), alpha).CopyTo(buffer);
            buffer.Slice(0, n).CopyTo(o);
            return n;
        }

        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float ro = ref MemoryMarshal.GetReference(o);

        // The last vector ends at n and may overlap the one before it: computed first, so that in place its inputs
        // are read before anything is stored, and stored last (the overlap receives the same bits again).
        int last = n - width;
        Vector<float> tail = TKernel.Apply(Vector.LoadUnsafe(ref ra, (nuint)last), alpha);
        for (int i = 0; i < last; i += width)
        {
            TKernel.Apply(Vector.LoadUnsafe(ref ra, (nuint)i), alpha).StoreUnsafe(ref ro, (nuint)i);
        }

        tail.StoreUnsafe(ref ro, (nuint)last);
        return n;
    }

    /// <summary>
    /// eˣ: x = n·ln 2 + r with |r| ≤ ln2/2 (Cody–Waite, two-part ln 2), eʳ by its Taylor polynomial to r⁷ (truncation
    /// below 3·10⁻⁹ relative), times 2ⁿ as two powers of two so that overflow, underflow and subnormals come out right.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ExpCore(Vector<float> x)
    {
        Vector<float> clamped = Vector.Min(Vector.Max(x, new Vector<float>(-104f)), new Vector<float>(89f));
        Vector<float> shifted = VectorMath.MultiplyAdd(clamped, new Vector<float>(Log2E), new Vector<float>(RoundingShift));
        Vector<float> n = shifted - new Vector<float>(RoundingShift);
        Vector<int> k = Vector.AsVectorInt32(shifted) - Vector.AsVectorInt32(new Vector<float>(RoundingShift));
        Vector<float> r = VectorMath.MultiplyAdd(-n, new Vector<float>(Ln2High), clamped);
        r = VectorMath.MultiplyAdd(-n, new Vector<float>(Ln2Low), r);
        Vector<float> p = new(1f / 5040f);
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 720f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 120f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 24f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 6f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(0.5f));
        p = VectorMath.MultiplyAdd(p, r, Vector<float>.One);
        p = VectorMath.MultiplyAdd(p, r, Vector<float>.One);
        Vector<int> k1 = Vector.ShiftRightArithmetic(k, 1), k2 = k - k1;
        Vector<float> result = p * PowerOfTwo(k1) * PowerOfTwo(k2);
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
    }

    /// <summary>eˣ − 1 for x in [−30, 20], accurate near 0: 2ⁿ·(eʳ − 1) + (2ⁿ − 1) with eʳ − 1 by its Taylor polynomial to r⁸.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ExpM1Core(Vector<float> x)
    {
        Vector<float> clamped = Vector.Min(Vector.Max(x, new Vector<float>(-30f)), new Vector<float>(20f));
        Vector<float> shifted = VectorMath.MultiplyAdd(clamped, new Vector<float>(Log2E), new Vector<float>(RoundingShift));
        Vector<float> n = shifted - new Vector<float>(RoundingShift);
        Vector<int> k = Vector.AsVectorInt32(shifted) - Vector.AsVectorInt32(new Vector<float>(RoundingShift));
        Vector<float> r = VectorMath.MultiplyAdd(-n, new Vector<float>(Ln2High), clamped);
        r = VectorMath.MultiplyAdd(-n, new Vector<float>(Ln2Low), r);
        Vector<float> p = new(1f / 40320f);
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 5040f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 720f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 120f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 24f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(1f / 6f));
        p = VectorMath.MultiplyAdd(p, r, new Vector<float>(0.5f));
        Vector<float> q = VectorMath.MultiplyAdd(p * r, r, r); // eʳ − 1 = r + r²·p
        Vector<float> scale = PowerOfTwo(k);
        Vector<float> result = VectorMath.MultiplyAdd(scale, q, scale - Vector<float>.One);
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
    }

    /// <summary>ln w for w in [1, 2]: w = m·2ᵏ with m in [√½, √2], ln m = 2·atanh s, s = (m − 1)/(m + 1), |s| ≤ 0.172, to s⁹.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogOneToTwo(Vector<float> w)
    {
        Vector<int> high = Vector.GreaterThan(w, new Vector<float>(Sqrt2));
        Vector<float> m = Vector.ConditionalSelect(high, w * new Vector<float>(0.5f), w);
        Vector<float> k = Vector.ConditionalSelect(high, Vector<float>.One, Vector<float>.Zero);
        Vector<float> s = (m - Vector<float>.One) / (m + Vector<float>.One), s2 = s * s;
        Vector<float> p = new(2f / 9f);
        p = VectorMath.MultiplyAdd(p, s2, new Vector<float>(2f / 7f));
        p = VectorMath.MultiplyAdd(p, s2, new Vector<float>(2f / 5f));
        p = VectorMath.MultiplyAdd(p, s2, new Vector<float>(2f / 3f));
        Vector<float> logM = VectorMath.MultiplyAdd(p * s2, s, s + s); // 2s + s³·p
        return VectorMath.MultiplyAdd(k, new Vector<float>(Ln2High), VectorMath.MultiplyAdd(k, new Vector<float>(Ln2Low), logM));
    }

    /// <summary>2ᵏ for k in [−126, 127], built from its exponent bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> PowerOfTwo(Vector<int> k) =>
        Vector.AsVectorSingle(Vector.ShiftLeft(k + new Vector<int>(127), 23));

    private readonly struct ExpKernel : IKernel
    {
        public static Vector<float> Apply(Vector<float> a, float alpha) => ExpCore(a);
    }

    private readonly struct TanhKernel : IKernel
    {
        /// <summary>tanh |a| = e/(e + 2) with e = e^(2|a|) − 1 (no cancellation near 0), |a| capped at 9 (tanh 9 rounds to 1), sign restored.</summary>
        public static Vector<float> Apply(Vector<float> a, float alpha)
        {
            Vector<float> y = Vector.Min(Vector.Abs(a), new Vector<float>(9f));
            Vector<float> e = ExpM1Core(y + y);
            Vector<float> t = e / (e + new Vector<float>(2f));
            Vector<uint> sign = Vector.AsVectorUInt32(a) & new Vector<uint>(0x8000_0000u);
            Vector<float> signed = Vector.AsVectorSingle(Vector.AsVectorUInt32(t) | sign);
            return Vector.ConditionalSelect(Vector.Equals(a, a), signed, a);
        }
    }

    private readonly struct SigmoidKernel : IKernel
    {
        /// <summary>With e = e^(−|a|) in (0, 1]: 1/(1 + e) for a ≥ 0, e/(1 + e) for a &lt; 0 (no overflow, subnormals kept).</summary>
        public static Vector<float> Apply(Vector<float> a, float alpha)
        {
            Vector<float> e = ExpCore(-Vector.Abs(a));
            Vector<float> numerator = Vector.ConditionalSelect(Vector.LessThan(a, Vector<float>.Zero), e, Vector<float>.One);
            return Vector.ConditionalSelect(Vector.Equals(a, a), numerator / (Vector<float>.One + e), a);
        }
    }

    private readonly struct SoftplusKernel : IKernel
    {
        /// <summary>max(a, 0) + ln(1 + u), u = e^(−|a|), with ln(1 + u) = ln(w)·u/(w − 1), w = 1 + u (exact where w rounds to 1: u).</summary>
        public static Vector<float> Apply(Vector<float> a, float alpha)
        {
            Vector<float> u = ExpCore(-Vector.Abs(a));
            Vector<float> w = Vector<float>.One + u, wm1 = w - Vector<float>.One;
            Vector<int> exact = Vector.Equals(wm1, Vector<float>.Zero);
            Vector<float> safe = Vector.ConditionalSelect(exact, Vector<float>.One, wm1);
            Vector<float> log1p = Vector.ConditionalSelect(exact, u, LogOneToTwo(w) * (u / safe));
            Vector<float> result = Vector.Max(a, Vector<float>.Zero) + log1p;
            return Vector.ConditionalSelect(Vector.Equals(a, a), result, a);
        }
    }

    private readonly struct EluKernel : IKernel
    {
        /// <summary>a &gt; 0 ? a : α·(eᵃ − 1), eᵃ − 1 accurate near 0.</summary>
        public static Vector<float> Apply(Vector<float> a, float alpha) =>
            Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<float>.Zero), a, new Vector<float>(alpha) * ExpM1Core(a));
    }
}
