using System;
using System.Globalization;

namespace NetGen.Bench;

/// <summary>
/// The runner contract's command line, <c>WORKLOAD (--steps N | --epochs E) [--infer-steps M] [--data DIR]</c>, plus the
/// .NET peers' <c>--infer-batch B</c> and <c>--threads T</c>.
/// </summary>
/// <param name="InferBatch">Rows per <c>ForwardBatch</c> call in the batched inference loop (0: the whole data set in one
/// call); null: no batched inference loop.</param>
/// <param name="Threads">The value for <see cref="Kernels.Parallelism.DegreeOfParallelism"/> (the runner's default is 1).</param>
internal sealed record RunOptions(Workload Workload, long? Steps, double? Epochs, long? InferSteps, string? DataDirectory, int? InferBatch, int Threads)
{
    public const string Usage =
        "usage: NetGen.Bench WORKLOAD (--steps N | --epochs E) [--infer-steps M] [--infer-batch B] [--threads T] [--data DIR]\n" +
        "       NetGen.Bench export-data DIR     writes the built-in data set in the yardstick's file format\n" +
        "workloads: xor, iris, digits, mnist, deep, mnist_b64 (the yardstick's); digits_b32, mnist_b256 (NetGen's own)\n" +
        "  --steps N        samples to train (not updates); --epochs E: E passes over the data instead\n" +
        "  --infer-steps M  samples in each timed inference loop (default: the training samples)\n" +
        "  --infer-batch B  also time ForwardBatch on blocks of B rows cycling through the data (B >= 1; 0: the whole\n" +
        "                   data set in one call, as the .NET peers do)\n" +
        "  --threads T      NetGen.Kernels.Parallelism.DegreeOfParallelism for the batched members (T >= 1; default 1,\n" +
        "                   not the library's all-cores default, so that results compare with the one-thread peers)\n" +
        "  --data DIR       the yardstick's data and init files (default: the built-in data)";

    public static RunOptions Parse(string[] args)
    {
        if (args.Length == 0 || !WorkloadTable.All.TryGetValue(args[0], out Workload? workload))
        {
            throw new ArgumentException(args.Length == 0 ? "missing WORKLOAD" : $"unknown workload '{args[0]}'");
        }

        long? steps = null, inferSteps = null;
        double? epochs = null;
        int? inferBatch = null;
        int threads = 1;
        string? data = null;
        for (int i = 1; i < args.Length; i++)
        {
            string option = args[i];
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"missing value after {option}");
            switch (option)
            {
                case "--steps": steps = Number<long>(option, value, 0); break;
                case "--epochs": epochs = Number<double>(option, value, 0); break;
                case "--infer-steps": inferSteps = Number<long>(option, value, 0); break;
                case "--infer-batch": inferBatch = Number<int>(option, value, 0); break;
                case "--threads": threads = Number<int>(option, value, 1); break;
                case "--data": data = value; break;
                default: throw new ArgumentException($"unknown argument '{option}'");
            }

            i++;
        }

        if (steps is null && epochs is null)
        {
            throw new ArgumentException("need --steps N or --epochs E");
        }

        return new RunOptions(workload, steps, epochs, inferSteps, data, inferBatch, threads);
    }

    /// <summary>Samples to train, as handc counts them: --steps, or round(E × epoch); then whole batches.</summary>
    public long TrainSamples(int epochSize)
    {
        long samples = Steps ?? (long)Math.Round(Epochs!.Value * epochSize, MidpointRounding.AwayFromZero);
        return samples / Workload.BatchSize * Workload.BatchSize;
    }

    /// <summary>Rows per batched inference call for a data set of <paramref name="count"/> rows (0 or more than the data: all of it); null without --infer-batch.</summary>
    public int? InferBatchRows(int count) => InferBatch is int rows ? (rows == 0 ? count : Math.Min(rows, count)) : null;

    /// <summary>Parses <paramref name="value"/> as a finite number of at least <paramref name="least"/>, or throws naming the option and the value.</summary>
    private static TNumber Number<TNumber>(string option, string value, TNumber least)
        where TNumber : System.Numerics.INumber<TNumber>
    {
        NumberStyles style = typeof(TNumber) == typeof(double) ? NumberStyles.Float : NumberStyles.Integer;
        if (!TNumber.TryParse(value, style, CultureInfo.InvariantCulture, out TNumber? number) || !TNumber.IsFinite(number) || number < least)
        {
            throw new ArgumentException($"bad value '{value}' for {option}: expected a number of at least {least}");
        }

        return number;
    }
}
