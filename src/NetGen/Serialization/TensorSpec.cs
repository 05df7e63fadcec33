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
    /// The tensors of <typeparamref name="TNet"/> in math.md's flat order: for Dense layer k,
    /// <c>layers.k.weight</c> of shape [out, in] (row-major, so W itself), then <c>layers.k.bias</c> of shape [out].
    /// </summary>
    public static TensorSpec[] For<TNet, T>()
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<int> sizes = TNet.LayerSizes;
        if (sizes.Length < 2)
        {
            throw new InvalidOperationException(
                $"{typeof(TNet).Name}.LayerSizes must hold the input width and at least one layer width; it holds {sizes.Length} values.");
        }

        var specs = new TensorSpec[2 * (sizes.Length - 1)];
        int offset = 0;
        for (int k = 0; k < sizes.Length - 1; k++)
        {
            int inputs = sizes[k];
            int outputs = sizes[k + 1];
            if (inputs < 1 || outputs < 1)
            {
                throw new InvalidOperationException(
                    $"{typeof(TNet).Name}.LayerSizes holds a width below 1 ({string.Join(", ", sizes.ToArray())}).");
            }

            specs[2 * k] = new TensorSpec($"layers.{k}.weight", new[] { outputs, inputs }, offset, checked(outputs * inputs));
            offset = checked(offset + outputs * inputs);
            specs[2 * k + 1] = new TensorSpec($"layers.{k}.bias", new[] { outputs }, offset, outputs);
            offset = checked(offset + outputs);
        }

        if (offset != TNet.ParameterCount)
        {
            throw new InvalidOperationException(
                $"{typeof(TNet).Name}.LayerSizes ({string.Join(", ", sizes.ToArray())}) describe {offset} parameters, " +
                $"but ParameterCount is {TNet.ParameterCount}.");
        }

        return specs;
    }
}
