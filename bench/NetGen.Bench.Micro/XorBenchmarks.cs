using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;

namespace NetGen.Bench.Micro;

/// <summary>The generated members of <see cref="XorNet"/> (xor: 2-2-1 sigmoid, MSE), one sample per call.</summary>
[MemoryDiagnoser]
public class XorBenchmarks
{
    private readonly XorNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _input = RandomSample.Inputs(XorNet.InputSize, 1);
    private readonly float[] _target = RandomSample.Target(XorNet.OutputSize, 2);
    private readonly float[] _output = new float[XorNet.OutputSize];
    private readonly float[] _gradient = new float[XorNet.ParameterCount];

    [Benchmark]
    public void Forward() => _net.Forward(_input, _output);

    [Benchmark]
    public float Backward() => _net.Backward(_input, _target, _gradient);

    [Benchmark]
    public float TrainStep() => _net.TrainStep(_input, _target);
}
