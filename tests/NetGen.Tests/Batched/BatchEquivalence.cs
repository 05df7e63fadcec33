using System;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// The reference for TrainBatch and ForwardBatch: BackwardBatch into a zeroed gradient followed by ApplyGradients, and
/// Forward sample by sample, on a twin network with the same parameters. math.md's bound for the batched members:
/// every element of the mean gradient within 1e−5 (float) or 1e−12 (double) of the sample-by-sample one, relative to
/// the largest |g| of its layer.
/// </summary>
internal static class BatchEquivalence
{
    /// <summary>
    /// Trains two twins a few steps, one with TrainBatch and one with the reference, under SGD with η = 1 and no decay:
    /// then θ_before − θ_after = g/n exactly up to the rounding of the subtraction, so each step's batched gradient is
    /// read from the parameters and compared with the reference gradient under math.md's bound, layer by layer.
    /// </summary>
    public static void AssertGradientsAgree<TNet, T>(Func<TNet> make, int count, int seed, int steps = 3)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TNet batched = make(), reference = make();
        batched.Hyperparameters.LearningRate = 1;
        reference.Hyperparameters.LearningRate = 1;
        batched.SeedDropout(seed);
        reference.SeedDropout(seed);
        var random = new Random(seed);
        T[] inputs = BatchData.Inputs<TNet, T>(random, count), targets = BatchData.Targets<TNet, T>(random, count);
        int p = TNet.ParameterCount;
        T[] before = new T[p], after = new T[p], gradient = new T[p];
        T bound = T.CreateTruncating(typeof(T) == typeof(float) ? 1e-5 : 1e-12);
        for (int step = 0; step < steps; step++)
        {
            Array.Clear(gradient);
            T referenceLoss = reference.BackwardBatch(inputs, targets, gradient);
            reference.ApplyGradients(gradient, count);
            batched.GetParameters(before);
            T loss = batched.TrainBatch(inputs, targets);
            batched.GetParameters(after);

            T meanLoss = referenceLoss / T.CreateTruncating(count);
            Assert.True(T.Abs(loss - meanLoss) <= bound * T.Max(T.One, T.Abs(meanLoss)) * T.CreateTruncating(10), $"step {step}: loss {loss} against {meanLoss}");
            int offset = 0;
            foreach (LayerDescription layer in TNet.Layers)
            {
                int length = layer.Rows * (layer.Inputs + 1);
                T largest = T.Zero;
                for (int k = offset; k < offset + length; k++)
                {
                    largest = T.Max(largest, T.Abs(gradient[k] / T.CreateTruncating(count)));
                }

                for (int k = offset; k < offset + length; k++)
                {
                    T expected = gradient[k] / T.CreateTruncating(count), actual = before[k] - after[k];
                    // The subtraction θ − g rounds relative to |θ|: allowed on top of math.md's bound.
                    T allowed = (bound * largest) + (T.CreateTruncating(4) * T.Epsilon * T.Abs(before[k]));
                    Assert.True(T.Abs(actual - expected) <= allowed + (T.Abs(before[k]) * T.CreateTruncating(typeof(T) == typeof(float) ? 1e-6 : 1e-15)),
                        $"step {step}, layer at {offset}, parameter {k}: batched g {actual}, sample by sample {expected} (largest |g| {largest})");
                }

                offset += length;
            }

            // Keep the twins on the same parameters, so each step compares one gradient.
            reference.SetParameters(after);
        }
    }

    /// <summary>ForwardBatch against Forward per sample: within rounding of the longest dot product.</summary>
    public static void AssertForwardAgrees<TNet, T>(TNet net, int count, int seed)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        T[] inputs = BatchData.Inputs<TNet, T>(random, count);
        T[] batched = new T[count * TNet.OutputSize], single = new T[TNet.OutputSize];
        net.ForwardBatch(inputs, batched);
        T tolerance = T.CreateTruncating(typeof(T) == typeof(float) ? 1e-5 : 1e-12);
        for (int s = 0; s < count; s++)
        {
            net.Forward(inputs.AsSpan(s * TNet.InputSize, TNet.InputSize), single);
            for (int i = 0; i < TNet.OutputSize; i++)
            {
                T b = batched[(s * TNet.OutputSize) + i];
                Assert.True(T.Abs(b - single[i]) <= tolerance * T.Max(T.One, T.Abs(single[i])), $"sample {s}, output {i}: ForwardBatch {b}, Forward {single[i]}");
            }
        }
    }
}
