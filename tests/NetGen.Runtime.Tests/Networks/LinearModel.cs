using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>
/// A hand-written 2-input, 1-output linear network: o = w₁x₁ + w₂x₂ + b, L = ½(o − y)², plain SGD.
/// Parameters in flat order: [w₁, w₂, b]. It records how the trainer drives it.
/// </summary>
public sealed class LinearModel<T> : ITrainableNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _p = new T[3];

    static int INetwork<T>.InputSize => 2;
    static int INetwork<T>.OutputSize => 1;
    static int INetwork<T>.ParameterCount => 3;
    static ReadOnlySpan<int> INetwork<T>.LayerSizes => [2, 1];
    static ReadOnlySpan<Activation> INetwork<T>.LayerActivations => [Activation.Linear];
    static ReadOnlySpan<LayerDescription> INetwork<T>.Layers => new[] { LayerDescription.Dense(2, 1, Activation.Linear) };
    static Loss INetwork<T>.LossFunction => Loss.MeanSquaredError;
    static Optimizer ITrainableNetwork<T>.OptimizerAlgorithm => Optimizer.Sgd;

    public Hyperparameters Hyperparameters { get; } = new();

    /// <summary>The batch size of every ApplyGradients call, in order (TrainStep's internal call is not recorded).</summary>
    public List<int> AppliedBatchSizes { get; } = new();

    /// <summary>The learning rate at every TrainStep and ApplyGradients call.</summary>
    public List<double> LearningRatesSeen { get; } = new();

    public int TrainStepCalls { get; private set; }

    public int BackwardCalls { get; private set; }

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => NetGen.Training.SampleBySampleBatch.Forward<LinearModel<T>, T>(this, inputs, outputs);

    public T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<LinearModel<T>, T>(this, inputs, targets, new T[3]);

    public void Forward(ReadOnlySpan<T> input, Span<T> output) =>
        output[0] = _p[0] * input[0] + _p[1] * input[1] + _p[2];

    public T ComputeLoss(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T r = output[0] - target[0];
        return T.CreateChecked(0.5) * r * r;
    }

    public void GetParameters(Span<T> destination) => _p.CopyTo(destination);

    public void SetParameters(ReadOnlySpan<T> source) => source.CopyTo(_p);

    public void InitializeParameters(int seed)
    {
        var random = new DeterministicRandom(seed);
        random.FillUniform(_p.AsSpan(0, 2), Math.Sqrt(6.0 / 3.0));
        _p[2] = T.Zero;
    }

    public T BackwardBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient) =>

        NetGen.Training.BatchBackward.PerSample<LinearModel<T>, T>(this, inputs, targets, gradient);


    public T Backward(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradient)
    {
        BackwardCalls++;
        T o = _p[0] * input[0] + _p[1] * input[1] + _p[2];
        T r = o - target[0];
        gradient[0] += r * input[0];
        gradient[1] += r * input[1];
        gradient[2] += r;
        return T.CreateChecked(0.5) * r * r;
    }

    public T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target)
    {
        TrainStepCalls++;
        LearningRatesSeen.Add(Hyperparameters.LearningRate);
        Span<T> g = stackalloc T[3];
        g.Clear();
        T o = _p[0] * input[0] + _p[1] * input[1] + _p[2];
        T r = o - target[0];
        g[0] = r * input[0];
        g[1] = r * input[1];
        g[2] = r;
        Update(g, 1);
        return T.CreateChecked(0.5) * r * r;
    }

    public void ApplyGradients(ReadOnlySpan<T> gradient, int batchSize)
    {
        AppliedBatchSizes.Add(batchSize);
        LearningRatesSeen.Add(Hyperparameters.LearningRate);
        Update(gradient, batchSize);
    }

    public int? DropoutSeed { get; private set; }

    public void SeedDropout(int seed) => DropoutSeed = seed;

    public void ResetOptimizerState()
    {
    }

    private void Update(ReadOnlySpan<T> gradient, int batchSize)
    {
        T eta = T.CreateChecked(Hyperparameters.LearningRate);
        T lambda = T.CreateChecked(Hyperparameters.WeightDecay);
        T n = T.CreateChecked(batchSize);
        for (int i = 0; i < 3; i++)
        {
            T g = gradient[i] / n + lambda * _p[i];
            _p[i] -= eta * g;
        }
    }
}
