using System;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>
/// <see cref="LinearModel{T}"/> that breaks on one marked sample (first input = <see cref="Marker"/>): training on it
/// makes weight 0 NaN, and, like a ReLU network that maps NaN to 0, the model still reports finite losses
/// afterwards. Only a trainer that checks the parameters notices.
/// </summary>
public sealed class PoisonedModel : ITrainableNetwork<double>
{
    public const double Marker = 99;
    private readonly LinearModel<double> _inner = new();

    static int INetwork<double>.InputSize => 2;
    static int INetwork<double>.OutputSize => 1;
    static int INetwork<double>.ParameterCount => 3;
    static ReadOnlySpan<int> INetwork<double>.LayerSizes => [2, 1];
    static ReadOnlySpan<Activation> INetwork<double>.LayerActivations => [Activation.Linear];
    static ReadOnlySpan<LayerDescription> INetwork<double>.Layers => new[] { LayerDescription.Dense(2, 1, Activation.Linear) };
    static Loss INetwork<double>.LossFunction => Loss.MeanSquaredError;
    static Optimizer ITrainableNetwork<double>.OptimizerAlgorithm => Optimizer.Sgd;

    public Hyperparameters Hyperparameters => _inner.Hyperparameters;

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => _inner.Forward(input, output);

    public double ComputeLoss(ReadOnlySpan<double> output, ReadOnlySpan<double> target) => Hide(_inner.ComputeLoss(output, target));

    public void GetParameters(Span<double> destination) => _inner.GetParameters(destination);

    public void SetParameters(ReadOnlySpan<double> source) => _inner.SetParameters(source);

    public void InitializeParameters(int seed) => _inner.InitializeParameters(seed);

    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> outputs) => NetGen.Training.SampleBySampleBatch.Forward<PoisonedModel, double>(this, inputs, outputs);

    public double TrainBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<PoisonedModel, double>(this, inputs, targets, new double[3]);

    public double BackwardBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Span<double> gradient) =>
        NetGen.Training.BatchBackward.PerSample<PoisonedModel, double>(this, inputs, targets, gradient);

    public double Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> gradient)
    {
        double loss = _inner.Backward(input, target, gradient);
        if (input[0] == Marker)
        {
            gradient[0] = double.NaN;
        }

        return Hide(loss);
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target)
    {
        double loss = _inner.TrainStep(input, target);
        if (input[0] == Marker)
        {
            Span<double> p = stackalloc double[3];
            _inner.GetParameters(p);
            p[0] = double.NaN;
            _inner.SetParameters(p);
        }

        return Hide(loss);
    }

    public void ApplyGradients(ReadOnlySpan<double> gradient, int batchSize) => _inner.ApplyGradients(gradient, batchSize);

    public void ResetOptimizerState() => _inner.ResetOptimizerState();

    public void SeedDropout(int seed) => _inner.SeedDropout(seed);

    private static double Hide(double loss) => double.IsFinite(loss) ? loss : 0;
}
