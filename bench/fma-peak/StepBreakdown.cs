using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetGen;
using NetGen.Bench.Networks;
using NetGen.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// The generated batch members end to end (MnistNet.TrainBatch at 64, MnistNet and DigitsNet ForwardBatch at 64, on 1 and
/// 2 threads) and mnist_b64's step cut into the kernel calls TrainBatch makes, each with its GFLOP/s and share of the
/// FMA peak. Rounds alternate between the measurements; each figure is the median over rounds of the fastest call
/// rate in a 30 ms window, with the best round and the spread (max/min of the rounds) beside it. Run with
/// DOTNET_TieredCompilation=0 (as the peers' run.sh does): a short run otherwise times tier-0 code.
/// </summary>
internal static class StepBreakdown
{
    private const int Batch = 64;

    public static void Print(double peak, int rounds, string filter)
    {
        var random = new Random(5);
        var mnist = new MnistNet { Hyperparameters = { LearningRate = 1e-6 } };
        mnist.InitializeParameters(3);
        var digits = new DigitsNet();
        digits.InitializeParameters(3);
        float[] mx = Fill(Batch * 784, random, 0, 1), my = OneHot(Batch, 10, random), mo = new float[Batch * 10];
        float[] dx = Fill(Batch * 64, random, 0, 16), doo = new float[Batch * 10];

        // The kernel calls of one TrainBatch, with the generated code's operands.
        float[] w1 = Fill(128 * 784, random, -0.08f, 0.08f), b1 = new float[128], w2 = Fill(10 * 128, random, -0.2f, 0.2f), b2 = new float[10];
        float[] wt1 = new float[784 * BatchMatrix.TransposedStride(128)], wt2 = new float[128 * BatchMatrix.TransposedStride(10)];
        BatchMatrix.TransposeWeights<float>(w1, 784, wt1);
        BatchMatrix.TransposeWeights<float>(w2, 128, wt2);
        float[] o1 = new float[Batch * 128], a2 = new float[Batch * 10], d2 = Fill(Batch * 10, random, -0.1f, 0.1f), d1 = new float[Batch * 128];
        float[] gw1 = new float[128 * 784], gb1 = new float[128], gw2 = new float[10 * 128], gb2 = new float[10];
        BatchMatrix.ForwardTransposed<float>(mx, wt1, b1, o1, 784, Activation.ReLU);
        float[] dw1 = Fill(64 * 64, random, -0.3f, 0.3f), dwt1 = new float[64 * 64], db1 = new float[64], dw2 = Fill(10 * 64, random, -0.3f, 0.3f);
        float[] dwt2 = new float[64 * 16], db2 = new float[10], do1 = new float[Batch * 64], do2 = new float[Batch * 10];
        BatchMatrix.TransposeWeights<float>(dw1, 64, dwt1);
        BatchMatrix.TransposeWeights<float>(dw2, 64, dwt2);

        var cases = new List<(string Name, double Flops, Action Call)>
        {
            ("TrainBatch mnist 64, 1 thread", 0, () => { Parallelism.DegreeOfParallelism = 1; mnist.TrainBatch(mx, my); }),
            ("TrainBatch mnist 64, 2 threads", 0, () => { Parallelism.DegreeOfParallelism = 2; mnist.TrainBatch(mx, my); }),
            ("ForwardBatch mnist 64, 1 thread", 0, () => { Parallelism.DegreeOfParallelism = 1; mnist.ForwardBatch(mx, mo); }),
            ("ForwardBatch mnist 64, 2 threads", 0, () => { Parallelism.DegreeOfParallelism = 2; mnist.ForwardBatch(mx, mo); }),
            ("ForwardBatch digits 64, 1 thread", 0, () => { Parallelism.DegreeOfParallelism = 1; digits.ForwardBatch(dx, doo); }),
            ("ForwardBatch digits 64, 2 threads", 0, () => { Parallelism.DegreeOfParallelism = 2; digits.ForwardBatch(dx, doo); }),
            ("ForwardTransposed 784→128 ReLU", 2.0 * Batch * 784 * 128, () => BatchMatrix.ForwardTransposed<float>(mx, wt1, b1, o1, 784, Activation.ReLU)),
            ("ForwardTransposed 128→10", 2.0 * Batch * 128 * 10, () => BatchMatrix.ForwardTransposed<float>(o1, wt2, b2, a2, 128)),
            ("SoftmaxRows 10", 0, () => BatchActivations.SoftmaxRows<float>(mo, 10)),
            ("BackpropagateDelta 10→128 ReLU′", 2.0 * Batch * 128 * 10, () => BatchMatrix.BackpropagateDelta<float>(d2, w2, o1, d1, 10, Activation.ReLU)),
            ("AddWeightGradient 128×784", 2.0 * Batch * 784 * 128, () => BatchMatrix.AddWeightGradient<float>(d1, mx, gw1, gb1, 784)),
            ("AddWeightGradient 10×128", 2.0 * Batch * 128 * 10, () => BatchMatrix.AddWeightGradient<float>(d2, o1, gw2, gb2, 128)),
            ("TransposeWeights W¹ (128×784)", 0, () => BatchMatrix.TransposeWeights<float>(w1, 784, wt1)),
            ("TransposeWeights W² (10×128)", 0, () => BatchMatrix.TransposeWeights<float>(w2, 128, wt2)),
            ("digits ForwardTransposed 64→64 ReLU", 2.0 * Batch * 64 * 64, () => BatchMatrix.ForwardTransposed<float>(dx, dwt1, db1, do1, 64, Activation.ReLU)),
            ("digits ForwardTransposed 64→10", 2.0 * Batch * 64 * 10, () => BatchMatrix.ForwardTransposed<float>(do1, dwt2, db2, do2, 64)),
            ("ApplyGradients (SGD, 101,770)", 0, () => mnist.ApplyGradients(Gradient, Batch)),
        };

        cases.RemoveAll(c => !c.Name.Contains(filter, StringComparison.Ordinal));
        foreach ((_, _, Action call) in cases)
        {
            for (int i = 0; i < 100; i++)
            {
                call();
            }
        }

        var seconds = cases.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int c = 0; c < cases.Count; c++)
            {
                seconds[c].Add(Fastest(cases[c].Call));
            }
        }

        Parallelism.DegreeOfParallelism = Environment.ProcessorCount;
        Console.WriteLine($"| measurement | µs per call (median) | best µs | ns per sample | GFLOP/s | % of peak ({peak:F0}) | spread |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (int c = 0; c < cases.Count; c++)
        {
            double[] sorted = seconds[c].Order().ToArray();
            double median = sorted[sorted.Length / 2];
            string rate = cases[c].Flops > 0 ? $"{cases[c].Flops / median / 1e9:F1} | {100 * cases[c].Flops / median / 1e9 / peak:F0} %" : "– | –";
            Console.WriteLine($"| {cases[c].Name} | {median * 1e6:F2} | {sorted[0] * 1e6:F2} | {median * 1e9 / Batch:F0} | {rate} | ×{sorted[^1] / sorted[0]:F2} |");
        }
    }

    private static readonly float[] Gradient = new float[MnistNet.ParameterCount];

    /// <summary>Seconds per call: the fastest call rate over windows of about 3 ms inside 30 ms.</summary>
    private static double Fastest(Action call)
    {
        double best = double.MaxValue;
        var total = Stopwatch.StartNew();
        while (total.ElapsedMilliseconds < 30)
        {
            int calls = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalMilliseconds < 3)
            {
                call();
                calls++;
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / calls);
        }

        return best;
    }

    private static float[] Fill(int n, Random random, float low, float high)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = low + ((high - low) * random.NextSingle());
        }

        return values;
    }

    private static float[] OneHot(int samples, int classes, Random random)
    {
        var values = new float[samples * classes];
        for (int s = 0; s < samples; s++)
        {
            values[(s * classes) + random.Next(classes)] = 1;
        }

        return values;
    }
}
