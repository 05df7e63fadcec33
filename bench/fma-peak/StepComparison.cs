using System;
using System.Collections.Generic;
using NetGen.Bench.Networks;
using NetGen.Runtime.Tests.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// mnist_b64's step, alternating: the generated MnistNet's per-sample path (BackwardBatch + ApplyGradients), then the
/// hand-written batched step from the kernels on 1 and on 2 threads; each round times ~30 ms of one of them, rounds
/// interleaved, and the report gives ns per sample as the minimum (least disturbed by other processes) and the median.
/// </summary>
internal static class StepComparison
{
    private const int Batch = 64;

    public static void Print(int rounds)
    {
        (float[] parameters, float[] inputs, float[] targets) = PerSampleMnistReference.Data(Batch, 11);
        var net = new MnistNet { Hyperparameters = { LearningRate = 1e-6 } };
        net.SetParameters(parameters);
        var gradient = new float[MnistNet.ParameterCount];
        var one = new BatchedMnistStep(Batch) { DegreeOfParallelism = 1 };
        var two = new BatchedMnistStep(Batch) { DegreeOfParallelism = 2 };
        parameters.CopyTo(one.Parameters, 0);
        parameters.CopyTo(two.Parameters, 0);
        var calls = new (string Name, Action Call)[]
        {
            ("per-sample BackwardBatch + ApplyGradients (1 thread)", () =>
            {
                Array.Clear(gradient);
                net.BackwardBatch(inputs, targets, gradient);
                net.ApplyGradients(gradient, Batch);
            }),
            ("batched kernels, 1 thread", () => one.TrainBatch(inputs, targets, 1e-6f)),
            ("batched kernels, 2 threads", () => two.TrainBatch(inputs, targets, 1e-6f)),
        };
        var times = new List<double>[calls.Length];
        for (int c = 0; c < calls.Length; c++)
        {
            times[c] = new List<double>();
            for (int i = 0; i < 50; i++)
            {
                calls[c].Call();
            }
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int c = 0; c < calls.Length; c++)
            {
                int n = 0;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 30)
                {
                    calls[c].Call();
                    n++;
                }

                times[c].Add(watch.Elapsed.TotalSeconds * 1e9 / n / Batch);
            }
        }

        Console.WriteLine($"| step (mnist_b64, batch {Batch}) | ns per sample, min | median | min ÷ per-sample min |");
        Console.WriteLine("|---|---|---|---|");
        double baseline = Min(times[0]);
        for (int c = 0; c < calls.Length; c++)
        {
            times[c].Sort();
            Console.WriteLine($"| {calls[c].Name} | {Min(times[c]):N0} | {times[c][times[c].Count / 2]:N0} | {Min(times[c]) / baseline:F2} |");
        }
    }

    private static double Min(List<double> values)
    {
        double min = double.MaxValue;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }
}
