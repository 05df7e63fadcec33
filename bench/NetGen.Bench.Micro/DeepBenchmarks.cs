using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;

namespace NetGen.Bench.Micro;

/// <summary>The generated members of <see cref="DeepNet"/> (deep: 32-64-64-64-1 tanh, linear, MSE), one sample per call.</summary>
[MemoryDiagnoser]
public class DeepBenchmarks
{
    private readonly DeepNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _input = RandomSample.Inputs(DeepNet.InputSize, 1);
    private readonly float[] _target = RandomSample.Target(DeepNet.OutputSize, 2);
    private readonly float[] _output = new float[DeepNet.OutputSize];
    private readonly float[] _gradient = new float[DeepNet.ParameterCount];

    [Benchmark]
    public void Forward() => _net.Forward(_input, _output);

    [Benchmark]
    public float Backward() => _net.Backward(_input, _target, _gradient);

    [Benchmark]
    public float TrainStep() => _net.TrainStep(_input, _target);
}
