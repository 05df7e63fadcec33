using System;
using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;
using NetGen.Kernels;

namespace NetGen.Bench.Micro;

/// <summary>
/// The generated batch members at batch 64 on 1 and 2 threads (<see cref="Parallelism.DegreeOfParallelism"/>):
/// mnist_b64's <c>TrainBatch</c> (784-128-10, SGD) and <c>ForwardBatch</c> of MnistNet and DigitsNet, per call
/// (divide by 64 for per sample; the peers' figures are per sample). The memory diagnoser checks the steady state
/// allocates nothing. Kernel by kernel: <c>bench/fma-peak step-kernels</c>.
/// </summary>
[MemoryDiagnoser]
public class GeneratedBatchBenchmarks
{
    private const int Batch = 64;
    private readonly MnistNet _mnist = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly DigitsNet _digits = new();
    private readonly float[] _mnistOutputs = new float[Batch * 10], _digitsOutputs = new float[Batch * 10];
    private float[] _mnistInputs = null!, _mnistTargets = null!, _digitsInputs = null!;
    private int _degree;

    /// <summary>The degree of parallelism for the calls.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Seeded parameters and inputs (uniform in [0, 1) for mnist, [0, 16) for digits), one-hot targets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _mnist.InitializeParameters(3);
        _digits.InitializeParameters(3);
        _mnistInputs = Uniform(Batch * 784, random, 1);
        _digitsInputs = Uniform(Batch * 64, random, 16);
        _mnistTargets = new float[Batch * 10];
        for (int s = 0; s < Batch; s++)
        {
            _mnistTargets[(s * 10) + random.Next(10)] = 1;
        }

        _degree = Parallelism.DegreeOfParallelism;
        Parallelism.DegreeOfParallelism = Threads;
    }

    /// <summary>Restores the process-wide setting.</summary>
    [GlobalCleanup]
    public void Cleanup() => Parallelism.DegreeOfParallelism = _degree;

    /// <summary>One mnist_b64 step: forward, backward and the SGD update as matrix products.</summary>
    [Benchmark]
    public float MnistTrainBatch() => _mnist.TrainBatch(_mnistInputs, _mnistTargets);

    /// <summary>mnist inference, 64 samples.</summary>
    [Benchmark]
    public void MnistForwardBatch() => _mnist.ForwardBatch(_mnistInputs, _mnistOutputs);

    /// <summary>digits inference, 64 samples.</summary>
    [Benchmark]
    public void DigitsForwardBatch() => _digits.ForwardBatch(_digitsInputs, _digitsOutputs);

    private static float[] Uniform(int n, Random random, float high)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = high * random.NextSingle();
        }

        return values;
    }
}
