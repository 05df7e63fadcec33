using System;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>
/// <see cref="SmallNet{T}"/> with a deliberately wrong Backward: the gradient of the output layer's
/// first bias (flat index 15) is doubled. Everything else is delegated unchanged.
/// </summary>
public sealed class BrokenNet : ITrainableNetwork<double>
{
    public const int BrokenIndex = 15;
    private readonly SmallNet<double> _inner = new();

    static int INetwork<double>.InputSize => 2;
    static int INetwork<double>.OutputSize => 2;
    static int INetwork<double>.ParameterCount => 17;
    static ReadOnlySpan<int> INetwork<double>.LayerSizes => [2, 3, 2];
    static ReadOnlySpan<Activation> INetwork<double>.LayerActivations => [Activation.Tanh, Activation.Linear];
    static ReadOnlySpan<LayerDescription> INetwork<double>.Layers => new[] { LayerDescription.Dense(2, 3, Activation.Tanh), LayerDescription.Dense(3, 2, Activation.Linear) };
    static Loss INetwork<double>.LossFunction => Loss.MeanSquaredError;
    static Optimizer ITrainableNetwork<double>.OptimizerAlgorithm => Optimizer.Sgd;

    public Hyperparameters Hyperparameters => _inner.Hyperparameters;

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => _inner.Forward(input, output);

    public double ComputeLoss(ReadOnlySpan<double> output, ReadOnlySpan<double> target) => _inner.ComputeLoss(output, target);

    public void GetParameters(Span<double> destination) => _inner.GetParameters(destination);

    public void SetParameters(ReadOnlySpan<double> source) => _inner.SetParameters(source);

    public void InitializeParameters(int seed) => _inner.InitializeParameters(seed);

    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> outputs) => NetGen.Training.SampleBySampleBatch.Forward<BrokenNet, double>(this, inputs, outputs);

    public double TrainBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<BrokenNet, double>(this, inputs, targets, new double[17]);

    public double BackwardBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Span<double> gradient) =>

        NetGen.Training.BatchBackward.PerSample<BrokenNet, double>(this, inputs, targets, gradient);


    public double Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> gradient)
    {
        Span<double> own = stackalloc double[17];
        own.Clear();
        double loss = _inner.Backward(input, target, own);
        own[BrokenIndex] *= 2;
        for (int i = 0; i < 17; i++)
        {
            gradient[i] += own[i];
        }

        return loss;
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target) => _inner.TrainStep(input, target);

    public void ApplyGradients(ReadOnlySpan<double> gradient, int batchSize) => _inner.ApplyGradients(gradient, batchSize);

    public void ResetOptimizerState() => _inner.ResetOptimizerState();

    public void SeedDropout(int seed) => _inner.SeedDropout(seed);
}
