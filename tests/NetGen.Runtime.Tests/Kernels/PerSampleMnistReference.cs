using System;
using NetGen.Kernels;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The per-sample path for <see cref="BatchedMnistStep"/>'s network, as the generated Backward/BackwardBatch does it for
/// layers on the SIMD kernels: per sample a = W·x + b (<see cref="VectorMath.Multiply{T}"/>), δ = o − y, g = W²ᵀδ²
/// (<see cref="VectorMath.MultiplyTransposedAdd{T}"/>), ∂W += δxᵀ (<see cref="VectorMath.AddOuter{T}"/>), samples in turn.
/// </summary>
internal static class PerSampleMnistReference
{
    /// <summary>Adds every sample's ∂L/∂θ into <paramref name="gradient"/> in batch order.</summary>
    public static void Gradient(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient)
    {
        const int n0 = BatchedMnistStep.InputSize, n1 = BatchedMnistStep.HiddenSize, n2 = BatchedMnistStep.OutputSize;
        Span<float> o1 = stackalloc float[n1], d1 = stackalloc float[n1], o2 = stackalloc float[n2], d2 = stackalloc float[n2];
        ReadOnlySpan<float> w1 = parameters.Slice(BatchedMnistStep.W1, n1 * n0), b1 = parameters.Slice(BatchedMnistStep.B1, n1);
        ReadOnlySpan<float> w2 = parameters.Slice(BatchedMnistStep.W2, n2 * n1), b2 = parameters.Slice(BatchedMnistStep.B2, n2);
        for (int s = 0; s < inputs.Length / n0; s++)
        {
            ReadOnlySpan<float> x = inputs.Slice(s * n0, n0), y = targets.Slice(s * n2, n2);
            VectorMath.Multiply(w1, n0, x, o1);
            for (int i = 0; i < n1; i++)
            {
                float a = o1[i] + b1[i];
                o1[i] = a > 0 ? a : 0;
            }

            VectorMath.Multiply(w2, n1, o1, o2);
            float max = float.NegativeInfinity, sum = 0;
            for (int k = 0; k < n2; k++)
            {
                o2[k] += b2[k];
                max = MathF.Max(max, o2[k]);
            }

            for (int k = 0; k < n2; k++)
            {
                o2[k] = MathF.Exp(o2[k] - max);
                sum += o2[k];
            }

            for (int k = 0; k < n2; k++)
            {
                d2[k] = (o2[k] / sum) - y[k];
            }

            d1.Clear();
            VectorMath.MultiplyTransposedAdd(w2, n1, d2, d1);
            for (int i = 0; i < n1; i++)
            {
                d1[i] = o1[i] > 0 ? d1[i] : 0;
            }

            VectorMath.AddOuter(gradient.Slice(BatchedMnistStep.W1, n1 * n0), d1, x);
            VectorMath.AddScaled(gradient.Slice(BatchedMnistStep.B1, n1), 1f, d1);
            VectorMath.AddOuter(gradient.Slice(BatchedMnistStep.W2, n2 * n1), d2, o1);
            VectorMath.AddScaled(gradient.Slice(BatchedMnistStep.B2, n2), 1f, d2);
        }
    }

    /// <summary>MNIST-like data: pixels in [0, 1) (a third of them 0), one-hot targets, He-uniform weights, zero biases.</summary>
    public static (float[] Parameters, float[] Inputs, float[] Targets) Data(int count, int seed)
    {
        var random = new Random(seed);
        var parameters = new float[BatchedMnistStep.ParameterCount];
        float r1 = MathF.Sqrt(6f / BatchedMnistStep.InputSize), r2 = MathF.Sqrt(6f / BatchedMnistStep.HiddenSize);
        for (int i = BatchedMnistStep.W1; i < BatchedMnistStep.B1; i++)
        {
            parameters[i] = r1 * ((2 * (float)random.NextDouble()) - 1);
        }

        for (int i = BatchedMnistStep.W2; i < BatchedMnistStep.B2; i++)
        {
            parameters[i] = r2 * ((2 * (float)random.NextDouble()) - 1);
        }

        var inputs = new float[count * BatchedMnistStep.InputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.Next(3) == 0 ? 0 : (float)random.NextDouble();
        }

        var targets = new float[count * BatchedMnistStep.OutputSize];
        for (int s = 0; s < count; s++)
        {
            targets[(s * BatchedMnistStep.OutputSize) + random.Next(BatchedMnistStep.OutputSize)] = 1;
        }

        return (parameters, inputs, targets);
    }
}
