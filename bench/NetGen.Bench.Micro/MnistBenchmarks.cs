using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;

namespace NetGen.Bench.Micro;

/// <summary>The generated members of <see cref="MnistNet"/> (mnist / mnist_b64: 784-128-10 ReLU, softmax + CE), one sample per call.</summary>
[MemoryDiagnoser]
public class MnistBenchmarks
{
    private readonly MnistNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _input = RandomSample.Inputs(MnistNet.InputSize, 1);
    private readonly float[] _target = RandomSample.Target(MnistNet.OutputSize, 2);
    private readonly float[] _output = new float[MnistNet.OutputSize];
    private readonly float[] _gradient = new float[MnistNet.ParameterCount];
    private readonly float[] _batchInputs = RandomSample.Inputs(64 * MnistNet.InputSize, 3);
    private readonly float[] _batchTargets = RandomSample.Targets(64, MnistNet.OutputSize, 4);

    [Benchmark]
    public void Forward() => _net.Forward(_input, _output);

    [Benchmark]
    public float Backward() => _net.Backward(_input, _target, _gradient);

    [Benchmark]
    public float TrainStep() => _net.TrainStep(_input, _target);

    /// <summary>mnist_b64's update: 64 × <c>Backward</c> into one gradient, then <c>ApplyGradients(gradient, 64)</c> (per call, not per sample).</summary>
    [Benchmark]
    public void MiniBatchStep64()
    {
        System.Array.Clear(_gradient);
        for (int b = 0; b < 64; b++)
        {
            _net.Backward(_input, _target, _gradient);
        }

        _net.ApplyGradients(_gradient, 64);
    }

    /// <summary>The same step as the runner takes it: <c>BackwardBatch</c> over 64 rows (four per pass over ∂L/∂W), then <c>ApplyGradients</c>.</summary>
    [Benchmark]
    public void MiniBatchStep64Batched()
    {
        System.Array.Clear(_gradient);
        _net.BackwardBatch(_batchInputs, _batchTargets, _gradient);
        _net.ApplyGradients(_gradient, 64);
    }
}
