using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// The two vector kernels generated code uses for layers too wide to unroll: a dot product
/// (aᵢ = Wᵢ·x + bᵢ) and y += αx (backpropagated sums and gradient rows). SIMD with
/// <see cref="Vector{T}"/>, four independent accumulators, a scalar tail; no allocation.
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
        if (b.Length < n)
        {
            ThrowShorter(nameof(b), n, b.Length);
        }

        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        int width = Vector<T>.Count, i = 0;
        T sum = T.Zero;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            Vector<T> s0 = Vector<T>.Zero, s1 = Vector<T>.Zero, s2 = Vector<T>.Zero, s3 = Vector<T>.Zero;
            for (; i <= n - (4 * width); i += 4 * width)
            {
                s0 += Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i);
                s1 += Vector.LoadUnsafe(ref ra, (nuint)(i + width)) * Vector.LoadUnsafe(ref rb, (nuint)(i + width));
                s2 += Vector.LoadUnsafe(ref ra, (nuint)(i + (2 * width))) * Vector.LoadUnsafe(ref rb, (nuint)(i + (2 * width)));
                s3 += Vector.LoadUnsafe(ref ra, (nuint)(i + (3 * width))) * Vector.LoadUnsafe(ref rb, (nuint)(i + (3 * width)));
            }

            for (; i <= n - width; i += width)
            {
                s0 += Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i);
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
        if (x.Length < n)
        {
            ThrowShorter(nameof(x), n, x.Length);
        }

        ref T ry = ref MemoryMarshal.GetReference(y);
        ref T rx = ref MemoryMarshal.GetReference(x);
        int width = Vector<T>.Count, i = 0;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            var a = new Vector<T>(alpha);
            for (; i <= n - width; i += width)
            {
                (Vector.LoadUnsafe(ref ry, (nuint)i) + (a * Vector.LoadUnsafe(ref rx, (nuint)i))).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
        }
    }

    internal static void ThrowShorter(string name, int needed, int actual) =>
        throw new ArgumentException($"'{name}' must hold at least {needed} values, but it holds {actual}.", name);
}
