using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NetGen.Kernels.Simd;

namespace NetGen.Kernels;

/// <summary>
/// A layer's batch as matrix products, samples as rows, every matrix row-major, W [outputs × inputs] in math.md's
/// flat order: the forward product A = X·Wᵀ + 1bᵀ with the activation fused, the weight gradient ∂W += Δᵀ·X, ∂b += Σ
/// rows of Δ, and the delta sent down G = Δ·W (⊙ f′). Register-tiled 4 × 4 (four accumulator vectors per output
/// row or four output rows per vector, FMA), 512-bit vectors where AVX-512 is fast, else 256- or 128-bit; any
/// sizes (tiles at an edge repeat their last row or column and store only the real ones). No allocation.
/// Deterministic: an element's value depends only on its operands (its row of X and row of W, or its column of Δ
/// and of X), never on where it sits in the batch, so any split of the rows between threads gives the same bits.
/// </summary>
public static partial class BatchMatrix
{
    /// <summary>
    /// A = X·Wᵀ + 1bᵀ, then oᵢⱼ = f(aᵢⱼ) in place: <paramref name="x"/> holds count samples of <paramref name="inputs"/>
    /// values, <paramref name="weights"/> is W [outputs × inputs] row-major with outputs = <paramref name="bias"/>.Length,
    /// and <paramref name="output"/> receives count × outputs values. Each aᵢⱼ is Σₚ xᵢₚwⱼₚ accumulated in SIMD
    /// lanes (fused multiply-adds over p in steps of the vector width), the lanes summed, the remaining p added one
    /// fused multiply-add at a time, then bᵢ added. Linear, ReLU and LeakyReLU are applied as each tile is stored;
    /// the others (<see cref="BatchActivations"/>) over each block of four finished rows while they are in cache.
    /// </summary>
    /// <param name="x">count × inputs values, sample after sample.</param>
    /// <param name="weights">W [outputs × inputs], row-major.</param>
    /// <param name="bias">b [outputs].</param>
    /// <param name="output">count × outputs values: f(X·Wᵀ + 1bᵀ).</param>
    /// <param name="inputs">The layer's fan-in (values per sample of <paramref name="x"/>).</param>
    /// <param name="activation">Any element-wise activation (not <see cref="Activation.Softmax"/>: use Linear, then <see cref="BatchActivations.SoftmaxRows{T}"/>).</param>
    /// <param name="alpha">LeakyReLU's slope or ELU's α (ignored by the others).</param>
    /// <exception cref="ArgumentException">A size does not match, or the activation is Softmax.</exception>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output, int inputs,
        Activation activation = Activation.Linear, T alpha = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = bias.Length;
        int count = BatchShape.Samples(nameof(x), x.Length, nameof(inputs), inputs);
        BatchShape.RequireWidth(nameof(bias), outputs);
        BatchShape.RequireExact(nameof(weights), outputs * inputs, weights.Length);
        BatchShape.RequireExact(nameof(output), count * outputs, output.Length);
        BatchShape.RequireElementwise(nameof(activation), activation);
        if (Vector512.IsHardwareAccelerated)
        {
            Forward<T, Vector512<T>, Simd512<T>>(x, weights, bias, output, count, inputs, outputs, activation, alpha);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Forward<T, Vector256<T>, Simd256<T>>(x, weights, bias, output, count, inputs, outputs, activation, alpha);
        }
        else
        {
            Forward<T, Vector128<T>, Simd128<T>>(x, weights, bias, output, count, inputs, outputs, activation, alpha);
        }
    }

    /// <summary><see cref="Forward{T}"/> at one vector width, sizes already checked.</summary>
    internal static void Forward<T, TVector, TSimd>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, ReadOnlySpan<T> bias, Span<T> output,
        int count, int inputs, int outputs, Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T rw = ref MemoryMarshal.GetReference(weights);
        ref T rb = ref MemoryMarshal.GetReference(bias);
        ref T ro = ref MemoryMarshal.GetReference(output);
        bool storeFused = activation is Activation.Linear or Activation.ReLU or Activation.LeakyReLU;
        Span<T> tile = stackalloc T[16];
        for (int i = 0; i < count; i += 4)
        {
            // Four samples (their rows of X stay in L1 while every row of W streams past them).
            int lastRow = count - 1, rows = Math.Min(4, count - i);
            nuint x0 = (nuint)i * (nuint)inputs, x1 = (nuint)Math.Min(i + 1, lastRow) * (nuint)inputs;
            nuint x2 = (nuint)Math.Min(i + 2, lastRow) * (nuint)inputs, x3 = (nuint)Math.Min(i + 3, lastRow) * (nuint)inputs;
            for (int j = 0; j < outputs; j += 4)
            {
                int lastColumn = outputs - 1, columns = Math.Min(4, outputs - j);
                nuint w0 = (nuint)j * (nuint)inputs, w1 = (nuint)Math.Min(j + 1, lastColumn) * (nuint)inputs;
                nuint w2 = (nuint)Math.Min(j + 2, lastColumn) * (nuint)inputs, w3 = (nuint)Math.Min(j + 3, lastColumn) * (nuint)inputs;
                DotTile<T, TVector, TSimd>(ref rx, x0, x1, x2, x3, ref rw, w0, w1, w2, w3, inputs, tile);
                for (int r = 0; r < rows; r++)
                {
                    ref T destination = ref Unsafe.Add(ref ro, ((i + r) * outputs) + j);
                    for (int c = 0; c < columns; c++)
                    {
                        T a = tile[(r * 4) + c] + Unsafe.Add(ref rb, j + c);
                        Unsafe.Add(ref destination, c) = storeFused ? StoreActivation(activation, a, alpha) : a;
                    }
                }
            }

            if (!storeFused)
            {
                BatchActivations.Apply(activation, output.Slice(i * outputs, rows * outputs), alpha);
            }
        }
    }

    /// <summary>Linear, ReLU or LeakyReLU of one value, as written per element (ReLU: a &gt; 0 ? a : 0, so NaN → 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T StoreActivation<T>(Activation activation, T a, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        activation switch
        {
            Activation.ReLU => a > T.Zero ? a : T.Zero,
            Activation.LeakyReLU => a > T.Zero ? a : alpha * a,
            _ => a,
        };

    /// <summary>
    /// tile[r·4 + c] = Σₚ x_r,p · w_c,p for four rows of X (offsets x0…x3) and four rows of W (w0…w3): sixteen
    /// accumulator vectors, eight loads per sixteen fused multiply-adds, then the lanes of each row's four summed together.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DotTile<T, TVector, TSimd>(ref T rx, nuint x0, nuint x1, nuint x2, nuint x3,
        ref T rw, nuint w0, nuint w1, nuint w2, nuint w3, int length, Span<T> tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c02 = TSimd.Zero, c03 = TSimd.Zero;
        TVector c10 = TSimd.Zero, c11 = TSimd.Zero, c12 = TSimd.Zero, c13 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c22 = TSimd.Zero, c23 = TSimd.Zero;
        TVector c30 = TSimd.Zero, c31 = TSimd.Zero, c32 = TSimd.Zero, c33 = TSimd.Zero;
        nuint width = (nuint)TSimd.Count, end = (nuint)(length - (length % TSimd.Count)), p = 0;
        for (; p < end; p += width)
        {
            TVector a0 = TSimd.Load(ref rx, x0 + p), a1 = TSimd.Load(ref rx, x1 + p);
            TVector a2 = TSimd.Load(ref rx, x2 + p), a3 = TSimd.Load(ref rx, x3 + p);
            TVector w = TSimd.Load(ref rw, w0 + p);
            c00 = TSimd.MultiplyAdd(a0, w, c00);
            c10 = TSimd.MultiplyAdd(a1, w, c10);
            c20 = TSimd.MultiplyAdd(a2, w, c20);
            c30 = TSimd.MultiplyAdd(a3, w, c30);
            w = TSimd.Load(ref rw, w1 + p);
            c01 = TSimd.MultiplyAdd(a0, w, c01);
            c11 = TSimd.MultiplyAdd(a1, w, c11);
            c21 = TSimd.MultiplyAdd(a2, w, c21);
            c31 = TSimd.MultiplyAdd(a3, w, c31);
            w = TSimd.Load(ref rw, w2 + p);
            c02 = TSimd.MultiplyAdd(a0, w, c02);
            c12 = TSimd.MultiplyAdd(a1, w, c12);
            c22 = TSimd.MultiplyAdd(a2, w, c22);
            c32 = TSimd.MultiplyAdd(a3, w, c32);
            w = TSimd.Load(ref rw, w3 + p);
            c03 = TSimd.MultiplyAdd(a0, w, c03);
            c13 = TSimd.MultiplyAdd(a1, w, c13);
            c23 = TSimd.MultiplyAdd(a2, w, c23);
            c33 = TSimd.MultiplyAdd(a3, w, c33);
        }

        TSimd.SumFour(c00, c01, c02, c03, out tile[0], out tile[1], out tile[2], out tile[3]);
        TSimd.SumFour(c10, c11, c12, c13, out tile[4], out tile[5], out tile[6], out tile[7]);
        TSimd.SumFour(c20, c21, c22, c23, out tile[8], out tile[9], out tile[10], out tile[11]);
        TSimd.SumFour(c30, c31, c32, c33, out tile[12], out tile[13], out tile[14], out tile[15]);
        for (; p < (nuint)length; p++)
        {
            T v0 = Unsafe.Add(ref rw, w0 + p), v1 = Unsafe.Add(ref rw, w1 + p), v2 = Unsafe.Add(ref rw, w2 + p), v3 = Unsafe.Add(ref rw, w3 + p);
            AddTailRow<T, TVector, TSimd>(tile.Slice(0, 4), Unsafe.Add(ref rx, x0 + p), v0, v1, v2, v3);
            AddTailRow<T, TVector, TSimd>(tile.Slice(4, 4), Unsafe.Add(ref rx, x1 + p), v0, v1, v2, v3);
            AddTailRow<T, TVector, TSimd>(tile.Slice(8, 4), Unsafe.Add(ref rx, x2 + p), v0, v1, v2, v3);
            AddTailRow<T, TVector, TSimd>(tile.Slice(12, 4), Unsafe.Add(ref rx, x3 + p), v0, v1, v2, v3);
        }
    }

    /// <summary>row[c] = xp·v_c + row[c] for the four columns of a tile row, as a lane would round it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTailRow<T, TVector, TSimd>(Span<T> row, T xp, T v0, T v1, T v2, T v3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        row[0] = TSimd.ScalarMultiplyAdd(xp, v0, row[0]);
        row[1] = TSimd.ScalarMultiplyAdd(xp, v1, row[1]);
        row[2] = TSimd.ScalarMultiplyAdd(xp, v2, row[2]);
        row[3] = TSimd.ScalarMultiplyAdd(xp, v3, row[3]);
    }
}
