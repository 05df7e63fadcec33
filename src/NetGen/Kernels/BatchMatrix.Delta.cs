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
    /// G = Δ·W, then Gᵢₚ ← Gᵢₚ·f′ with f′ taken from the layer input's own output O (math.md's right-hand forms):
    /// <paramref name="delta"/> is Δ [count × outputs], <paramref name="weights"/> W [outputs × inputs] row-major,
    /// <paramref name="result"/> receives count × inputs values: the delta of the layer below when
    /// <paramref name="inputActivation"/> is that layer's activation and <paramref name="input"/> its output. Each
    /// Gᵢₚ is Σⱼ Δᵢⱼ·Wⱼₚ in order of j, one fused multiply-add per term, then multiplied by f′: ReLU O &gt; 0 ? 1 : 0,
    /// LeakyReLU O &gt; 0 ? 1 : α, ELU O &gt; 0 ? 1 : O + α, Sigmoid O(1 − O), Tanh 1 − O², Exponential O, Softplus
    /// 1 − e⁻ᴼ, Linear 1 (then <paramref name="input"/> may be empty).
    /// </summary>
    /// <param name="delta">Δ = ∂L/∂A of this layer [count × outputs].</param>
    /// <param name="weights">W [outputs × inputs], row-major.</param>
    /// <param name="input">O⁽ˡ⁻¹⁾ [count × inputs], the output of the layer below (empty for Linear).</param>
    /// <param name="result">count × inputs values: Δ⁽ˡ⁻¹⁾ = f′ ⊙ Δ·W.</param>
    /// <param name="outputs">This layer's width (values per sample of <paramref name="delta"/>).</param>
    /// <param name="inputActivation">The activation of the layer below (not Softmax or Step).</param>
    /// <param name="alpha">LeakyReLU's slope or ELU's α of the layer below (ignored by the others).</param>
    /// <exception cref="ArgumentException">A size does not match, or the activation has no element-wise derivative.</exception>
    public static void BackpropagateDelta<T>(ReadOnlySpan<T> delta, ReadOnlySpan<T> weights, ReadOnlySpan<T> input, Span<T> result, int outputs,
        Activation inputActivation = Activation.Linear, T alpha = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = BatchShape.Samples(nameof(delta), delta.Length, nameof(outputs), outputs);
        int inputs = BatchShape.Samples(nameof(weights), weights.Length, nameof(outputs), outputs);
        BatchShape.RequireWidth(nameof(weights), weights.Length);
        BatchShape.RequireExact(nameof(result), count * inputs, result.Length);
        BatchShape.RequireDerivative(nameof(inputActivation), inputActivation);
        if (inputActivation != Activation.Linear)
        {
            BatchShape.RequireExact(nameof(input), count * inputs, input.Length);
        }

        if (Vector512.IsHardwareAccelerated)
        {
            BackpropagateDelta<T, Vector512<T>, Simd512<T>>(delta, weights, input, result, count, inputs, outputs, inputActivation, alpha);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            BackpropagateDelta<T, Vector256<T>, Simd256<T>>(delta, weights, input, result, count, inputs, outputs, inputActivation, alpha);
        }
        else
        {
            BackpropagateDelta<T, Vector128<T>, Simd128<T>>(delta, weights, input, result, count, inputs, outputs, inputActivation, alpha);
        }
    }

    /// <summary><see cref="BackpropagateDelta{T}"/> at one vector width, sizes already checked.</summary>
    internal static void BackpropagateDelta<T, TVector, TSimd>(ReadOnlySpan<T> delta, ReadOnlySpan<T> weights, ReadOnlySpan<T> input, Span<T> result,
        int count, int inputs, int outputs, Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T rd = ref MemoryMarshal.GetReference(delta);
        ref T rw = ref MemoryMarshal.GetReference(weights);
        ref T ro = ref MemoryMarshal.GetReference(input);
        ref T rr = ref MemoryMarshal.GetReference(result);
        Activation fused = activation == Activation.Softplus ? Activation.Linear : activation;
        int width = TSimd.Count;
        for (int i = 0; i < count; i += 4)
        {
            // Four samples; their rows of Δ are broadcast one element at a time against rows of W.
            int last = count - 1, rows = Math.Min(4, count - i);
            var samples = new TileRows(i, Math.Min(i + 1, last), Math.Min(i + 2, last), Math.Min(i + 3, last), rows);
            int p = 0;
            for (; p + (4 * width) <= inputs; p += 4 * width)
            {
                DeltaTile4<T, TVector, TSimd>(ref rd, ref rw, ref ro, ref rr, samples, inputs, outputs, p, fused, alpha);
            }

            for (; p + width <= inputs; p += width)
            {
                DeltaTile1<T, TVector, TSimd>(ref rd, ref rw, ref ro, ref rr, samples, inputs, outputs, p, fused, alpha);
            }

            for (; p < inputs; p++)
            {
                for (int r = 0; r < rows; r++)
                {
                    T sum = T.Zero;
                    for (int j = 0; j < outputs; j++)
                    {
                        sum = TSimd.ScalarMultiplyAdd(Unsafe.Add(ref rd, ((i + r) * outputs) + j), Unsafe.Add(ref rw, (j * inputs) + p), sum);
                    }

                    int at = ((i + r) * inputs) + p;
                    Unsafe.Add(ref rr, at) = fused == Activation.Linear ? sum : Derivatives.Times(fused, sum, Unsafe.Add(ref ro, at), alpha);
                }
            }

            if (activation == Activation.Softplus)
            {
                Derivatives.TimesSoftplus(result.Slice(i * inputs, rows * inputs), input.Slice(i * inputs, rows * inputs));
            }
        }
    }

    /// <summary>Samples i0…i3 over columns p … p + 4·width of G: sixteen accumulators, four loads of W and four broadcasts of Δ per sixteen FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DeltaTile4<T, TVector, TSimd>(ref T rd, ref T rw, ref T ro, ref T rr, TileRows samples, int inputs, int outputs, int p,
        Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero, c02 = TSimd.Zero, c03 = TSimd.Zero;
        TVector c10 = TSimd.Zero, c11 = TSimd.Zero, c12 = TSimd.Zero, c13 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero, c22 = TSimd.Zero, c23 = TSimd.Zero;
        TVector c30 = TSimd.Zero, c31 = TSimd.Zero, c32 = TSimd.Zero, c33 = TSimd.Zero;
        nuint d0 = (nuint)(samples.R0 * outputs), d1 = (nuint)(samples.R1 * outputs), d2 = (nuint)(samples.R2 * outputs), d3 = (nuint)(samples.R3 * outputs);
        nuint wj = (nuint)p;
        for (nuint j = 0; j < (nuint)outputs; j++, wj += (nuint)inputs)
        {
            TVector v0 = TSimd.Load(ref rw, wj), v1 = TSimd.Load(ref rw, wj + w), v2 = TSimd.Load(ref rw, wj + (2 * w)), v3 = TSimd.Load(ref rw, wj + (3 * w));
            TVector d = TSimd.Broadcast(Unsafe.Add(ref rd, d0 + j));
            c00 = TSimd.MultiplyAdd(d, v0, c00);
            c01 = TSimd.MultiplyAdd(d, v1, c01);
            c02 = TSimd.MultiplyAdd(d, v2, c02);
            c03 = TSimd.MultiplyAdd(d, v3, c03);
            d = TSimd.Broadcast(Unsafe.Add(ref rd, d1 + j));
            c10 = TSimd.MultiplyAdd(d, v0, c10);
            c11 = TSimd.MultiplyAdd(d, v1, c11);
            c12 = TSimd.MultiplyAdd(d, v2, c12);
            c13 = TSimd.MultiplyAdd(d, v3, c13);
            d = TSimd.Broadcast(Unsafe.Add(ref rd, d2 + j));
            c20 = TSimd.MultiplyAdd(d, v0, c20);
            c21 = TSimd.MultiplyAdd(d, v1, c21);
            c22 = TSimd.MultiplyAdd(d, v2, c22);
            c23 = TSimd.MultiplyAdd(d, v3, c23);
            d = TSimd.Broadcast(Unsafe.Add(ref rd, d3 + j));
            c30 = TSimd.MultiplyAdd(d, v0, c30);
            c31 = TSimd.MultiplyAdd(d, v1, c31);
            c32 = TSimd.MultiplyAdd(d, v2, c32);
            c33 = TSimd.MultiplyAdd(d, v3, c33);
        }

        StoreDeltaRow<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R0 * inputs) + p), c00, c01, c02, c03, activation, alpha);
        if (samples.Count > 1)
        {
            StoreDeltaRow<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R1 * inputs) + p), c10, c11, c12, c13, activation, alpha);
        }

        if (samples.Count > 2)
        {
            StoreDeltaRow<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R2 * inputs) + p), c20, c21, c22, c23, activation, alpha);
        }

        if (samples.Count > 3)
        {
            StoreDeltaRow<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R3 * inputs) + p), c30, c31, c32, c33, activation, alpha);
        }
    }

    /// <summary>Samples i0…i3 over the one vector of columns at p of G.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DeltaTile1<T, TVector, TSimd>(ref T rd, ref T rw, ref T ro, ref T rr, TileRows samples, int inputs, int outputs, int p,
        Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        TVector c0 = TSimd.Zero, c1 = TSimd.Zero, c2 = TSimd.Zero, c3 = TSimd.Zero;
        nuint d0 = (nuint)(samples.R0 * outputs), d1 = (nuint)(samples.R1 * outputs), d2 = (nuint)(samples.R2 * outputs), d3 = (nuint)(samples.R3 * outputs);
        nuint wj = (nuint)p;
        for (nuint j = 0; j < (nuint)outputs; j++, wj += (nuint)inputs)
        {
            TVector v = TSimd.Load(ref rw, wj);
            c0 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref rd, d0 + j)), v, c0);
            c1 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref rd, d1 + j)), v, c1);
            c2 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref rd, d2 + j)), v, c2);
            c3 = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref rd, d3 + j)), v, c3);
        }

        Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R0 * inputs) + p), c0, activation, alpha);
        if (samples.Count > 1)
        {
            Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R1 * inputs) + p), c1, activation, alpha);
        }

        if (samples.Count > 2)
        {
            Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R2 * inputs) + p), c2, activation, alpha);
        }

        if (samples.Count > 3)
        {
            Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, (nuint)((samples.R3 * inputs) + p), c3, activation, alpha);
        }
    }

    /// <summary>Four consecutive vectors of one row of G, each multiplied by f′ as it is stored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDeltaRow<T, TVector, TSimd>(ref T ro, ref T rr, nuint at, TVector g0, TVector g1, TVector g2, TVector g3, Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        nuint w = (nuint)TSimd.Count;
        Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, at, g0, activation, alpha);
        Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, at + w, g1, activation, alpha);
        Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, at + (2 * w), g2, activation, alpha);
        Derivatives.Store<T, TVector, TSimd>(ref ro, ref rr, at + (3 * w), g3, activation, alpha);
    }

    /// <summary>The four sample rows of a tile (the last real one repeated past the batch's end) and how many are real.</summary>
    private readonly record struct TileRows(int R0, int R1, int R2, int R3, int Count);
}
