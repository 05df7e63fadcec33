using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels.Simd;

namespace NetGen.Kernels;

public static partial class BatchMatrix
{
    /// <summary>
    /// ∂W += Δᵀ·X and ∂b += Σᵢ Δᵢ (the column sums of Δ) over a batch: <paramref name="delta"/> is Δ [count × outputs]
    /// (outputs = <paramref name="biasGradient"/>.Length), <paramref name="x"/> the layer's input [count × inputs],
    /// <paramref name="weightGradient"/> ∂W [outputs × inputs] row-major. Every element receives the samples'
    /// products one after another in batch order, ∂Wⱼₚ ← fma(Δᵢⱼ, xᵢₚ, ∂Wⱼₚ), and ∂bⱼ ← ∂bⱼ + Δᵢⱼ.
    /// Only the rows <paramref name="firstOutput"/> … <paramref name="firstOutput"/> + <paramref name="outputCount"/> − 1
    /// of ∂W and ∂b are touched, so threads may take disjoint ranges of rows; a row's bits do not depend on the range.
    /// </summary>
    /// <param name="delta">Δ = ∂L/∂A [count × outputs].</param>
    /// <param name="x">The layer's input O⁽ˡ⁻¹⁾ [count × inputs].</param>
    /// <param name="weightGradient">∂W [outputs × inputs], added to.</param>
    /// <param name="biasGradient">∂b [outputs], added to.</param>
    /// <param name="inputs">The layer's fan-in.</param>
    /// <param name="firstOutput">The first row of ∂W (unit of the layer) to compute.</param>
    /// <param name="outputCount">How many rows from <paramref name="firstOutput"/>; −1 for all the rest.</param>
    /// <exception cref="ArgumentException">A size does not match, or the range lies outside the layer.</exception>
    public static void AddWeightGradient<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> x, Span<T> weightGradient, Span<T> biasGradient, int inputs,
        int firstOutput = 0, int outputCount = -1)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = biasGradient.Length;
        int count = BatchShape.Samples(nameof(x), x.Length, nameof(inputs), inputs);
        BatchShape.RequireWidth(nameof(biasGradient), outputs);
        BatchShape.RequireExact(nameof(delta), count * outputs, delta.Length);
        BatchShape.RequireExact(nameof(weightGradient), outputs * inputs, weightGradient.Length);
        outputCount = BatchShape.Range(nameof(firstOutput), firstOutput, nameof(outputCount), outputCount, outputs);
        if (outputCount == 0)
        {
            return;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            AddWeightGradient<T, Vector512<T>, Simd512<T>>(delta, x, weightGradient, biasGradient, count, inputs, outputs, firstOutput, outputCount);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            AddWeightGradient<T, Vector256<T>, Simd256<T>>(delta, x, weightGradient, biasGradient, count, inputs, outputs, firstOutput, outputCount);
        }
        else
        {
            AddWeightGradient<T, Vector128<T>, Simd128<T>>(delta, x, weightGradient, biasGradient, count, inputs, outputs, firstOutput, outputCount);
        }
    }

    /// <summary><see cref="AddWeightGradient{T}"/> at one vector width, sizes already checked.</summary>
    internal static void AddWeightGradient<T, TVector, TSimd>(ReadOnlySpan<T> delta, ReadOnlySpan<T> x, Span<T> weightGradient, Span<T> biasGradient,
        int count, int inputs, int outputs, int firstOutput, int outputCount)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T rd = ref MemoryMarshal.GetReference(delta);
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T rg = ref MemoryMarshal.GetReference(weightGradient);
        int width = TSimd.Count, end = firstOutput + outputCount, last = end - 1, p = 0;

        // Column blocks of four vectors (the block of X, count × 4 vectors, stays in L1 while the rows pass over it),
        // then of one vector, then single columns; within each, four rows of ∂W at a time.
        for (; p + (4 * width) <= inputs; p += 4 * width)
        {
            for (int j = firstOutput; j < end; j += 4)
            {
                GradientTile4<T, TVector, TSimd>(ref rd, ref rx, ref rg, count, inputs, outputs, p, j, Math.Min(j + 1, last), Math.Min(j + 2, last), Math.Min(j + 3, last), Math.Min(4, end - j));
            }
        }

        for (; p + width <= inputs; p += width)
        {
            for (int j = firstOutput; j < end; j += 4)
            {
                GradientTile1<T, TVector, TSimd>(ref rd, ref rx, ref rg, count, inputs, outputs, p, j, Math.Min(j + 1, last), Math.Min(j + 2, last), Math.Min(j + 3, last), Math.Min(4, end - j));
            }
        }

        for (; p < inputs; p++)
        {
            for (int j = firstOutput; j < end; j++)
            {
                ref T g = ref Unsafe.Add(ref rg, (j * inputs) + p);
                T sum = g;
                for (int i = 0; i < count; i++)
                {
                    sum = TSimd.ScalarMultiplyAdd(Unsafe.Add(ref rd, (i * outputs) + j), Unsafe.Add(ref rx, (i * inputs) + p), sum);
                }

                g = sum;
            }
        }

        AddColumnSums<T, TVector, TSimd>(ref rd, biasGradient, count, outputs, firstOutput, end);
    }

    /// <summary>Rows j0…j3 of ∂W over columns p … p + 4·width: sixteen accumulators, eight loads (four of X, four broadcasts of Δ) per sixteen FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GradientTile4<T, TVector, TSimd>(ref T rd, ref T rx, ref T rg, int count, int inputs, int outputs, int p,
        int j0, int j1, int j2, int j3, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        nuint g0 = (nuint)((j0 * inputs) + p), g1 = (nuint)((j1 * inputs) + p), g2 = (nuint)((j2 * inputs) + p), g3 = (nuint)((j3 * inputs) + p);
        TVector c00 = TSimd.Load(ref rg, g0), c01 = TSimd.Load(ref rg, g0 + w), c02 = TSimd.Load(ref rg, g0 + (2 * w)), c03 = TSimd.Load(ref rg, g0 + (3 * w));
        TVector c10 = TSimd.Load(ref rg, g1), c11 = TSimd.Load(ref rg, g1 + w), c12 = TSimd.Load(ref rg, g1 + (2 * w)), c13 = TSimd.Load(ref rg, g1 + (3 * w));
        TVector c20 = TSimd.Load(ref rg, g2), c21 = TSimd.Load(ref rg, g2 + w), c22 = TSimd.Load(ref rg, g2 + (2 * w)), c23 = TSimd.Load(ref rg, g2 + (3 * w));
        TVector c30 = TSimd.Load(ref rg, g3), c31 = TSimd.Load(ref rg, g3 + w), c32 = TSimd.Load(ref rg, g3 + (2 * w)), c33 = TSimd.Load(ref rg, g3 + (3 * w));
        // Pointers bumped by a row of X and of Δ per sample: the loop's only integer work is two adds and the count.
        ref T xi = ref Unsafe.Add(ref rx, p), di = ref rd;
        nuint xStride = (nuint)inputs, dStride = (nuint)outputs, k0 = (nuint)j0, k1 = (nuint)j1, k2 = (nuint)j2, k3 = (nuint)j3;
        for (int i = 0; i < count; i++, xi = ref Unsafe.Add(ref xi, xStride), di = ref Unsafe.Add(ref di, dStride))
        {
            TVector x0 = TSimd.Load(ref xi, 0), x1 = TSimd.Load(ref xi, w), x2 = TSimd.Load(ref xi, 2 * w), x3 = TSimd.Load(ref xi, 3 * w);
            TVector d = TSimd.Broadcast(Unsafe.Add(ref di, k0));
            c00 = TSimd.MultiplyAdd(d, x0, c00);
            c01 = TSimd.MultiplyAdd(d, x1, c01);
            c02 = TSimd.MultiplyAdd(d, x2, c02);
            c03 = TSimd.MultiplyAdd(d, x3, c03);
            d = TSimd.Broadcast(Unsafe.Add(ref di, k1));
            c10 = TSimd.MultiplyAdd(d, x0, c10);
            c11 = TSimd.MultiplyAdd(d, x1, c11);
            c12 = TSimd.MultiplyAdd(d, x2, c12);
            c13 = TSimd.MultiplyAdd(d, x3, c13);
            d = TSimd.Broadcast(Unsafe.Add(ref di, k2));
            c20 = TSimd.MultiplyAdd(d, x0, c20);
            c21 = TSimd.MultiplyAdd(d, x1, c21);
            c22 = TSimd.MultiplyAdd(d, x2, c22);
            c23 = TSimd.MultiplyAdd(d, x3, c23);
            d = TSimd.Broadcast(Unsafe.Add(ref di, k3));
            c30 = TSimd.MultiplyAdd(d, x0, c30);
            c31 = TSimd.MultiplyAdd(d, x1, c31);
            c32 = TSimd.MultiplyAdd(d, x2, c32);
            c33 = TSimd.MultiplyAdd(d, x3, c33);
        }

        // Rows past the range's end repeated j3's row; store each real row once.
        StoreFour<T, TVector, TSimd>(ref rg, g0, c00, c01, c02, c03);
        if (rows > 1)
        {
            StoreFour<T, TVector, TSimd>(ref rg, g1, c10, c11, c12, c13);
        }

        if (rows > 2)
        {
            StoreFour<T, TVector, TSimd>(ref rg, g2, c20, c21, c22, c23);
        }

        if (rows > 3)
        {
            StoreFour<T, TVector, TSimd>(ref rg, g3, c30, c31, c32, c33);
        }
    }

    /// <summary>Rows j0…j3 of ∂W over the one vector of columns at p (the columns after the last four-vector block).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GradientTile1<T, TVector, TSimd>(ref T rd, ref T rx, ref T rg, int count, int inputs, int outputs, int p,
        int j0, int j1, int j2, int j3, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint g0 = (nuint)((j0 * inputs) + p), g1 = (nuint)((j1 * inputs) + p), g2 = (nuint)((j2 * inputs) + p), g3 = (nuint)((j3 * inputs) + p);
        TVector c0 = TSimd.Load(ref rg, g0), c1 = TSimd.Load(ref rg, g1), c2 = TSimd.Load(ref rg, g2), c3 = TSimd.Load(ref rg, g3);
        ref T xi = ref Unsafe.Add(ref rx, p), di = ref rd;
        nuint xStride = (nuint)inputs, dStride = (nuint)outputs, k0 = (nuint)j0, k1 = (nuint)j1, k2 = (nuint)j2, k3 = (nuint)j3;
        for (int i = 0; i < count; i++, xi = ref Unsafe.Add(ref xi, xStride), di = ref Unsafe.Add(ref di, dStride))
        {
            TVector xv = TSimd.Load(ref xi, 0);
            c0 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref di, k0)), xv, c0);
            c1 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref di, k1)), xv, c1);
            c2 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref di, k2)), xv, c2);
            c3 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref di, k3)), xv, c3);
        }

        TSimd.Store(c0, ref rg, g0);
        if (rows > 1)
        {
            TSimd.Store(c1, ref rg, g1);
        }

        if (rows > 2)
        {
            TSimd.Store(c2, ref rg, g2);
        }

        if (rows > 3)
        {
            TSimd.Store(c3, ref rg, g3);
        }
    }

    /// <summary>Four consecutive vectors at <c>destination + offset</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreFour<T, TVector, TSimd>(ref T destination, nuint offset, TVector v0, TVector v1, TVector v2, TVector v3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        TSimd.Store(v0, ref destination, offset);
        TSimd.Store(v1, ref destination, offset + w);
        TSimd.Store(v2, ref destination, offset + (2 * w));
        TSimd.Store(v3, ref destination, offset + (3 * w));
    }

    /// <summary>∂bⱼ ← ((∂bⱼ + Δ₀ⱼ) + Δ₁ⱼ) + … for j in [first, end): vectors across j, single columns after them.</summary>
    private static void AddColumnSums<T, TVector, TSimd>(ref T rd, Span<T> biasGradient, int count, int outputs, int first, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T rb = ref MemoryMarshal.GetReference(biasGradient);
        int j = first;
        for (; j + TSimd.Count <= end; j += TSimd.Count)
        {
            TVector sum = TSimd.Load(ref rb, (nuint)j);
            for (int i = 0; i < count; i++)
            {
                sum = TSimd.Add(sum, TSimd.Load(ref rd, (nuint)((i * outputs) + j)));
            }

            TSimd.Store(sum, ref rb, (nuint)j);
        }

        for (; j < end; j++)
        {
            T sum = Unsafe.Add(ref rb, j);
            for (int i = 0; i < count; i++)
            {
                sum += Unsafe.Add(ref rd, (i * outputs) + j);
            }

            Unsafe.Add(ref rb, j) = sum;
        }
    }
}
