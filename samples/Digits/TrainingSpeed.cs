using System;
using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Data;

namespace Digits;

/// <summary>
/// What the matrix products buy: the same mini-batches trained through <c>TrainBatch</c> (what the trainer calls) and
/// through the sample-by-sample path, <c>BackwardBatch</c> into a zeroed gradient followed by <c>ApplyGradients</c>, on
/// fresh networks. After a second of warm-up the two alternate, nine rounds each, and the fastest round of each is compared.
/// </summary>
internal static class TrainingSpeed
{
    public static string Compare(Dataset<float> train, int batchSize)
    {
        var batched = new DigitsNet();
        var perSample = new DigitsNet();
        var gradient = new float[DigitsNet.ParameterCount];
        int batches = train.Count / batchSize;
        void Batched()
        {
            for (int b = 0; b < batches; b++)
            {
                batched.TrainBatch(Rows(train.Inputs, b, batchSize, DigitsNet.InputSize), Rows(train.Targets, b, batchSize, DigitsNet.OutputSize));
            }
        }

        void PerSample()
        {
            for (int b = 0; b < batches; b++)
            {
                Array.Clear(gradient);
                perSample.BackwardBatch(Rows(train.Inputs, b, batchSize, DigitsNet.InputSize), Rows(train.Targets, b, batchSize, DigitsNet.OutputSize), gradient);
                perSample.ApplyGradients(gradient, batchSize);
            }
        }

        // Warm-up for a second, so that both paths run fully optimised code: the JIT recompiles a hot method in the
        // background after it has been called often enough, which takes longer than a few epochs of this size.
        long warmUp = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmUp).TotalSeconds < 1)
        {
            Batched();
            PerSample();
        }

        double bestBatched = double.MaxValue, bestPerSample = double.MaxValue;
        for (int round = 0; round < 9; round++)
        {
            bestBatched = Math.Min(bestBatched, Time(Batched));
            bestPerSample = Math.Min(bestPerSample, Time(PerSample));
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"One epoch of mini-batches of {batchSize}: {bestBatched:F2} ms as matrix products (TrainBatch, {NetGen.Kernels.Parallelism.DegreeOfParallelism} thread(s) allowed), "
            + $"{bestPerSample:F2} ms sample by sample (BackwardBatch + ApplyGradients): {bestPerSample / bestBatched:F1}× as fast.");
    }

    private static ReadOnlySpan<float> Rows(ReadOnlySpan<float> values, int batch, int batchSize, int width) =>
        values.Slice(batch * batchSize * width, batchSize * width);

    private static double Time(Action work)
    {
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
