using System;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>A hand-written 1-1 logistic unit: o = σ(wx + b), binary cross-entropy, plain SGD. Parameters [w, b].</summary>
public sealed class SigmoidUnit : ITrainableNetwork<double>
{
    private readonly double[] _p = new double[2];

    static int INetwork<double>.InputSize => 1;
    static int INetwork<double>.OutputSize => 1;
    static int INetwork<double>.ParameterCount => 2;
    static ReadOnlySpan<int> INetwork<double>.LayerSizes => [1, 1];
    static ReadOnlySpan<Activation> INetwork<double>.LayerActivations => [Activation.Sigmoid];
    static ReadOnlySpan<LayerDescription> INetwork<double>.Layers => new[] { LayerDescription.Dense(1, 1, Activation.Sigmoid) };
    static Loss INetwork<double>.LossFunction => Loss.BinaryCrossEntropy;
    static Optimizer ITrainableNetwork<double>.OptimizerAlgorithm => Optimizer.Sgd;

    public Hyperparameters Hyperparameters { get; } = new();

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => output[0] = 1 / (1 + Math.Exp(-(_p[0] * input[0] + _p[1])));

    public double ComputeLoss(ReadOnlySpan<double> output, ReadOnlySpan<double> target) =>
        -(target[0] * Math.Log(output[0]) + (1 - target[0]) * Math.Log(1 - output[0]));

    public void GetParameters(Span<double> destination) => _p.CopyTo(destination);

    public void SetParameters(ReadOnlySpan<double> source) => source.CopyTo(_p);

    public void InitializeParameters(int seed) => Array.Clear(_p);

    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> outputs) => NetGen.Training.SampleBySampleBatch.Forward<SigmoidUnit, double>(this, inputs, outputs);

    public double TrainBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<SigmoidUnit, double>(this, inputs, targets, new double[2]);

    public double BackwardBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Span<double> gradient) =>

        NetGen.Training.BatchBackward.PerSample<SigmoidUnit, double>(this, inputs, targets, gradient);


    public double Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> gradient)
    {
        Span<double> o = stackalloc double[1];
        Forward(input, o);
        double delta = o[0] - target[0];   // sigmoid + BCE: ∂L/∂a = o − y
        gradient[0] += delta * input[0];
        gradient[1] += delta;
        return ComputeLoss(o, target);
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target)
    {
        Span<double> g = stackalloc double[2];
        g.Clear();
        double loss = Backward(input, target, g);
        ApplyGradients(g, 1);
        return loss;
    }

    public void ApplyGradients(ReadOnlySpan<double> gradient, int batchSize)
    {
        for (int i = 0; i < 2; i++)
        {
            _p[i] -= Hyperparameters.LearningRate * (gradient[i] / batchSize + Hyperparameters.WeightDecay * _p[i]);
        }
    }

    public int? DropoutSeed { get; private set; }

    public void SeedDropout(int seed) => DropoutSeed = seed;

    public void ResetOptimizerState()
    {
    }
}
