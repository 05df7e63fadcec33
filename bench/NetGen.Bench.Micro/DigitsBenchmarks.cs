using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;

namespace NetGen.Bench.Micro;

/// <summary>The generated members of <see cref="DigitsNet"/> (digits: 64-64-10 ReLU, softmax + CE), one sample per call.</summary>
[MemoryDiagnoser]
public class DigitsBenchmarks
{
    private readonly DigitsNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _input = RandomSample.Inputs(DigitsNet.InputSize, 1);
    private readonly float[] _target = RandomSample.Target(DigitsNet.OutputSize, 2);
    private readonly float[] _output = new float[DigitsNet.OutputSize];
    private readonly float[] _gradient = new float[DigitsNet.ParameterCount];

    [Benchmark]
    public void Forward() => _net.Forward(_input, _output);

    [Benchmark]
    public float Backward() => _net.Backward(_input, _target, _gradient);

    [Benchmark]
    public float TrainStep() => _net.TrainStep(_input, _target);
}
