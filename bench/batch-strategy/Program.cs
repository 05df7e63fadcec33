extern alias OnKernels;
using System;
using System.Diagnostics;
using System.Globalization;
using NetGen;
using NetGen.Bench.BatchStrategy;

// Each small network's batch both ways, one thread, alternating rounds; the median ns per sample of each and their ratio
// (above 1: the matrix products are slower). Sample by sample is what the written-out code does per sample —
// BackwardBatch + ApplyGradients for a training step, Forward per sample for inference — and the matrix products are
// TrainBatch of the OnKernels twin (whose plan always takes them) and ForwardBatch (which always takes them).
int batch = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
NetGen.Kernels.Parallelism.DegreeOfParallelism = 1;
Console.WriteLine($"batch {batch}, {rounds} alternating rounds, one thread; ns per sample (median)");
Console.WriteLine("network | training step sample by sample | TrainBatch as matrix products | ratio | Forward per sample | ForwardBatch as matrix products | ratio");
Console.WriteLine("---|---|---|---|---|---|---");
Compare<Xor221, OnKernels::NetGen.Bench.BatchStrategy.Xor221>("2-2-1 sigmoid", batch, rounds);
Compare<Iris483, OnKernels::NetGen.Bench.BatchStrategy.Iris483>("4-8-3 tanh/softmax", batch, rounds);
Compare<Iris4163, OnKernels::NetGen.Bench.BatchStrategy.Iris4163>("4-16-3 tanh/softmax", batch, rounds);

static void Compare<TWritten, TKernels>(string name, int batch, int rounds)
    where TWritten : ITrainableNetwork<float>, new()
    where TKernels : ITrainableNetwork<float>, new()
{
    var random = new Random(1);
    float[] inputs = new float[batch * TWritten.InputSize], targets = new float[batch * TWritten.OutputSize], outputs = new float[batch * TWritten.OutputSize];
    for (int i = 0; i < inputs.Length; i++)
    {
        inputs[i] = (float)(random.NextDouble() * 2 - 1);
    }

    for (int s = 0; s < batch; s++)
    {
        targets[(s * TWritten.OutputSize) + random.Next(TWritten.OutputSize)] = 1;
    }

    var written = new TWritten();
    var kernels = new TKernels();
    var gradient = new float[TWritten.ParameterCount];
    int inputSize = TWritten.InputSize, outputSize = TWritten.OutputSize;
    written.Hyperparameters.LearningRate = kernels.Hyperparameters.LearningRate = 1e-4;
    int calls = Math.Max(1, 2_000_000 / (batch * (TWritten.ParameterCount + 10)));
    double[] trainWritten = new double[rounds], trainKernels = new double[rounds], forwardWritten = new double[rounds], forwardKernels = new double[rounds];
    for (int round = -2; round < rounds; round++) // two warm-up rounds
    {
        double tw = Time(
            () =>
            {
                Array.Clear(gradient);
                written.BackwardBatch(inputs, targets, gradient);
                written.ApplyGradients(gradient, batch);
            },
            calls,
            batch);
        double tk = Time(() => kernels.TrainBatch(inputs, targets), calls, batch);
        double fw = Time(
            () =>
            {
                for (int s = 0; s < batch; s++)
                {
                    written.Forward(inputs.AsSpan(s * inputSize, inputSize), outputs.AsSpan(s * outputSize, outputSize));
                }
            },
            calls,
            batch);
        double fk = Time(() => written.ForwardBatch(inputs, outputs), calls, batch);
        if (round >= 0)
        {
            (trainWritten[round], trainKernels[round], forwardWritten[round], forwardKernels[round]) = (tw, tk, fw, fk);
        }
    }

    double a = Median(trainWritten), b = Median(trainKernels), c = Median(forwardWritten), d = Median(forwardKernels);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {a:F0} | {b:F0} | {b / a:F2} | {c:F0} | {d:F0} | {d / c:F2}"));
}

static double Time(Action call, int calls, int batch)
{
    long start = Stopwatch.GetTimestamp();
    for (int i = 0; i < calls; i++)
    {
        call();
    }

    return Stopwatch.GetElapsedTime(start).TotalNanoseconds / ((double)calls * batch);
}

static double Median(double[] values)
{
    double[] sorted = (double[])values.Clone();
    Array.Sort(sorted);
    return sorted[sorted.Length / 2];
}
