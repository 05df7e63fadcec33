using System;
using System.Diagnostics;
using NetGen.Kernels;

namespace NetGen.Bench;

/// <summary>
/// One run of the contract: evaluate, train (timed), evaluate, infer (timed; batch 1, then batched with --infer-batch).
/// Before each timed loop the same loop runs on a throw-away copy of the network for <see cref="WarmupMilliseconds"/>
/// (<see cref="BatchWarmupMilliseconds"/> before a batched loop),
/// so the JIT has tiered the generated methods up (as the torch runner warms up a throw-away copy); the measured network
/// starts from the initial weights either way. The batched members' scratch of the measured network is sized by one
/// untimed <c>ForwardBatch</c> before each timed loop, which leaves θ as it is.
/// </summary>
/// <typeparam name="TCalls">The workload's network call struct.</typeparam>
internal static class WorkloadRunner<TCalls>
    where TCalls : struct, INetworkCalls<TCalls>
{
    /// <summary>The warm-up before the per-sample loops (TrainStep, Forward).</summary>
    public const double WarmupMilliseconds = 300;

    /// <summary>
    /// The warm-up before the batched loops (TrainBatch, ForwardBatch). Longer: with 300 ms, digits' ForwardBatch at batch
    /// 64 measured 1.5–3.7× slower than after 1,000 ms on the loaded machine (its methods were not yet at tier 1 when the
    /// timed loop began; with DOTNET_TieredCompilation=0 or DOTNET_TC_CallCountingDelayMs=0 the 300 ms runs were as fast).
    /// </summary>
    public const double BatchWarmupMilliseconds = 1000;

    public static RunResult Run(RunOptions options, Samples data, float[] initialWeights, string dataDescription)
    {
        Parallelism.DegreeOfParallelism = options.Threads;
        Workload workload = options.Workload;
        int epochSize = workload.EpochSize(data.Count);
        long samples = options.TrainSamples(epochSize);
        long inferSamples = options.InferSteps ?? samples;

        TCalls net = Prepare(workload, initialWeights);
        Evaluation before = Evaluation.Of(net.Network, data, workload);

        WarmUp(workload.BatchSize == 1 ? WarmupMilliseconds : BatchWarmupMilliseconds, () => Train(Prepare(workload, initialWeights), data, Math.Min(epochSize, 4096), epochSize, workload.BatchSize));
        SizeBatchScratch(net, data, workload.BatchSize);
        double trainNs = Train(net, data, samples, epochSize, workload.BatchSize);

        Evaluation after = Evaluation.Of(net.Network, data, workload);

        var output = new float[workload.OutputSize];
        TCalls spare = Prepare(workload, initialWeights);
        WarmUp(WarmupMilliseconds, () => TimedLoops<TCalls>.Infer(spare, data, data.Count, output, out _));
        double inferNs = TimedLoops<TCalls>.Infer(net, data, inferSamples, output, out float sink);
        GC.KeepAlive(sink);

        int? inferBatch = options.InferBatchRows(data.Count);
        double? inferBatchNsPerSample = inferBatch is int rows ? InferBatch(net, spare, data, inferSamples, rows) : null;

        return new RunResult(
            Runner: "netgen",
            Workload: workload.Name,
            Steps: samples,
            Epochs: (double)samples / epochSize,
            TrainNsPerSample: samples > 0 ? trainNs / samples : null,
            InferNsPerSample: inferSamples > 0 ? inferNs / inferSamples : null,
            InitialLoss: before.Loss,
            FinalLoss: after.Loss,
            LossKind: workload.LossKind,
            Accuracy: after.Accuracy,
            InferSteps: inferSamples,
            Data: dataDescription,
            Runtime: Environment.Version.ToString(),
            WarmupMilliseconds: WarmupMilliseconds,
            BatchWarmupMilliseconds: workload.BatchSize > 1 || inferBatch is not null ? BatchWarmupMilliseconds : null,
            InferBatch: inferBatch,
            InferBatchNsPerSample: inferBatchNsPerSample,
            Threads: Parallelism.DegreeOfParallelism);
    }

    /// <summary>ns per sample of <c>ForwardBatch</c> on blocks of <paramref name="rows"/> rows, after the warm-up on <paramref name="spare"/>.</summary>
    private static double InferBatch(TCalls net, TCalls spare, Samples data, long samples, int rows)
    {
        var outputs = new float[rows * data.TargetSize];
        WarmUp(BatchWarmupMilliseconds, () => TimedLoops<TCalls>.InferBatch(spare, data, data.Count, rows, outputs, out _, out _));
        SizeBatchScratch(net, data, rows);
        double ns = TimedLoops<TCalls>.InferBatch(net, data, samples, rows, outputs, out long inferred, out float sink);
        GC.KeepAlive(sink);
        return ns / inferred;
    }

    private static TCalls Prepare(Workload workload, float[] initialWeights)
    {
        TCalls net = TCalls.Create();
        net.Network.SetParameters(initialWeights);
        net.Network.Hyperparameters.LearningRate = workload.LearningRate;
        return net;
    }

    /// <summary>
    /// One untimed <c>ForwardBatch</c> over the first <paramref name="rows"/> rows: the network's batch scratch (shared by
    /// ForwardBatch and TrainBatch, made by the first batch larger than any before) then exists before the timed loop.
    /// </summary>
    private static void SizeBatchScratch(TCalls net, Samples data, int rows)
    {
        if (rows > 1)
        {
            net.ForwardBatch(data.Inputs.AsSpan(0, rows * data.InputSize), new float[rows * data.TargetSize]);
        }
    }

    private static double Train(TCalls net, Samples data, long samples, int epochSize, int batchSize) =>
        batchSize == 1
            ? TimedLoops<TCalls>.TrainPerSample(net, data, samples, epochSize)
            : TimedLoops<TCalls>.TrainMiniBatch(net, data, samples, epochSize, batchSize);

    private static void WarmUp(double milliseconds, Func<double> loop)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < milliseconds)
        {
            loop();
        }
    }
}
