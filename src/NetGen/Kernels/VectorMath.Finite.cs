using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// Finiteness checks over whole spans, for the non-finite policy of generated training members (a NaN or ±∞
/// in an input or target makes them return NaN and change nothing) and for the trainer's parameter check.
/// x − x is +0 for every finite x and NaN for NaN and ±∞, so one subtraction and one addition per SIMD lane
/// decide it, without a branch per element.
/// </summary>
public static partial class VectorMath
{
    /// <summary>Whether every element of <paramref name="values"/> is finite (neither NaN nor ±∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = values.Length;
        ref T r = ref MemoryMarshal.GetReference(values);
        int width = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            Vector<T> sum = Vector<T>.Zero;
            int i = 0;
            for (; i <= n - width; i += width)
            {
                Vector<T> v = Vector.LoadUnsafe(ref r, (nuint)i);
                sum += v - v;
            }

            if (i < n)
            {
                // The last, overlapping vector covers the tail: counting an element twice does not change the verdict.
                Vector<T> v = Vector.LoadUnsafe(ref r, (nuint)(n - width));
                sum += v - v;
            }

            return Vector.EqualsAll(sum, Vector<T>.Zero);
        }

        T scalar = T.Zero;
        for (int i = 0; i < n; i++)
        {
            T x = Unsafe.Add(ref r, i);
            scalar += x - x;
        }

        return scalar == T.Zero;
    }

    /// <summary>Whether every element of both spans is finite: what a generated training member checks its input and target with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllFinite<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        AllFinite(first) & AllFinite(second);

    /// <summary>The index of the first NaN or infinite element of <paramref name="values"/>, or −1 when all are finite.</summary>
    public static int IndexOfNonFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (AllFinite(values))
        {
            return -1;
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
