using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetGen.Kernels.Simd;

namespace NetGen.Kernels;

public static partial class BatchMatrix
{
    /// <summary>
    /// The row length of a layer's transposed weights (<see cref="TransposeWeights{T}"/>): <paramref name="outputs"/>
    /// rounded up to a multiple of 16, so that every row is whole 512-bit float vectors (the padding is zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputs"/> is less than 1.</exception>
    public static int TransposedStride(int outputs)
    {
        if (outputs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, $"'{nameof(outputs)}' must be at least 1, but it is {outputs}.");
        }

        return (outputs + 15) & ~15;
    }

    /// <summary>
    /// Wᵀ for <see cref="ForwardTransposed{T}"/>: <paramref name="transposed"/> [inputs × <see cref="TransposedStride"/>(outputs)]
    /// receives Wᵀₚⱼ = Wⱼₚ, and zeros in the padding columns. Weights in math.md's order, W [outputs × inputs]; redo
    /// it after every update of W (a network keeps the copy beside its parameters).
    /// </summary>
    /// <param name="weights">W [outputs × inputs], row-major.</param>
    /// <param name="inputs">The layer's fan-in.</param>
    /// <param name="transposed">inputs × TransposedStride(outputs) values, overwritten.</param>
    /// <exception cref="ArgumentException">A size does not match.</exception>
    public static void TransposeWeights<T>(ReadOnlySpan<T> weights, int inputs, Span<T> transposed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = BatchShape.Samples(nameof(weights), weights.Length, nameof(inputs), inputs);
        BatchShape.RequireWidth(nameof(weights), outputs);
        int stride = TransposedStride(outputs);
        BatchShape.RequireExact(nameof(transposed), inputs * stride, transposed.Length);

        if (typeof(T) == typeof(float) && Avx.IsSupported)
        {
            TransposeBlocks.Float(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(weights)), outputs, inputs,
                ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(transposed)), stride);
            return;
        }

        // Blocks of 16 rows of W × 64 columns: the 16 rows are read in order, the 64 rows of Wᵀ they write stay in L1.
        ref T rw = ref MemoryMarshal.GetReference(weights);
        ref T rt = ref MemoryMarshal.GetReference(transposed);
        for (int j0 = 0; j0 < stride; j0 += 16)
        {
            int rows = Math.Max(0, Math.Min(16, outputs - j0));
            for (int p0 = 0; p0 < inputs; p0 += 64)
            {
                int columns = Math.Min(64, inputs - p0);
                for (int p = p0; p < p0 + columns; p++)
                {
                    ref T destination = ref Unsafe.Add(ref rt, (p * stride) + j0);
                    ref T source = ref Unsafe.Add(ref rw, (j0 * inputs) + p);
                    int j = 0;
                    for (; j + 4 <= rows; j += 4)
                    {
                        Unsafe.Add(ref destination, j) = Unsafe.Add(ref source, j * inputs);
                        Unsafe.Add(ref destination, j + 1) = Unsafe.Add(ref source, (j + 1) * inputs);
                        Unsafe.Add(ref destination, j + 2) = Unsafe.Add(ref source, (j + 2) * inputs);
                        Unsafe.Add(ref destination, j + 3) = Unsafe.Add(ref source, (j + 3) * inputs);
                    }

                    for (; j < rows; j++)
                    {
                        Unsafe.Add(ref destination, j) = Unsafe.Add(ref source, j * inputs);
                    }

                    for (; j < 16; j++)
                    {
                        Unsafe.Add(ref destination, j) = T.Zero;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A = X·Wᵀ + 1bᵀ with the activation fused, as <see cref="Forward{T}"/>, from the transposed weights
    /// (<see cref="TransposeWeights{T}"/>): each aᵢⱼ starts from bⱼ and receives xᵢₚ·Wᵀₚⱼ in order of p, one fused
    /// multiply-add each — rows of Wᵀ as vectors, each x broadcast — then f. This is the fast form (four samples ×
    /// four vectors of units per register tile, Wᵀ in blocks of 128 rows that stay in L1); <see cref="Forward{T}"/>
    /// needs no copy of W but sums lanes at the end of every dot product.
    /// </summary>
    /// <param name="x">count × inputs values, sample after sample.</param>
    /// <param name="weightsTransposed">Wᵀ [inputs × TransposedStride(outputs)], from <see cref="TransposeWeights{T}"/>.</param>
    /// <param name="bias">b [outputs].</param>
    /// <param name="output">count × outputs values: f(X·Wᵀ + 1bᵀ).</param>
    /// <param name="inputs">The layer's fan-in.</param>
    /// <param name="activation">Any element-wise activation (not Softmax).</param>
    /// <param name="alpha">LeakyReLU's slope or ELU's α (ignored by the others).</param>
    /// <exception cref="ArgumentException">A size does not match, or the activation is Softmax.</exception>
    public static void ForwardTransposed<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weightsTransposed, ReadOnlySpan<T> bias, Span<T> output, int inputs,
        Activation activation = Activation.Linear, T alpha = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outputs = bias.Length;
        int count = BatchShape.Samples(nameof(x), x.Length, nameof(inputs), inputs);
        BatchShape.RequireWidth(nameof(bias), outputs);
        BatchShape.RequireExact(nameof(weightsTransposed), inputs * TransposedStride(outputs), weightsTransposed.Length);
        BatchShape.RequireExact(nameof(output), count * outputs, output.Length);
        BatchShape.RequireElementwise(nameof(activation), activation);
        if (count == 0)
        {
            return;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            ForwardTransposed<T, Vector512<T>, Simd512<T>>(x, weightsTransposed, bias, output, count, inputs, outputs, activation, alpha);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            ForwardTransposed<T, Vector256<T>, Simd256<T>>(x, weightsTransposed, bias, output, count, inputs, outputs, activation, alpha);
        }
        else
        {
            ForwardTransposed<T, Vector128<T>, Simd128<T>>(x, weightsTransposed, bias, output, count, inputs, outputs, activation, alpha);
        }
    }

    /// <summary><see cref="ForwardTransposed{T}"/> at one vector width, sizes already checked.</summary>
    internal static void ForwardTransposed<T, TVector, TSimd>(ReadOnlySpan<T> x, ReadOnlySpan<T> weightsTransposed, ReadOnlySpan<T> bias, Span<T> output,
        int count, int inputs, int outputs, Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        var args = new RowProductArguments<T>
        {
            A = ref MemoryMarshal.GetReference(x),
            B = ref MemoryMarshal.GetReference(weightsTransposed),
            C = ref MemoryMarshal.GetReference(output),
            Bias = ref MemoryMarshal.GetReference(bias),
            HasBias = true,
            PaddedColumns = true,
            Rows = count,
            Depth = inputs,
            Columns = outputs,
            BStride = TransposedStride(outputs),
            Epilogue = activation switch
            {
                Activation.ReLU => Epilogue.ReLU,
                Activation.LeakyReLU => Epilogue.LeakyReLU,
                _ => Epilogue.None,
            },
            Alpha = alpha,
        };
        RowProduct<T, TVector, TSimd>(ref args);
        if (activation is not (Activation.Linear or Activation.ReLU or Activation.LeakyReLU))
        {
            BatchActivations.Apply(activation, output, alpha);
        }
    }
}
