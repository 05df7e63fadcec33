using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace NetGen.Onnx;

/// <summary>
/// A network type's layers as <see cref="INetwork{T}.Layers"/> reports them, checked for consistency (the chain of
/// widths, the parameter count), with each layer's place in math.md's flat parameter order.
/// </summary>
internal sealed class NetworkLayout
{
    private NetworkLayout(string name, LayerDescription[] layers, int[] offsets, int inputSize, int parameterCount, Loss loss, bool single)
    {
        Name = name;
        Layers = layers;
        Offsets = offsets;
        InputSize = inputSize;
        ParameterCount = parameterCount;
        Loss = loss;
        Single = single;
    }

    /// <summary>The type's name for messages, without a generic arity suffix.</summary>
    public string Name { get; }

    public LayerDescription[] Layers { get; }

    /// <summary>Where layer k's W starts in the flat parameter vector (its b follows W).</summary>
    public int[] Offsets { get; }

    public int InputSize { get; }

    public int ParameterCount { get; }

    public Loss Loss { get; }

    /// <summary>True for a float network, false for a double one.</summary>
    public bool Single { get; }

    public int OutputSize => Layers[^1].Units;

    public static NetworkLayout Of<TNet, T>()
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string name = Serialization.TensorSpec.NetworkName(typeof(TNet));
        LayerDescription[] layers = TNet.Layers.ToArray();
        if (layers.Length == 0)
        {
            throw new InvalidOperationException($"{name}.Layers is empty; a network has at least one layer with parameters.");
        }

        var offsets = new int[layers.Length];
        int offset = 0;
        int width = TNet.InputSize;
        for (int k = 0; k < layers.Length; k++)
        {
            LayerDescription layer = layers[k];
            bool known = layer.Kind switch
            {
                LayerKind.Dense => layer.Pieces == 1,
                LayerKind.Maxout => layer.Pieces >= 2 && layer.Activation == Activation.Linear,
                _ => false,
            };
            if (!known || layer.Inputs != width || layer.Units < 1)
            {
                throw new InvalidOperationException(
                    $"{name}.Layers[{k}] is {layer}, which does not follow from a fan-in of {width}.");
            }

            offsets[k] = offset;
            offset = checked(offset + layer.ParameterCount);
            width = layer.Units;
        }

        if (offset != TNet.ParameterCount)
        {
            throw new InvalidOperationException($"{name}.Layers describe {offset} parameters, but ParameterCount is {TNet.ParameterCount}.");
        }

        return new NetworkLayout(name, layers, offsets, TNet.InputSize, offset, TNet.LossFunction, typeof(T) == typeof(float));
    }

    /// <summary>How one layer reads in messages and in the architecture line: "Dense 3 (ELU α = 1)", "Maxout 4 × 3 pieces".</summary>
    public static string Describe(LayerDescription layer)
    {
        if (layer.Kind == LayerKind.Maxout)
        {
            return $"Maxout {layer.Units} × {layer.Pieces} pieces";
        }

        string activation = OnnxOperators.HasAlpha(layer.Activation)
            ? string.Create(CultureInfo.InvariantCulture, $"{layer.Activation} α = {layer.Alpha:R}")
            : layer.Activation.ToString();
        return $"Dense {layer.Units} ({activation})";
    }

    /// <summary>"input 2 → Dense 3 (ELU α = 1) → Dense 2 (Linear); loss: Huber; float."</summary>
    public string ArchitectureLine()
    {
        var line = new StringBuilder("input ").Append(InputSize);
        foreach (LayerDescription layer in Layers)
        {
            line.Append(" → ").Append(Describe(layer));
        }

        return line.Append("; loss: ").Append(Loss).Append(Single ? "; float." : "; double.").ToString();
    }
}
