using System;
using System.Numerics;

namespace NetGen.Onnx.Tests.Networks;

/// <summary>
/// Hand-written networks with a Maxout layer (an independent implementation beside the generated ones), computing math.md's "Maxout layers"
/// directly: z = W o + b with W [units·pieces, n], row r = i·pieces + j is piece j of unit i, oᵢ = maxⱼ z₍ᵢₖ₊ⱼ₎.
/// </summary>
public abstract class HandWrittenNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _p;

    protected HandWrittenNetwork(int parameterCount) => _p = new T[parameterCount];

    public void GetParameters(Span<T> destination) => _p.CopyTo(destination);

    public void SetParameters(ReadOnlySpan<T> source)
    {
        if (source.Length != _p.Length)
        {
            throw new ArgumentException($"Expected {_p.Length} parameters, got {source.Length}.", nameof(source));
        }

        source.CopyTo(_p);
    }

    public T ComputeLoss(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        T sum = T.Zero;
        for (int i = 0; i < output.Length; i++)
        {
            T r = output[i] - target[i];
            sum += r * r;
        }

        return sum / T.CreateChecked(2);
    }

    protected void Initialize(ReadOnlySpan<LayerDescription> layers, int seed)
    {
        var random = new DeterministicRandom(seed);
        int offset = 0;
        foreach (LayerDescription layer in layers)
        {
            random.FillUniform(_p.AsSpan(offset, layer.WeightCount), Math.Sqrt(6.0 / (layer.Inputs + layer.Rows)));
            _p.AsSpan(offset + layer.WeightCount, layer.Rows).Clear();
            offset += layer.ParameterCount;
        }
    }

    protected void Run(ReadOnlySpan<LayerDescription> layers, ReadOnlySpan<T> input, Span<T> output)
    {
        T[] o = input.ToArray();
        int offset = 0;
        foreach (LayerDescription layer in layers)
        {
            var z = new T[layer.Rows];
            for (int r = 0; r < layer.Rows; r++)
            {
                T sum = _p[offset + layer.WeightCount + r];
                for (int j = 0; j < layer.Inputs; j++)
                {
                    sum += _p[offset + r * layer.Inputs + j] * o[j];
                }

                z[r] = sum;
            }

            var next = new T[layer.Units];
            for (int i = 0; i < layer.Units; i++)
            {
                T best = z[i * layer.Pieces];
                for (int j = 1; j < layer.Pieces; j++)
                {
                    best = T.Max(best, z[i * layer.Pieces + j]);
                }

                next[i] = layer.Kind == LayerKind.Maxout ? best : layer.Activation switch
                {
                    Activation.Linear => best,
                    Activation.Tanh => T.Tanh(best),
                    _ => throw new NotSupportedException("The hand-written networks use Linear and Tanh Dense layers."),
                };
            }

            o = next;
            offset += layer.ParameterCount;
        }

        o.CopyTo(output);
    }
}

/// <summary>3 → Maxout 4 units × 3 pieces → Dense 2 (Linear).</summary>
public sealed class MaxoutHiddenNet<T> : HandWrittenNetwork<T>, INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly LayerDescription[] Description = { LayerDescription.Maxout(3, 4, 3), LayerDescription.Dense(4, 2, Activation.Linear) };

    public MaxoutHiddenNet()
        : base(3 * 12 + 12 + 4 * 2 + 2) => Initialize(Description, 1);

    public static int InputSize => 3;
    public static int OutputSize => 2;
    public static int ParameterCount => 3 * 12 + 12 + 4 * 2 + 2;
    public static ReadOnlySpan<int> LayerSizes => new[] { 3, 4, 2 };
    public static ReadOnlySpan<Activation> LayerActivations => new[] { Activation.Linear, Activation.Linear };
    public static ReadOnlySpan<LayerDescription> Layers => Description;
    public static Loss LossFunction => Loss.MeanSquaredError;

    public void Forward(ReadOnlySpan<T> input, Span<T> output) => Run(Description, input, output);

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => NetGen.Training.SampleBySampleBatch.Forward<MaxoutHiddenNet<T>, T>(this, inputs, outputs);

    public void InitializeParameters(int seed) => Initialize(Description, seed);
}

/// <summary>3 → Dense 5 (Tanh) → Maxout 2 units × 2 pieces (the output layer).</summary>
public sealed class MaxoutOutputNet<T> : HandWrittenNetwork<T>, INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly LayerDescription[] Description = { LayerDescription.Dense(3, 5, Activation.Tanh), LayerDescription.Maxout(5, 2, 2) };

    public MaxoutOutputNet()
        : base(15 + 5 + 5 * 4 + 4) => Initialize(Description, 1);

    public static int InputSize => 3;
    public static int OutputSize => 2;
    public static int ParameterCount => 15 + 5 + 5 * 4 + 4;
    public static ReadOnlySpan<int> LayerSizes => new[] { 3, 5, 2 };
    public static ReadOnlySpan<Activation> LayerActivations => new[] { Activation.Tanh, Activation.Linear };
    public static ReadOnlySpan<LayerDescription> Layers => Description;
    public static Loss LossFunction => Loss.MeanSquaredError;

    public void Forward(ReadOnlySpan<T> input, Span<T> output) => Run(Description, input, output);

    public void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs) => NetGen.Training.SampleBySampleBatch.Forward<MaxoutOutputNet<T>, T>(this, inputs, outputs);

    public void InitializeParameters(int seed) => Initialize(Description, seed);
}
