using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The vector kernels generated code uses for layers too wide to unroll: a = W·x (four rows at a
/// time, so every load of x serves four rows), g += Wᵀδ, a dot product and y += αx. SIMD with
/// <see cref="Vector{T}"/>, independent accumulators, scalar tails; no allocation. W is row-major
/// [rows × columns], as in math.md's flat parameter order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static partial class VectorMath
{
    /// <summary>Σᵢ aᵢbᵢ over the length of <paramref name="a"/> (<paramref name="b"/> must be at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Length;
        RequireLength(nameof(b), n, b.Length);

        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int width = Vector<T>.Count, i = 0;
        T sum = T.Zero;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero, s2 = Vector<T>.Zero, s3 = Vector<T>.Zero;
            for (; i <= n - (4 * width); i += 4 * width)
            {
                s0 = MultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i), s0);
                s1 = MultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)(i + width)), Vector.LoadUnsafe(ref rb, (nuint)(i + width)), s1);
                s2 = MultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)(i + (2 * width))), Vector.LoadUnsafe(ref rb, (nuint)(i + (2 * width))), s2);
                s3 = MultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)(i + (3 * width))), Vector.LoadUnsafe(ref rb, (nuint)(i + (3 * width))), s3);
            }

            for (; i <= n - width; i += width)
            {
                s0 = MultiplyAdd(Vector.LoadUnsafe(ref ra, (nuint)i), Vector.LoadUnsafe(ref rb, (nuint)i), s0);
            }

            sum = Vector.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }

        return sum;
    }

    /// <summary>y += α·x over the length of <paramref name="y"/> (<paramref name="x"/> must be at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled<T>(Span<T> y, T alpha, ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = y.Length;
        RequireLength(nameof(x), n, x.Length);

        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rx = ref MemoryMarshal.GetReference(x);
        int width = Vector<T>.Count, i = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && Vector<T>.Count * 2 == Vector512<T>.Count)
        {
            // AVX-512: half the loads and stores per element (the loop is bound by them); lanes round as below.
            Vector512<T> a512 = Vector512.Create(alpha);
            for (int wide = Vector512<T>.Count; i <= n - wide; i += wide)
            {
                MultiplyAdd512(a512, Vector512.LoadUnsafe(ref rx, (nuint)i), Vector512.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }
#endif

        if (Vector.IsHardwareAccelerated && n - i >= width)
        {
            var a = new Vector<T>(alpha);
            for (; i <= n - width; i += width)
            {
                MultiplyAdd(a, Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            // As one lane of the vector loops: every element gets the same bits wherever it sits.
            Unsafe.Add(ref ry, i) = MultiplyAdd(alpha, Unsafe.Add(ref rx, i), Unsafe.Add(ref ry, i));
        }
    }

    /// <summary>matrix += rowFactors·xᵀ (row i gains rowFactorsᵢ·x), with the matrix row-major [rowFactors.Length × x.Length]: a gradient's δ(oˡ⁻¹)ᵀ.</summary>
    public static void AddOuter<T>(Span<T> matrix, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int columns = x.Length;
        for (int i = 0; i < rowFactors.Length; i++)
        {
            AddScaled(matrix.Slice(i * columns, columns), rowFactors[i], x);
        }
    }

    /// <summary>
    /// result = W·x, with W row-major [result.Length × <paramref name="columns"/>]: four rows per pass, every
    /// load of x serving all four, the four sums reduced together (and 512-bit vectors where AVX-512 is fast).
    /// </summary>
    public static void Multiply<T>(ReadOnlySpan<T> matrix, int columns, ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = result.Length;
        RequireLength(nameof(matrix), rows * columns, matrix.Length);
        RequireLength(nameof(x), columns, x.Length);

        ref T rw = ref MemoryMarshal.GetReference(matrix);
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T rr = ref MemoryMarshal.GetReference(result);
        int width = Vector<T>.Count;
        for (int i = 0; i < rows; i += 4)
        {
            // The last pass of a row count that is not a multiple of 4 computes its last row again in place
            // of the missing ones (and stores only the real rows): every row takes the same four-row path.
            int last = rows - 1;
            nuint r0 = (nuint)(i * columns), r1 = (nuint)(Math.Min(i + 1, last) * columns);
            nuint r2 = (nuint)(Math.Min(i + 2, last) * columns), r3 = (nuint)(Math.Min(i + 3, last) * columns);
            int j = 0;
            T t0 = T.Zero, t1 = T.Zero, t2 = T.Zero, t3 = T.Zero;
            if (Vector.IsHardwareAccelerated && columns >= width)
            {
                Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero, s2 = Vector<T>.Zero, s3 = Vector<T>.Zero;
#if NET9_0_OR_GREATER
                if (Vector512.IsHardwareAccelerated && Vector<T>.Count * 2 == Vector512<T>.Count && columns >= Vector512<T>.Count)
                {
                    // Twice as many columns per instruction (AVX-512), folded to Vector<T> for the rest.
                    j = MultiplyFourRows512(ref rw, r0, r1, r2, r3, ref rx, columns, out s0, out s1, out s2, out s3);
                }
#endif
                for (; j <= columns - width; j += width)
                {
                    Vector<T> xv = Vector.LoadUnsafe(ref rx, (nuint)j);
                    s0 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r0 + (nuint)j), xv, s0);
                    s1 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r1 + (nuint)j), xv, s1);
                    s2 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r2 + (nuint)j), xv, s2);
                    s3 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r3 + (nuint)j), xv, s3);
                }

                SumFour(s0, s1, s2, s3, out t0, out t1, out t2, out t3);
            }

            for (; j < columns; j++)
            {
                T xj = Unsafe.Add(ref rx, j);
                t0 += Unsafe.Add(ref rw, r0 + (nuint)j) * xj;
                t1 += Unsafe.Add(ref rw, r1 + (nuint)j) * xj;
                t2 += Unsafe.Add(ref rw, r2 + (nuint)j) * xj;
                t3 += Unsafe.Add(ref rw, r3 + (nuint)j) * xj;
            }

            Unsafe.Add(ref rr, i) = t0;
            if (i + 4 <= rows)
            {
                Unsafe.Add(ref rr, i + 1) = t1;
                Unsafe.Add(ref rr, i + 2) = t2;
                Unsafe.Add(ref rr, i + 3) = t3;
            }
            else if (i + 2 < rows)
            {
                Unsafe.Add(ref rr, i + 1) = t1;
                Unsafe.Add(ref rr, i + 2) = t2;
            }
            else if (i + 1 < rows)
            {
                Unsafe.Add(ref rr, i + 1) = t1;
            }
        }
    }

    /// <summary>result += Wᵀ·v, with W row-major [v.Length × <paramref name="columns"/>]: four scaled rows added per pass over result.</summary>
    public static void MultiplyTransposedAdd<T>(ReadOnlySpan<T> matrix, int columns, ReadOnlySpan<T> v, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = v.Length;
        RequireLength(nameof(matrix), rows * columns, matrix.Length);
        RequireLength(nameof(result), columns, result.Length);

        ref T rw = ref MemoryMarshal.GetReference(matrix);
        ref T rr = ref MemoryMarshal.GetReference(result);
        int width = Vector<T>.Count, i = 0;
        for (; i + 4 <= rows; i += 4)
        {
            nuint r0 = (nuint)(i * columns), r1 = r0 + (nuint)columns, r2 = r1 + (nuint)columns, r3 = r2 + (nuint)columns;
            T v0 = v[i], v1 = v[i + 1], v2 = v[i + 2], v3 = v[i + 3];
            int j = 0;
            if (Vector.IsHardwareAccelerated && columns >= width)
            {
                Vector<T> a0 = new(v0), a1 = new(v1), a2 = new(v2), a3 = new(v3);
                for (; j <= columns - width; j += width)
                {
                    Vector<T> sum = MultiplyAdd(a0, Vector.LoadUnsafe(ref rw, r0 + (nuint)j), Vector.LoadUnsafe(ref rr, (nuint)j));
                    sum = MultiplyAdd(a1, Vector.LoadUnsafe(ref rw, r1 + (nuint)j), sum);
                    sum = MultiplyAdd(a2, Vector.LoadUnsafe(ref rw, r2 + (nuint)j), sum);
                    sum = MultiplyAdd(a3, Vector.LoadUnsafe(ref rw, r3 + (nuint)j), sum);
                    sum.StoreUnsafe(ref rr, (nuint)j);
                }
            }

            for (; j < columns; j++)
            {
                Unsafe.Add(ref rr, j) += (v0 * Unsafe.Add(ref rw, r0 + (nuint)j)) + (v1 * Unsafe.Add(ref rw, r1 + (nuint)j))
                    + (v2 * Unsafe.Add(ref rw, r2 + (nuint)j)) + (v3 * Unsafe.Add(ref rw, r3 + (nuint)j));
            }
        }

        for (; i < rows; i++)
        {
            AddScaled(result.Slice(0, columns), v[i], matrix.Slice(i * columns, columns));
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// The four row sums of <see cref="Multiply"/> over the first columns in 512-bit vectors (the kernel checks
    /// <see cref="Vector512.IsHardwareAccelerated"/> and that <see cref="Vector{T}"/> is half as wide), each folded
    /// to a <see cref="Vector{T}"/> (lower half + upper half); returns the first column not yet summed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MultiplyFourRows512<T>(ref T rw, nuint r0, nuint r1, nuint r2, nuint r3, ref T rx, int columns,
        out Vector<T> s0, out Vector<T> s1, out Vector<T> s2, out Vector<T> s3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = Vector512<T>.Count, j = 0;
        Vector512<T> q0 = Vector512<T>.Zero, q1 = Vector512<T>.Zero, q2 = Vector512<T>.Zero, q3 = Vector512<T>.Zero;
        for (; j <= columns - width; j += width)
        {
            Vector512<T> xv = Vector512.LoadUnsafe(ref rx, (nuint)j);
            q0 = MultiplyAdd512(Vector512.LoadUnsafe(ref rw, r0 + (nuint)j), xv, q0);
            q1 = MultiplyAdd512(Vector512.LoadUnsafe(ref rw, r1 + (nuint)j), xv, q1);
            q2 = MultiplyAdd512(Vector512.LoadUnsafe(ref rw, r2 + (nuint)j), xv, q2);
            q3 = MultiplyAdd512(Vector512.LoadUnsafe(ref rw, r3 + (nuint)j), xv, q3);
        }

        s0 = (q0.GetLower() + q0.GetUpper()).AsVector();
        s1 = (q1.GetLower() + q1.GetUpper()).AsVector();
        s2 = (q2.GetLower() + q2.GetUpper()).AsVector();
        s3 = (q3.GetLower() + q3.GetUpper()).AsVector();
        return j;
    }

    /// <summary>a·b + c in one fused multiply-add, for the 512-bit loops (AVX-512 always has FMA): each lane as <see cref="MultiplyAdd{T}(T, T, T)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<T> MultiplyAdd512<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return (a * b) + c;
    }
