using System;
using System.Numerics;

namespace NetGen.Tests.Batched;

/// <summary>Random batches whose targets suit the network's loss (one-hot, probabilities, counts, ±1 or reals).</summary>
internal static class BatchData
{
    public static T[] Inputs<TNet, T>(Random random, int count)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[count * TNet.InputSize];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    public static T[] Targets<TNet, T>(Random random, int count)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = TNet.OutputSize;
        var values = new T[count * width];
        for (int s = 0; s < count; s++)
        {
            Span<T> row = values.AsSpan(s * width, width);
            switch (TNet.LossFunction)
            {
                case Loss.CategoricalCrossEntropy:
                case Loss.KLDivergence:
                    row[random.Next(width)] = T.One;
                    break;
                case Loss.BinaryCrossEntropy:
                    for (int i = 0; i < width; i++)
                    {
                        row[i] = T.CreateTruncating(random.NextDouble());
                    }

                    break;
                case Loss.Poisson:
                    for (int i = 0; i < width; i++)
                    {
                        row[i] = T.CreateTruncating(random.Next(4));
                    }

                    break;
                case Loss.Hinge:
                    for (int i = 0; i < width; i++)
                    {
                        row[i] = random.Next(2) == 0 ? -T.One : T.One;
                    }

                    break;
                default:
                    for (int i = 0; i < width; i++)
                    {
                        row[i] = T.CreateTruncating((random.NextDouble() * 2) - 1);
                    }

                    break;
            }
        }

        return values;
    }

    /// <summary>
    /// Gives every bias of <paramref name="net"/> a value uniform in (−0.3, 0.3): initialisation leaves them 0, and a
    /// product that forgot its bias must not pass unnoticed.
    /// </summary>
    public static void RandomizeBiases<TNet, T>(TNet net, Random random)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var theta = new T[TNet.ParameterCount];
        net.GetParameters(theta);
        int offset = 0;
        foreach (LayerDescription layer in TNet.Layers)
        {
            for (int k = offset + layer.WeightCount; k < offset + layer.ParameterCount; k++)
            {
                theta[k] = T.CreateTruncating((random.NextDouble() - 0.5) * 0.6);
            }

            offset += layer.ParameterCount;
        }

        net.SetParameters(theta);
    }
}
