using System;

namespace NetGen.Tests.Search;

/// <summary>
/// A stand-in "network" whose loss is a known function of its hyperparameters and nothing else, so that a
/// search over it optimises a synthetic objective: Forward writes <see cref="Objective"/> of the current
/// hyperparameters, ComputeLoss returns it, training changes nothing. With <see cref="DivergeAbove"/> set,
/// a learning rate above it gives a NaN loss, as a diverging network would.
/// </summary>
public sealed class ObjectiveNet : ITrainableNetwork<double>
{
    private double _parameter;

    /// <summary>Learning rates above this give a NaN loss (∞: never).</summary>
    public double DivergeAbove { get; init; } = double.PositiveInfinity;

    /// <summary>Called at every TrainStep and BackwardBatch, before the loss is returned.</summary>
    public Action? OnStep { get; init; }

    static int INetwork<double>.InputSize => 1;
    static int INetwork<double>.OutputSize => 1;
    static int INetwork<double>.ParameterCount => 1;
    static ReadOnlySpan<int> INetwork<double>.LayerSizes => [1, 1];
    static ReadOnlySpan<Activation> INetwork<double>.LayerActivations => [Activation.Linear];
    static ReadOnlySpan<LayerDescription> INetwork<double>.Layers => new[] { LayerDescription.Dense(1, 1, Activation.Linear) };
    static Loss INetwork<double>.LossFunction => Loss.MeanSquaredError;
    static Optimizer ITrainableNetwork<double>.OptimizerAlgorithm => Optimizer.Adam;

    public Hyperparameters Hyperparameters { get; } = new();

    /// <summary>
    /// (log₁₀ η + 2)² + ((β₁ − 0.8) / 0.1)² + (log₁₀(1 − β₂) + 2.5)² + (λ·100 − 1)²: smallest at η = 0.01,
    /// β₁ = 0.8, β₂ = 1 − 10^−2.5, λ = 0.01.
    /// </summary>
    public static double Objective(double learningRate, double beta1, double beta2, double weightDecay) =>
        Square(Math.Log10(learningRate) + 2) + Square((beta1 - 0.8) / 0.1) + Square(Math.Log10(1 - beta2) + 2.5) + Square((weightDecay * 100) - 1);

    public void Forward(ReadOnlySpan<double> input, Span<double> output) => output[0] = Current();

    public double ComputeLoss(ReadOnlySpan<double> output, ReadOnlySpan<double> target) => output[0];

    public void GetParameters(Span<double> destination) => destination[0] = _parameter;

    public void SetParameters(ReadOnlySpan<double> source) => _parameter = source[0];

    public void InitializeParameters(int seed) => _parameter = seed;

    public double Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> gradient) => Current();

    public void ForwardBatch(ReadOnlySpan<double> inputs, Span<double> outputs) => NetGen.Training.SampleBySampleBatch.Forward<ObjectiveNet, double>(this, inputs, outputs);

    public double TrainBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<ObjectiveNet, double>(this, inputs, targets, new double[1]);

    public double BackwardBatch(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Span<double> gradient)
    {
        OnStep?.Invoke();
        return Current() * inputs.Length;
    }

    public double TrainStep(ReadOnlySpan<double> input, ReadOnlySpan<double> target)
    {
        OnStep?.Invoke();
        return Current();
    }

    public void ApplyGradients(ReadOnlySpan<double> gradient, int batchSize)
    {
    }

    public void ResetOptimizerState()
    {
    }

    public void SeedDropout(int seed)
    {
    }

    private double Current()
    {
        Hyperparameters h = Hyperparameters;
        return h.LearningRate > DivergeAbove ? double.NaN : Objective(h.LearningRate, h.Beta1, h.Beta2, h.WeightDecay);
    }

    private static double Square(double x) => x * x;
}
