using System;
using System.Numerics;
using System.Runtime.InteropServices;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// The reference for TrainBatch and ForwardBatch: BackwardBatch into a zeroed gradient followed by ApplyGradients, and
/// Forward sample by sample, on a twin network with the same parameters and dropout seed. math.md's bound for the
/// batched members: every element of the mean gradient within 1e−5 (float) or 1e−12 (double) of the sample-by-sample
/// one, relative to the largest |g| of its layer.
/// </summary>
internal static class BatchEquivalence
{
    /// <summary>math.md's relative bound on the batched mean gradient: 1e−5 for float, 1e−12 for double.</summary>
    public static T Bound<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(typeof(T) == typeof(float) ? 1e-5 : 1e-12);

    /// <summary>The machine epsilon (the gap between 1 and the next value): one rounding changes x by at most ½·ε·|x|.</summary>
    public static T MachineEpsilon<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        T.BitIncrement(T.One) - T.One;

    /// <summary>
    /// Trains two twins <paramref name="steps"/> steps on one batch of <paramref name="count"/> samples (see
    /// <see cref="AssertGradientsAgreeStepByStep{TNet, T}"/>).
    /// </summary>
    public static void AssertGradientsAgree<TNet, T>(int count, int seed, int steps = 2)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var counts = new int[steps];
        Array.Fill(counts, count);
        AssertGradientsAgreeStepByStep<TNet, T>(seed, counts, newBatchEachStep: false);
    }

    /// <summary>
    /// Trains two twins one step per entry of <paramref name="counts"/> (that many samples), one with TrainBatch and one
    /// with the reference, under SGD with η = 1 and no decay. Both updates are θ − g/n from the same θ, so
    /// |θ_batched − θ_reference| is |g_batched − g_reference|/n plus one rounding of each update (at most ε·|θ| each, ε
    /// the machine epsilon, and as much again when the update rounds g/n before subtracting it): each step's batched
    /// gradient is compared with the reference under math.md's bound, layer by layer. The reference twin then takes the
    /// batched twin's parameters, so the next step compares one gradient again (and the batched twin's next TrainBatch
    /// must see its new θ, with scratch sized for another batch).
    /// </summary>
    /// <param name="seed">Seeds the batches and both twins' dropout.</param>
    /// <param name="counts">Each step's batch size.</param>
    /// <param name="newBatchEachStep">A new batch for every step, or the first batch again.</param>
    /// <param name="outputWeightScale">Scales the output layer's weights of both twins first (large values saturate the output).</param>
    public static void AssertGradientsAgreeStepByStep<TNet, T>(int seed, int[] counts, bool newBatchEachStep = true, double outputWeightScale = 1)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(Optimizer.Sgd, TNet.OptimizerAlgorithm); // the step gives g back only under Sgd
        TNet batched = new(), reference = new();
        if (outputWeightScale != 1)
        {
            var theta = new T[TNet.ParameterCount];
            batched.GetParameters(theta);
            LayerDescription output = TNet.Layers[^1];
            int start = TNet.ParameterCount - output.ParameterCount;
            for (int k = start; k < start + output.WeightCount; k++)
            {
                theta[k] *= T.CreateTruncating(outputWeightScale);
            }

            batched.SetParameters(theta);
            reference.SetParameters(theta);
        }

        batched.Hyperparameters.LearningRate = 1;
        reference.Hyperparameters.LearningRate = 1;
        batched.SeedDropout(seed);
        reference.SeedDropout(seed);
        var random = new Random(seed);
        int p = TNet.ParameterCount;
        T[] before = new T[p], expected = new T[p], actual = new T[p], gradient = new T[p];
        T bound = Bound<T>(), epsilon = MachineEpsilon<T>();
        T[] inputs = Array.Empty<T>(), targets = Array.Empty<T>();
        for (int step = 0; step < counts.Length; step++)
        {
            int count = counts[step];
            if (step == 0 || newBatchEachStep)
            {
                inputs = BatchData.Inputs<TNet, T>(random, count);
                targets = BatchData.Targets<TNet, T>(random, count);
            }

            T n = T.CreateTruncating(count);
            reference.GetParameters(before);
            Array.Clear(gradient);
            T referenceLoss = reference.BackwardBatch(inputs, targets, gradient);
            reference.ApplyGradients(gradient, count);
            reference.GetParameters(expected);
            T loss = batched.TrainBatch(inputs, targets);
            batched.GetParameters(actual);

            string what = $"{typeof(TNet).Name}, {count} samples, step {step}";
            AssertLossAgrees(referenceLoss / n, loss, what);
            int offset = 0;
            foreach (LayerDescription layer in TNet.Layers)
            {
                int length = layer.ParameterCount;
                T largest = T.Zero;
                for (int k = offset; k < offset + length; k++)
                {
                    largest = T.Max(largest, T.Abs(gradient[k] / n));
                }

                for (int k = offset; k < offset + length; k++)
                {
                    T rounding = T.CreateTruncating(2) * epsilon * (T.Abs(expected[k]) + T.Abs(before[k] - expected[k]));
                    T difference = T.Abs(actual[k] - expected[k]);
                    Assert.True(difference <= (bound * largest) + rounding,
                        $"{what}, layer at {offset}, parameter {k}: batched g {before[k] - actual[k]}, sample by sample {before[k] - expected[k]}, "
                        + $"|difference| {difference} > {bound} × largest |g| {largest} + rounding {rounding}");
                }

                offset += length;
            }

            reference.SetParameters(actual);
        }
    }

    /// <summary>
    /// The batched mean loss against the reference's: each sample's loss comes from outputs that agree to rounding, so
    /// 10 × math.md's bound relative to max(1, |L|) is ample and still catches a wrong loss or a wrong count.
    /// </summary>
    public static void AssertLossAgrees<T>(T expected, T actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T allowed = T.CreateTruncating(10) * Bound<T>() * T.Max(T.One, T.Abs(expected));
        Assert.True(T.Abs(actual - expected) <= allowed, $"{what}: mean loss {actual}, sample by sample {expected}");
    }

    /// <summary>
    /// ForwardBatch against Forward per sample, on random inputs: within math.md's bound relative to max(1, |o|) (a
    /// product summed in another order, vectorised activations within a few ulp).
    /// </summary>
    public static void AssertForwardAgrees<TNet, T>(TNet net, int count, int seed)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inputs = BatchData.Inputs<TNet, T>(new Random(seed), count);
        T[] batched = new T[count * TNet.OutputSize];
        net.ForwardBatch(inputs, batched);
        AssertOutputsMatchForward<TNet, T>(net, inputs, batched, $"{typeof(TNet).Name}, {count} samples");
    }

    /// <summary>Each sample's <paramref name="batched"/> outputs against Forward on the same input (see <see cref="AssertForwardAgrees"/>).</summary>
    public static void AssertOutputsMatchForward<TNet, T>(TNet net, ReadOnlySpan<T> inputs, ReadOnlySpan<T> batched, string what)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = inputs.Length / TNet.InputSize;
        Span<T> single = new T[TNet.OutputSize];
        T tolerance = Bound<T>();
        for (int s = 0; s < count; s++)
        {
            net.Forward(inputs.Slice(s * TNet.InputSize, TNet.InputSize), single);
            for (int i = 0; i < TNet.OutputSize; i++)
            {
                T b = batched[(s * TNet.OutputSize) + i];
                Assert.True(T.Abs(b - single[i]) <= tolerance * T.Max(T.One, T.Abs(single[i])), $"{what}: sample {s}, output {i}: ForwardBatch {b}, Forward {single[i]}");
            }
        }
    }

    /// <summary>The two spans hold the same bits (NaNs and signed zeros included).</summary>
    public static void AssertSameBits<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what)
        where T : unmanaged
    {
        Assert.Equal(expected.Length, actual.Length);
        if (!MemoryMarshal.AsBytes(expected).SequenceEqual(MemoryMarshal.AsBytes(actual)))
        {
            int k = 0;
            while (MemoryMarshal.AsBytes(expected.Slice(k, 1)).SequenceEqual(MemoryMarshal.AsBytes(actual.Slice(k, 1))))
            {
                k++;
            }

            Assert.Fail($"{what}: first difference at {k}: {expected[k]} against {actual[k]}");
        }
    }
}
