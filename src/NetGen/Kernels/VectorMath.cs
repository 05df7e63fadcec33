using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// The vector kernels generated code uses for layers too wide to unroll: a = W·x (four rows at a
/// time, so every load of x serves four rows), g += Wᵀδ, a dot product and y += αx. SIMD with
/// <see cref="Vector{T}"/>, independent accumulators, scalar tails; no allocation. W is row-major
/// [rows × columns], as in math.md's flat parameter order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static class VectorMath
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
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            var a = new Vector<T>(alpha);
            for (; i <= n - width; i += width)
            {
                MultiplyAdd(a, Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
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

    /// <summary>result = W·x, with W row-major [result.Length × <paramref name="columns"/>].</summary>
    public static void Multiply<T>(ReadOnlySpan<T> matrix, int columns, ReadOnlySpan<T> x, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = result.Length;
        RequireLength(nameof(matrix), rows * columns, matrix.Length);
        RequireLength(nameof(x), columns, x.Length);

        ref T rw = ref MemoryMarshal.GetReference(matrix);
        ref T rx = ref MemoryMarshal.GetReference(x);
        int width = Vector<T>.Count, i = 0;
        for (; i + 4 <= rows; i += 4)
        {
            nuint r0 = (nuint)(i * columns), r1 = r0 + (nuint)columns, r2 = r1 + (nuint)columns, r3 = r2 + (nuint)columns;
            int j = 0;
            T t0 = T.Zero, t1 = T.Zero, t2 = T.Zero, t3 = T.Zero;
            if (Vector.IsHardwareAccelerated && columns >= width)
            {
                Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero, s2 = Vector<T>.Zero, s3 = Vector<T>.Zero;
                for (; j <= columns - width; j += width)
                {
                    Vector<T> xv = Vector.LoadUnsafe(ref rx, (nuint)j);
                    s0 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r0 + (nuint)j), xv, s0);
                    s1 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r1 + (nuint)j), xv, s1);
                    s2 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r2 + (nuint)j), xv, s2);
                    s3 = MultiplyAdd(Vector.LoadUnsafe(ref rw, r3 + (nuint)j), xv, s3);
                }

                t0 = Vector.Sum(s0);
                t1 = Vector.Sum(s1);
                t2 = Vector.Sum(s2);
                t3 = Vector.Sum(s3);
            }

            for (; j < columns; j++)
            {
                T xj = Unsafe.Add(ref rx, j);
                t0 += Unsafe.Add(ref rw, r0 + (nuint)j) * xj;
                t1 += Unsafe.Add(ref rw, r1 + (nuint)j) * xj;
                t2 += Unsafe.Add(ref rw, r2 + (nuint)j) * xj;
                t3 += Unsafe.Add(ref rw, r3 + (nuint)j) * xj;
            }

            result[i] = t0;
            result[i + 1] = t1;
            result[i + 2] = t2;
            result[i + 3] = t3;
        }

        for (; i < rows; i++)
        {
            result[i] = Dot(matrix.Slice(i * columns, columns), x);
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

    /// <summary>
    /// a·b + c: one fused multiply-add (one rounding) where the library is built for .NET 9+ and the
    /// processor has FMA, as hand-written C compiled with contraction gets; a·b then + c otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd<T>(Vector<T> a, Vector<T> b, Vector<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
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
