using System;
using System.Numerics;

namespace NetGen.Onnx.Tests.Support;

/// <summary>Seeded parameters and inputs for the tests: Glorot/He weights plus non-zero biases, so every bias is exercised.</summary>
public static class TestParameters
{
    /// <summary>Initialises <paramref name="network"/> from <paramref name="seed"/> and gives every bias a value in (−0.5, 0.5).</summary>
    public static void Randomize<TNet, T>(TNet network, int seed)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.InitializeParameters(seed);
        var parameters = new T[TNet.ParameterCount];
        network.GetParameters(parameters);
        var random = new Random(seed);
        int offset = 0;
        foreach (LayerDescription layer in TNet.Layers)
        {
            offset += layer.WeightCount;
            for (int i = 0; i < layer.Rows; i++)
            {
                parameters[offset + i] = T.CreateChecked(random.NextDouble() - 0.5);
            }

            offset += layer.Rows;
        }

        network.SetParameters(parameters);
    }

    /// <summary><paramref name="count"/> seeded values uniform in (−2, 2).</summary>
    public static T[] Inputs<T>(int count, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = T.CreateChecked(4 * random.NextDouble() - 2);
        }

        return values;
    }

    /// <summary>A copy of <paramref name="network"/>'s parameters.</summary>
    public static T[] Of<TNet, T>(TNet network)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var parameters = new T[TNet.ParameterCount];
        network.GetParameters(parameters);
        return parameters;
    }
}
