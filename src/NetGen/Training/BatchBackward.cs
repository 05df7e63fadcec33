using System;
using System.Numerics;

namespace NetGen.Training;

/// <summary><see cref="ITrainableNetwork{T}.BackwardBatch"/> for a network written by hand: <c>Backward</c> sample after sample.</summary>
public static class BatchBackward
{
    /// <summary>
    /// Calls <see cref="ITrainableNetwork{T}.Backward"/> for each sample of <paramref name="inputs"/> (count × InputSize values)
    /// and <paramref name="targets"/> (count × OutputSize), adding into <paramref name="gradient"/>; returns the sum of the losses.
    /// </summary>
    /// <remarks>As in generated code, a NaN or infinite value in <paramref name="inputs"/> or <paramref name="targets"/> makes it return NaN without adding anything.</remarks>
    /// <exception cref="ArgumentException">The inputs are not a whole number of samples, or the targets do not match them.</exception>
    public static T PerSample<TNet, T>(TNet network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int inputSize = TNet.InputSize, outputSize = TNet.OutputSize;
        int count = SpanLength.SampleCount(nameof(inputs), inputs.Length, inputSize, nameof(targets), targets.Length, outputSize);
        if (!Kernels.VectorMath.AllFinite(inputs, targets))
        {
            return T.NaN; // the non-finite policy of generated code: nothing is added to the gradient
        }

        T loss = T.Zero;
        for (int s = 0; s < count; s++)
        {
            loss += network.Backward(inputs.Slice(s * inputSize, inputSize), targets.Slice(s * outputSize, outputSize), gradient);
        }

        return loss;
    }
}
