using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen.Serialization;

/// <summary>One tensor a network stores: its name, shape and place in the flat parameter vector.</summary>
internal readonly record struct TensorSpec(string Name, int[] Shape, int ParameterOffset, int Length)
{
    public static string FormatShape(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The network type's name for messages, without the generic arity suffix ("SmallNet", not "SmallNet`1").</summary>
    public static string NetworkName(Type type)
    {
        int tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    /// <summary>
    /// The tensors of <typeparamref name="TNet"/> in math.md's flat order: for layer k, <c>layers.k.weight</c> of shape
    /// [rows, in] (row-major, so W itself), then <c>layers.k.bias</c> of shape [rows]. A Dense layer has one row per
    /// unit; a Maxout layer units × pieces, exactly what <c>torch.nn.Linear(in, units * pieces)</c> stores.
    /// </summary>
    public static TensorSpec[] For<TNet, T>()
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<LayerDescription> layers = TNet.Layers;
        if (layers.IsEmpty)
        {
            throw new InvalidOperationException($"{typeof(TNet).Name}.Layers must describe at least one layer.");
        }

        var specs = new TensorSpec[2 * layers.Length];
        int offset = 0;
        for (int k = 0; k < layers.Length; k++)
        {
            LayerDescription layer = layers[k];
            if (layer.Inputs < 1 || layer.Units < 1 || layer.Pieces < 1)
            {
                throw new InvalidOperationException($"{typeof(TNet).Name}.Layers[{k}] has a size below 1 ({layer}).");
            }

            int rows = checked(layer.Units * layer.Pieces);
            specs[2 * k] = new TensorSpec($"layers.{k}.weight", new[] { rows, layer.Inputs }, offset, checked(rows * layer.Inputs));
            offset = checked(offset + rows * layer.Inputs);
            specs[2 * k + 1] = new TensorSpec($"layers.{k}.bias", new[] { rows }, offset, rows);
            offset = checked(offset + rows);
        }

        if (offset != TNet.ParameterCount)
        {
            throw new InvalidOperationException(
                $"{typeof(TNet).Name}.Layers describe {offset} parameters, but ParameterCount is {TNet.ParameterCount}.");
        }

        return specs;
    }
}
