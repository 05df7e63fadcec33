using System;
using System.Globalization;

namespace NetGen.Bench;

/// <summary>The runner contract's command line: <c>WORKLOAD (--steps N | --epochs E) [--infer-steps M] [--data DIR]</c>.</summary>
internal sealed record RunOptions(Workload Workload, long? Steps, double? Epochs, long? InferSteps, string? DataDirectory)
{
    public const string Usage =
        "usage: NetGen.Bench WORKLOAD (--steps N | --epochs E) [--infer-steps M] [--data DIR]\n" +
        "       NetGen.Bench export-data DIR     writes the built-in data set in the yardstick's file format\n" +
        "workloads: xor, iris, digits, mnist, deep, mnist_b64";

    public static RunOptions Parse(string[] args)
    {
        if (args.Length == 0 || !WorkloadTable.All.TryGetValue(args[0], out Workload? workload))
        {
            throw new ArgumentException(args.Length == 0 ? "missing WORKLOAD" : "unknown workload " + args[0]);
        }

        long? steps = null, inferSteps = null;
        double? epochs = null;
        string? data = null;
        for (int i = 1; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException("missing value after " + args[i]);
            switch (args[i])
            {
                case "--steps": steps = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--epochs": epochs = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--infer-steps": inferSteps = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--data": data = value; break;
                default: throw new ArgumentException("unknown argument " + args[i]);
            }

            i++;
        }

        if (steps is null && epochs is null)
        {
            throw new ArgumentException("need --steps N or --epochs E");
        }

        return new RunOptions(workload, steps, epochs, inferSteps, data);
    }

    /// <summary>Samples to train, as handc counts them: --steps, or round(E × epoch); then whole batches.</summary>
    public long TrainSamples(int epochSize)
    {
        long samples = Steps ?? (long)Math.Round(Epochs!.Value * epochSize, MidpointRounding.AwayFromZero);
        return samples / Workload.BatchSize * Workload.BatchSize;
    }
}
