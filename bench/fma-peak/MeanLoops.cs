using System;
using System.Diagnostics;
using NetGen.Bench.Networks;
using NetGen.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// The peers' way of timing (dotnet/OrtRunner.cs, TorchSharpRunner.cs): the mean ns per sample of a fixed loop of
/// batch calls after a warm-up, here over random inputs (the products do not depend on the values): MnistNet.TrainBatch
/// (mnist_b64), MnistNet.ForwardBatch and DigitsNet.ForwardBatch at batch 64, on the given number of threads. One line
/// each, so that runs can alternate with the peers' processes.
/// </summary>
internal static class MeanLoops
{
    private const int Batch = 64;

    public static void Print(long samples, int threads)
    {
        Parallelism.DegreeOfParallelism = threads;
        var random = new Random(7);
        var mnist = new MnistNet { Hyperparameters = { LearningRate = 1e-6 } };
        mnist.InitializeParameters(3);
        var digits = new DigitsNet();
        digits.InitializeParameters(3);
        float[] mx = Fill(16 * Batch * 784, random, 1), my = new float[16 * Batch * 10], mo = new float[Batch * 10];
        float[] dx = Fill(16 * Batch * 64, random, 16), doo = new float[Batch * 10];
        for (int s = 0; s < 16 * Batch; s++)
        {
            my[(s * 10) + random.Next(10)] = 1;
        }

        Report("mnist_b64 TrainBatch", samples, k => mnist.TrainBatch(mx.AsSpan(k * Batch * 784, Batch * 784), my.AsSpan(k * Batch * 10, Batch * 10)), threads);
        Report("mnist ForwardBatch 64", samples, k => mnist.ForwardBatch(mx.AsSpan(k * Batch * 784, Batch * 784), mo), threads);
        Report("digits ForwardBatch 64", samples * 10, k => digits.ForwardBatch(dx.AsSpan(k * Batch * 64, Batch * 64), doo), threads);
    }

    private static void Report(string name, long samples, Action<int> call, int threads)
    {
        for (int k = 0; k < 1000 / Batch; k++)
        {
            call(k % 16);
        }

        long calls = Math.Max(1, samples / Batch);
        long t0 = Stopwatch.GetTimestamp();
        for (long c = 0; c < calls; c++)
        {
            call((int)(c % 16));
        }

        double ns = (Stopwatch.GetTimestamp() - t0) * (1e9 / Stopwatch.Frequency) / (calls * Batch);
        Console.WriteLine($"{name}, {threads} thread(s): {ns:F0} ns/sample");
    }

    private static float[] Fill(int n, Random random, float high)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = high * random.NextSingle();
        }

        return values;
    }
}
