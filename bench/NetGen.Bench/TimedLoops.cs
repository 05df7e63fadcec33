using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NetGen.Bench;

/// <summary>
/// The timed loops, shaped like handc's: per-sample SGD or contiguous mini-batches cycling through the epoch in
/// file order, and batch-1 inference cycling through the data. Each returns the elapsed nanoseconds.
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

    /// <summary>
    /// Per batch: zero the gradient, <c>BackwardBatch</c> over the batch's rows (the same gradient as <c>Backward</c> row by
    /// row, four rows per pass over a wide layer's gradient), then <c>ApplyGradients(gradient, B)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double TrainMiniBatch(TCalls net, Samples data, long samples, int epochSize, int batchSize, float[] gradient)
    {
        float[] inputs = data.Inputs, targets = data.Targets;
        int inputSize = data.InputSize, targetSize = data.TargetSize;
        int row = 0;
        long start = Stopwatch.GetTimestamp();
        for (long s = 0; s < samples; s += batchSize)
        {
            Array.Clear(gradient);
            net.BackwardBatch(inputs.AsSpan(row * inputSize, batchSize * inputSize), targets.AsSpan(row * targetSize, batchSize * targetSize), gradient);

            net.ApplyGradients(gradient, batchSize);
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
}
