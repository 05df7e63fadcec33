using System;
using System.Diagnostics;

namespace NetGen.Bench;

/// <summary>
/// One run of the contract: evaluate, train (timed), evaluate, infer (timed). Before each timed loop the same
/// loop runs on a throw-away copy of the network for <see cref="WarmupMilliseconds"/>, so the JIT has
/// tiered the generated methods up (as the torch runner warms up a throw-away copy); the measured network
/// starts from the initial weights either way.
/// </summary>
/// <typeparam name="TCalls">The workload's network call struct.</typeparam>
internal static class WorkloadRunner<TCalls>
    where TCalls : struct, INetworkCalls<TCalls>
{
    public const double WarmupMilliseconds = 300;

    public static RunResult Run(RunOptions options, Samples data, float[] initialWeights, string dataDescription)
    {
        Workload workload = options.Workload;
        int epochSize = workload.EpochSize(data.Count);
        long samples = options.TrainSamples(epochSize);
        long inferSamples = options.InferSteps ?? samples;

        TCalls net = Prepare(workload, initialWeights);
        Evaluation before = Evaluation.Of(net.Network, data, workload);

        var gradient = new float[initialWeights.Length];
        WarmUp(() => Train(Prepare(workload, initialWeights), data, Math.Min(epochSize, 4096), epochSize, workload.BatchSize, gradient));
        double trainNs = Train(net, data, samples, epochSize, workload.BatchSize, gradient);

        Evaluation after = Evaluation.Of(net.Network, data, workload);

        var output = new float[workload.OutputSize];
        TCalls spare = Prepare(workload, initialWeights);
        WarmUp(() => TimedLoops<TCalls>.Infer(spare, data, data.Count, output, out _));
        double inferNs = TimedLoops<TCalls>.Infer(net, data, inferSamples, output, out float sink);
        GC.KeepAlive(sink);

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
            WarmupMilliseconds: WarmupMilliseconds);
    }

    private static TCalls Prepare(Workload workload, float[] initialWeights)
    {
        TCalls net = TCalls.Create();
        net.Network.SetParameters(initialWeights);
        net.Network.Hyperparameters.LearningRate = workload.LearningRate;
        return net;
    }

    private static double Train(TCalls net, Samples data, long samples, int epochSize, int batchSize, float[] gradient) =>
        batchSize == 1
            ? TimedLoops<TCalls>.TrainPerSample(net, data, samples, epochSize)
            : TimedLoops<TCalls>.TrainMiniBatch(net, data, samples, epochSize, batchSize, gradient);

    private static void WarmUp(Func<double> loop)
    {
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < WarmupMilliseconds)
        {
            loop();
        }
    }
}
