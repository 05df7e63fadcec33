using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;

namespace NetGen.Bench.Micro;

/// <summary>The generated members of <see cref="IrisNet"/> (iris: 4-16-3 tanh, softmax + CE), one sample per call.</summary>
[MemoryDiagnoser]
public class IrisBenchmarks
{
    private readonly IrisNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _input = RandomSample.Inputs(IrisNet.InputSize, 1);
    private readonly float[] _target = RandomSample.Target(IrisNet.OutputSize, 2);
    private readonly float[] _output = new float[IrisNet.OutputSize];
    private readonly float[] _gradient = new float[IrisNet.ParameterCount];

    [Benchmark]
    public void Forward() => _net.Forward(_input, _output);

    [Benchmark]
    public float Backward() => _net.Backward(_input, _target, _gradient);

    [Benchmark]
    public float TrainStep() => _net.TrainStep(_input, _target);
}
