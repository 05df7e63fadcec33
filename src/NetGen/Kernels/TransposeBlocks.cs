using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// The float transpose behind <see cref="BatchMatrix.TransposeWeights{T}"/>: 8 × 8 blocks moved through AVX registers
/// (unpack, shuffle, swap of 128-bit halves: 24 shuffles per 64 values, where element by element takes 64 strided
/// loads and stores). Rows past the matrix's end are zeros; columns past the last whole block go one at a time.
/// </summary>
internal static class TransposeBlocks
{
    /// <summary>t[p·stride + j] = w[j·columns + p] for j &lt; rows, 0 for rows ≤ j &lt; stride; stride a multiple of 8.</summary>
    public static void Float(ref float w, int rows, int columns, ref float t, int stride)
    {
        int p = 0;
        for (; p + 8 <= columns; p += 8)
        {
            for (int j = 0; j < stride; j += 8)
            {
                Block8(ref w, rows, columns, ref t, stride, j, p);
            }
        }

        for (; p < columns; p++)
        {
            for (int j = 0; j < stride; j++)
            {
                Unsafe.Add(ref t, (p * stride) + j) = j < rows ? Unsafe.Add(ref w, (j * columns) + p) : 0f;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(ref float w, int rows, int columns, ref float t, int stride, int j, int p)
    {
        Vector256<float> r0 = Row(ref w, rows, columns, j, p), r1 = Row(ref w, rows, columns, j + 1, p);
        Vector256<float> r2 = Row(ref w, rows, columns, j + 2, p), r3 = Row(ref w, rows, columns, j + 3, p);
        Vector256<float> r4 = Row(ref w, rows, columns, j + 4, p), r5 = Row(ref w, rows, columns, j + 5, p);
        Vector256<float> r6 = Row(ref w, rows, columns, j + 6, p), r7 = Row(ref w, rows, columns, j + 7, p);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        ref float d = ref Unsafe.Add(ref t, (p * stride) + j);
        nuint s = (nuint)stride;
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref d, 0);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref d, s);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref d, 2 * s);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref d, 3 * s);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref d, 4 * s);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref d, 5 * s);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref d, 6 * s);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref d, 7 * s);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(ref float w, int rows, int columns, int j, int p) =>
        j < rows ? Vector256.LoadUnsafe(ref w, (nuint)((j * columns) + p)) : Vector256<float>.Zero;
}
