using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NetGen.Bench;

/// <summary>
/// The timed loops, shaped like handc's: per-sample SGD or contiguous mini-batches cycling through the epoch in
/// file order, and batch-1 or batched inference cycling through the data. Each returns the elapsed nanoseconds.
/// </summary>
/// <typeparam name="TCalls">The network's call struct (one compiled copy per network).</typeparam>
internal static class TimedLoops<TCalls>
    where TCalls : struct, INetworkCalls<TCalls>
{
    private static double ElapsedNanoseconds(long start) =>
        (Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double TrainPerSample(TCalls net, Samples data, long samples, int epochSize)
    {
        float[] inputs = data.Inputs, targets = data.Targets;
        int inputSize = data.InputSize, targetSize = data.TargetSize;
        int row = 0;
        long start = Stopwatch.GetTimestamp();
        for (long s = 0; s < samples; s++)
        {
            net.TrainStep(inputs.AsSpan(row * inputSize, inputSize), targets.AsSpan(row * targetSize, targetSize));
            if (++row >= epochSize)
            {
                row = 0;
            }
        }

        return ElapsedNanoseconds(start);
    }

    /// <summary>One <c>TrainBatch</c> per batch of contiguous rows (forward, backward and the SGD update with the gradient averaged over the batch).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double TrainMiniBatch(TCalls net, Samples data, long samples, int epochSize, int batchSize)
    {
        float[] inputs = data.Inputs, targets = data.Targets;
        int inputSize = data.InputSize, targetSize = data.TargetSize;
        int row = 0;
        long start = Stopwatch.GetTimestamp();
        for (long s = 0; s < samples; s += batchSize)
        {
            net.TrainBatch(inputs.AsSpan(row * inputSize, batchSize * inputSize), targets.AsSpan(row * targetSize, batchSize * targetSize));
            row += batchSize;
            if (row >= epochSize)
            {
                row = 0;
            }
        }

        return ElapsedNanoseconds(start);
    }

    /// <summary>Batch-1 forward passes cycling through all rows; the first output of each is summed so none is dead.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Infer(TCalls net, Samples data, long samples, float[] output, out float sink)
    {
        float[] inputs = data.Inputs;
        int inputSize = data.InputSize, count = data.Count;
        int row = 0;
        float part = 0;
        long start = Stopwatch.GetTimestamp();
        for (long s = 0; s < samples; s++)
        {
            net.Forward(inputs.AsSpan(row * inputSize, inputSize), output);
            part += output[0];
            if (++row == count)
            {
                row = 0;
            }
        }

        double elapsed = ElapsedNanoseconds(start);
        sink = part;
        return elapsed;
    }

    /// <summary>
    /// <c>ForwardBatch</c> on contiguous blocks of <paramref name="rows"/> rows cycling through the data (a last partial
    /// block is skipped, as the .NET peers skip it): max(1, ⌊<paramref name="samples"/> / rows⌋) calls; the first
    /// output of each block is summed so none is dead. Returns the elapsed nanoseconds and, in
    /// <paramref name="inferred"/>, the samples run.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double InferBatch(TCalls net, Samples data, long samples, int rows, float[] outputs, out long inferred, out float sink)
    {
        float[] inputs = data.Inputs;
        int inputSize = data.InputSize, blocks = data.Count / rows;
        long calls = Math.Max(1, samples / rows);
        int block = 0;
        float part = 0;
        long start = Stopwatch.GetTimestamp();
        for (long c = 0; c < calls; c++)
        {
            net.ForwardBatch(inputs.AsSpan(block * rows * inputSize, rows * inputSize), outputs);
            part += outputs[0];
            if (++block == blocks)
            {
                block = 0;
            }
        }

        double elapsed = ElapsedNanoseconds(start);
        inferred = calls * rows;
        sink = part;
        return elapsed;
    }
}
