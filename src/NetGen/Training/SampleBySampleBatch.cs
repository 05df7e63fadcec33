using System;
using System.Numerics;

namespace NetGen.Training;

/// <summary>
/// <see cref="INetwork{T}.ForwardBatch"/> and <see cref="ITrainableNetwork{T}.TrainBatch"/> for a network written by hand:
/// its per-sample members sample after sample (generated networks too small to gain from matrix products do the same).
/// </summary>
public static class SampleBySampleBatch
{
    /// <summary>Calls <see cref="INetwork{T}.Forward"/> for each of the count samples of <paramref name="inputs"/> into <paramref name="outputs"/>.</summary>
    /// <exception cref="ArgumentException">The inputs are not a whole number of samples, or the outputs do not hold as many.</exception>
    public static void Forward<TNet, T>(TNet network, ReadOnlySpan<T> inputs, Span<T> outputs)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int inputSize = TNet.InputSize, outputSize = TNet.OutputSize;
        int count = SpanLength.SampleCount(nameof(inputs), inputs.Length, inputSize, nameof(outputs), outputs.Length, outputSize);
        for (int s = 0; s < count; s++)
        {
            network.Forward(inputs.Slice(s * inputSize, inputSize), outputs.Slice(s * outputSize, outputSize));
        }
    }

    /// <summary>
    /// <see cref="ITrainableNetwork{T}.BackwardBatch"/> into <paramref name="gradient"/> (cleared first: the caller's
    /// buffer, ParameterCount values, so that nothing is allocated) and one <see cref="ITrainableNetwork{T}.ApplyGradients"/>
    /// with the batch size; returns the mean loss. A NaN or infinite input or target value returns NaN and changes nothing;
    /// a loss that is not finite is returned without the update.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty or not a whole number of samples, the targets do not match it, or the gradient is not ParameterCount long.</exception>
    public static T Train<TNet, T>(TNet network, ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        int count = SpanLength.SampleCount(nameof(inputs), inputs.Length, TNet.InputSize, nameof(targets), targets.Length, TNet.OutputSize);
        SpanLength.RequireSamples(nameof(inputs), count);
        if (gradient.Length != TNet.ParameterCount)
        {
            SpanLength.Throw(nameof(gradient), TNet.ParameterCount, gradient.Length);
        }

        if (!Kernels.VectorMath.AllFinite(inputs, targets))
        {
            return T.NaN; // the non-finite policy of generated code: nothing is changed
        }

        gradient.Clear();
        T loss = network.BackwardBatch(inputs, targets, gradient);
        if (T.IsFinite(loss))
        {
            network.ApplyGradients(gradient, count); // not when training diverged: a non-finite loss is returned without an update
        }

        return loss / T.CreateTruncating(count);
    }
}