#endif

    /// <summary>
    /// The lane sums of four vectors, each in <see cref="Vector.Sum"/>'s order (pairs of neighbours, then
    /// the two 128-bit halves), but reduced together: with AVX and 256-bit vectors three horizontal adds
    /// serve all four, where four <see cref="Vector.Sum"/> calls take eight and four extracts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumFour<T>(Vector<T> s0, Vector<T> s1, Vector<T> s2, Vector<T> s3, out T t0, out T t1, out T t2, out T t3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Avx.IsSupported && Vector<byte>.Count == 32)
        {
            if (typeof(T) == typeof(float))
            {
                // Lanes of h: per 128-bit half, the half-sums of s0, s1, s2, s3; adding the halves gives the totals.
                Vector256<float> h = Avx.HorizontalAdd(
                    Avx.HorizontalAdd(s0.AsVector256().AsSingle(), s1.AsVector256().AsSingle()),
                    Avx.HorizontalAdd(s2.AsVector256().AsSingle(), s3.AsVector256().AsSingle()));
                Vector128<T> t = (h.GetLower() + h.GetUpper()).As<float, T>();
                (t0, t1, t2, t3) = (t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
                return;
            }

            if (typeof(T) == typeof(double))
            {
                // Lanes of h01: (s0₀+s0₁, s1₀+s1₁ | s0₂+s0₃, s1₂+s1₃); the lower halves of h01 and h23 plus their upper halves.
                Vector256<double> h01 = Avx.HorizontalAdd(s0.AsVector256().AsDouble(), s1.AsVector256().AsDouble());
                Vector256<double> h23 = Avx.HorizontalAdd(s2.AsVector256().AsDouble(), s3.AsVector256().AsDouble());
                Vector256<T> t = (Avx.Permute2x128(h01, h23, 0x20) + Avx.Permute2x128(h01, h23, 0x31)).As<double, T>();
                (t0, t1, t2, t3) = (t.GetElement(0), t.GetElement(1), t.GetElement(2), t.GetElement(3));
                return;
            }
        }

        t0 = Vector.Sum(s0);
        t1 = Vector.Sum(s1);
        t2 = Vector.Sum(s2);
        t3 = Vector.Sum(s3);
    }

    /// <summary>
    /// a·b + c: one fused multiply-add (one rounding) where the library is built for .NET 9+ and the
    /// processor has FMA, as hand-written C compiled with contraction gets; a·b then + c otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : IFloatingPointIeee754<T>
    {
#if NET9_0_OR_GREATER
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                Vector<float> r = Vector.FusedMultiplyAdd(Unsafe.As<Vector<T>, Vector<float>>(ref a), Unsafe.As<Vector<T>, Vector<float>>(ref b), Unsafe.As<Vector<T>, Vector<float>>(ref c));
                return Unsafe.As<Vector<float>, Vector<T>>(ref r);
            }

            if (typeof(T) == typeof(double))
            {
                Vector<double> r = Vector.FusedMultiplyAdd(Unsafe.As<Vector<T>, Vector<double>>(ref a), Unsafe.As<Vector<T>, Vector<double>>(ref b), Unsafe.As<Vector<T>, Vector<double>>(ref c));
                return Unsafe.As<Vector<double>, Vector<T>>(ref r);
            }
        }
#endif
        return (a * b) + c;
    }

    /// <summary>
    /// a·b + c for one value, rounded exactly as each lane of <see cref="MultiplyAdd{T}(Vector{T}, Vector{T}, Vector{T})"/>
    /// (fused under the same conditions), so a kernel's scalar tail gives the bits its vector body would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T MultiplyAdd<T>(T a, T b, T c)
        where T : IFloatingPointIeee754<T>
    {
#if NET9_0_OR_GREATER
        if ((System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported)
            && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            return T.FusedMultiplyAdd(a, b, c);
        }
#endif
        return (a * b) + c;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the span and both lengths when <paramref name="actual"/> &lt; <paramref name="needed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void RequireLength(string name, int needed, int actual)
    {
        if (actual < needed)
        {
            ThrowShorter(name, needed, actual);
        }
    }

    [DoesNotReturn]
    private static void ThrowShorter(string name, int needed, int actual) =>
        throw new ArgumentException($"'{name}' must hold at least {needed} values, but it holds {actual}.", name);
}
