using System;
using System.Numerics;
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
        var args = new RowProductArguments<T>
        {
            A = ref MemoryMarshal.GetReference(delta),
            B = ref MemoryMarshal.GetReference(weights),
            C = ref MemoryMarshal.GetReference(result),
            Below = ref MemoryMarshal.GetReference(input),
            Rows = count,
            Depth = outputs,
            Columns = inputs,
            BStride = inputs,
            Epilogue = activation is Activation.Linear or Activation.Softplus ? Epilogue.None : Epilogue.Derivative,
            Activation = activation,
            Alpha = alpha,
        };
        RowProduct<T, TVector, TSimd>(ref args);
        if (activation == Activation.Softplus)
        {
            Derivatives.TimesSoftplus(result, input);
        }
    }
}
