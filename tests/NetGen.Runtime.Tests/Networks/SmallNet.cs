using System;
using System.Numerics;

namespace NetGen.Runtime.Tests.Networks;

/// <summary>
/// A hand-written 2-3-2 network: h = tanh(W₁x + b₁), o = W₂h + b₂ (linear), L = ½‖o − y‖², plain SGD.
/// Flat order: W₁ (3×2 row-major), b₁ (3), W₂ (2×3 row-major), b₂ (2): 17 parameters.
/// </summary>
public sealed class SmallNet<T> : ITrainableNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int W1 = 0, B1 = 6, W2 = 9, B2 = 15, Count = 17;
    private readonly T[] _p = new T[Count];

    static int INetwork<T>.InputSize => 2;
    static int INetwork<T>.OutputSize => 2;
    static int INetwork<T>.ParameterCount => Count;
    static ReadOnlySpan<int> INetwork<T>.LayerSizes => [2, 3, 2];
    static ReadOnlySpan<Activation> INetwork<T>.LayerActivations => [Activation.Tanh, Activation.Linear];
    static ReadOnlySpan<LayerDescription> INetwork<T>.Layers => new[] { LayerDescription.Dense(2, 3, Activation.Tanh), LayerDescription.Dense(3, 2, Activation.Linear) };
    static Loss INetwork<T>.LossFunction => Loss.MeanSquaredError;
    static Optimizer ITrainableNetwork<T>.OptimizerAlgorithm => Optimizer.Sgd;

    public Hyperparameters Hyperparameters { get; } = new();

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => NetGen.Training.SampleBySampleBatch.Forward<SmallNet<T>, T>(this, inputs, outputs);

    public T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets) =>
        NetGen.Training.SampleBySampleBatch.Train<SmallNet<T>, T>(this, inputs, targets, new T[Count]);

    public void Forward(ReadOnlySpan<T> input, Span<T> output)
    {
        Span<T> h = stackalloc T[3];
        Hidden(input, h);
        Output(h, output);
    }

    public T ComputeLoss(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int i = 0; i < 2; i++)
        {
            T r = output[i] - target[i];
            sum += r * r;
        }

        return T.CreateChecked(0.5) * sum;
    }

    public void GetParameters(Span<T> destination) => _p.CopyTo(destination);

    public void SetParameters(ReadOnlySpan<T> source) => source.CopyTo(_p);

    public void InitializeParameters(int seed)
    {
        Array.Clear(_p);
        var random = new DeterministicRandom(seed);
        random.FillUniform(_p.AsSpan(W1, 6), Math.Sqrt(6.0 / 5.0));
        random.FillUniform(_p.AsSpan(W2, 6), Math.Sqrt(6.0 / 5.0));
    }

    public T BackwardBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient) =>

        NetGen.Training.BatchBackward.PerSample<SmallNet<T>, T>(this, inputs, targets, gradient);


    public T Backward(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradient)
    {
        Span<T> h = stackalloc T[3];
        Span<T> o = stackalloc T[2];
        Hidden(input, h);
        Output(h, o);
        Span<T> delta2 = stackalloc T[2];
        for (int i = 0; i < 2; i++)
        {
            delta2[i] = o[i] - target[i];
            gradient[B2 + i] += delta2[i];
            for (int j = 0; j < 3; j++)
            {
                gradient[W2 + 3 * i + j] += delta2[i] * h[j];
            }
        }

        for (int j = 0; j < 3; j++)
        {
            T back = T.Zero;
            for (int i = 0; i < 2; i++)
            {
                back += _p[W2 + 3 * i + j] * delta2[i];
            }

            T delta1 = (T.One - h[j] * h[j]) * back;
            gradient[B1 + j] += delta1;
            gradient[W1 + 2 * j] += delta1 * input[0];
            gradient[W1 + 2 * j + 1] += delta1 * input[1];
        }

        return ComputeLoss(o, target);
    }

    public T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target)
    {
        Span<T> g = stackalloc T[Count];
        g.Clear();
        T loss = Backward(input, target, g);
        ApplyGradients(g, 1);
        return loss;
    }

    public void ApplyGradients(ReadOnlySpan<T> gradient, int batchSize)
    {
        T eta = T.CreateChecked(Hyperparameters.LearningRate);
        T lambda = T.CreateChecked(Hyperparameters.WeightDecay);
        T n = T.CreateChecked(batchSize);
        for (int i = 0; i < Count; i++)
        {
            _p[i] -= eta * (gradient[i] / n + lambda * _p[i]);
        }
    }

    public int? DropoutSeed { get; private set; }

    public void SeedDropout(int seed) => DropoutSeed = seed;

    public void ResetOptimizerState()
    {
    }

    private void Hidden(ReadOnlySpan<T> x, Span<T> h)
    {
        for (int j = 0; j < 3; j++)
        {
            h[j] = T.Tanh(_p[W1 + 2 * j] * x[0] + _p[W1 + 2 * j + 1] * x[1] + _p[B1 + j]);
        }
    }

    private void Output(ReadOnlySpan<T> h, Span<T> o)
    {
        for (int i = 0; i < 2; i++)
        {
            o[i] = _p[W2 + 3 * i] * h[0] + _p[W2 + 3 * i + 1] * h[1] + _p[W2 + 3 * i + 2] * h[2] + _p[B2 + i];
        }
    }
}
