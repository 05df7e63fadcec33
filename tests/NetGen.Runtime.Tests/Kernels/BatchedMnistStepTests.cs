using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The end-to-end check of the kernels: a batched forward + backward of 784-128-10 (ReLU, softmax + cross-entropy)
/// against the per-sample path, by math.md's "Mini-batches computed as matrix products" bound (every element of the
/// mean gradient within 1e−5 of the per-sample one, relative to the largest |g| of its layer), and the same bits for
/// 1, 2, 3 and 8 threads.
/// </summary>
public sealed class BatchedMnistStepTests
{
    private static void AssertLayerWithin(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string layer)
    {
        float largest = 0;
        foreach (float g in expected)
        {
            largest = MathF.Max(largest, MathF.Abs(g));
        }

        Assert.True(largest > 0, layer);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs((double)expected[i] - actual[i]) / largest;
            Assert.True(error <= 1e-5, $"{layer}[{i}]: per sample {expected[i]}, batched {actual[i]} (relative error {error:E2})");
        }
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    public void TheBatchedGradientMatchesThePerSampleOne(int count)
    {
        (float[] parameters, float[] inputs, float[] targets) = PerSampleMnistReference.Data(count, count);
        var step = new BatchedMnistStep(count) { DegreeOfParallelism = 2 };
        parameters.CopyTo(step.Parameters, 0);
        step.Gradient(inputs, targets);
        var reference = new float[BatchedMnistStep.ParameterCount];
        PerSampleMnistReference.Gradient(parameters, inputs, targets, reference);

        // Mean gradients: both divided by the batch size, which the relative bound ignores.
        AssertLayerWithin(reference.AsSpan(0, BatchedMnistStep.W2), step.SummedGradient.AsSpan(0, BatchedMnistStep.W2), "layer 1");
        AssertLayerWithin(reference.AsSpan(BatchedMnistStep.W2), step.SummedGradient.AsSpan(BatchedMnistStep.W2), "layer 2");
    }

    [Fact]
    public void TheStepGivesTheSameBitsForOneTwoThreeAndEightThreads()
    {
        (float[] parameters, float[] inputs, float[] targets) = PerSampleMnistReference.Data(64, 9);
        float[]? first = null;
        float firstLoss = 0;
        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var step = new BatchedMnistStep(64) { DegreeOfParallelism = threads };
            parameters.CopyTo(step.Parameters, 0);
            float loss = 0;
            for (int k = 0; k < 3; k++)
            {
                loss = step.TrainBatch(inputs, targets, 0.05f);
            }

            if (first is null)
            {
                (first, firstLoss) = (step.Parameters, loss);
                continue;
            }

            Assert.Equal(BitConverter.SingleToInt32Bits(firstLoss), BitConverter.SingleToInt32Bits(loss));
            Assert.Equal(first, step.Parameters);
        }
    }

    [Fact]
    public void TheMeanLossFallsOverSteps()
    {
        (float[] parameters, float[] inputs, float[] targets) = PerSampleMnistReference.Data(32, 5);
        var step = new BatchedMnistStep(32) { DegreeOfParallelism = 2 };
        parameters.CopyTo(step.Parameters, 0);
        float before = step.TrainBatch(inputs, targets, 0.1f), after = before;
        for (int k = 0; k < 20; k++)
        {
            after = step.TrainBatch(inputs, targets, 0.1f);
        }

        Assert.True(after < 0.5f * before, $"{before} → {after}");
    }
}
