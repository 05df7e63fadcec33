using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;
using NetGen.Kernels;

namespace NetGen.Bench.Micro;

/// <summary>
/// The generated batched members <c>TrainBatch</c> and <c>ForwardBatch</c> of <see cref="DigitsNet"/> (64-64-10) and
/// <see cref="MnistNet"/> (784-128-10) at batch 32 and 64, on one and two threads
/// (<see cref="Parallelism.DegreeOfParallelism"/>), one call per operation. With the memory diagnoser: the steady state
/// must allocate nothing (the batch scratch is made by the first call, in the setup, and reused), so the Allocated
/// column must read <c>-</c> for every case, two threads included.
/// </summary>
[MemoryDiagnoser]
public class BatchMemberBenchmarks
{
    private readonly DigitsNet _digits = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly MnistNet _mnist = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private float[] _digitsInputs = null!, _digitsTargets = null!, _digitsOutputs = null!;
    private float[] _mnistInputs = null!, _mnistTargets = null!, _mnistOutputs = null!;

    /// <summary>Samples per call.</summary>
    [Params(32, 64)]
    public int Batch { get; set; }

    /// <summary>The degree of parallelism for the batched members.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Deterministic data and weights; one call of each member, so that the scratch exists before the first iteration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Parallelism.DegreeOfParallelism = Threads;
        _digits.InitializeParameters(44);
        _mnist.InitializeParameters(45);
        _digitsInputs = RandomSample.Inputs(Batch * DigitsNet.InputSize, 1);
        _digitsTargets = RandomSample.Targets(Batch, DigitsNet.OutputSize, 2);
        _digitsOutputs = new float[Batch * DigitsNet.OutputSize];
        _mnistInputs = RandomSample.Inputs(Batch * MnistNet.InputSize, 3);
        _mnistTargets = RandomSample.Targets(Batch, MnistNet.OutputSize, 4);
        _mnistOutputs = new float[Batch * MnistNet.OutputSize];
        DigitsTrainBatch();
        DigitsForwardBatch();
        MnistTrainBatch();
        MnistForwardBatch();
    }

    [Benchmark]
    public float DigitsTrainBatch() => _digits.TrainBatch(_digitsInputs, _digitsTargets);

    [Benchmark]
    public void DigitsForwardBatch() => _digits.ForwardBatch(_digitsInputs, _digitsOutputs);

    [Benchmark]
    public float MnistTrainBatch() => _mnist.TrainBatch(_mnistInputs, _mnistTargets);

    [Benchmark]
    public void MnistForwardBatch() => _mnist.ForwardBatch(_mnistInputs, _mnistOutputs);
}
