using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>
/// Backward against central finite differences, on every parameter, for every trainable output
/// activation × loss pair and every hidden activation, each in three shapes (unrolled and looped).
/// </summary>
public sealed class GradientTableTests
{
    public static TheoryData<Activation, Loss> Pairs()
    {
        var data = new TheoryData<Activation, Loss>();
        foreach ((Activation output, Loss loss) in PairingExpectations.TrainablePairs)
        {
            data.Add(output, loss);
        }

        return data;
    }

    public static TheoryData<Activation> HiddenActivations() => new(PairingExpectations.HiddenActivations);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Backward_agrees_with_finite_differences_for_the_output_pair(Activation output, Loss loss)
    {
        foreach (string shape in GradientTestNetworks.Shapes)
        {
            AssertGradientMatches(GradientTestNetworks.PairName(output, loss, shape), loss);
        }
    }

    [Theory]
    [MemberData(nameof(HiddenActivations))]
    public void Backward_agrees_with_finite_differences_for_the_hidden_activation(Activation hidden)
    {
        AssertGradientMatches(GradientTestNetworks.HiddenName(hidden, "Small"), Loss.MeanSquaredError);
        AssertGradientMatches(GradientTestNetworks.HiddenName(hidden, "Deep"), Loss.BinaryCrossEntropy);
        AssertGradientMatches(GradientTestNetworks.HiddenName(hidden, "Wide"), Loss.MeanSquaredError);
        AssertGradientMatches(GradientTestNetworks.HiddenName(hidden, "Mixed"), Loss.MeanSquaredError);
    }

    [Fact]
    public void The_table_covers_every_pair_math_md_allows()
    {
        // 45 pairs: all 9 trainable outputs with MSE, MAE, Huber and Hinge (36), BinaryCrossEntropy after
        // Sigmoid and Softmax (2), CategoricalCrossEntropy and KLDivergence after Softmax (2), Poisson
        // after Sigmoid, ReLU, Softplus, Exponential and Softmax (5).
        Assert.Equal(45, PairingExpectations.TrainablePairs.Count);
        Assert.Equal(9, PairingExpectations.HiddenActivations.Count);
    }

    private static void AssertGradientMatches(string name, Loss loss)
    {
        ITrainableNetwork<double> network = GradientTestNetworks.Create(name);
        int count = GradientTestNetworks.ParameterCount(network);
        var random = new Random(StableSeed(name)); // string.GetHashCode differs per process: never a seed
        var parameters = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray();
        network.SetParameters(parameters);

        for (int sample = 0; sample < 2; sample++)
        {
            double[] input = Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            double[] target = Targets(loss, random);

            var analytic = new double[count];
            double returned = network.Backward(input, target, analytic);
            double[] numeric = FiniteDifferences.Gradient(network, count, input, target);

            Assert.Equal(FiniteDifferences.Loss(network, input, target), returned, 1e-12);
            var failures = Enumerable.Range(0, count)
                .Where(k => !FiniteDifferences.Agree(analytic[k], numeric[k], returned))
                .Select(k => (k, Error: FiniteDifferences.RelativeError(analytic[k], numeric[k])))
                .Select(e => $"θ[{e.k}]: Backward {analytic[e.k]:R}, finite differences {numeric[e.k]:R}, relative error {e.Error:E2}")
                .ToList();
            Assert.True(failures.Count == 0, $"{name}, sample {sample}:\n" + string.Join("\n", failures));
        }
    }

    /// <summary>FNV-1a of the name: the same seed for the same network in every run.</summary>
    private static int StableSeed(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7fffffff);
    }

    /// <summary>Targets valid for the loss: any real, a probability, a distribution, ±1 or a count.</summary>
    private static double[] Targets(Loss loss, Random random)
    {
        switch (loss)
        {
            case Loss.BinaryCrossEntropy:
                return new[] { random.NextDouble(), random.NextDouble() };
            case Loss.CategoricalCrossEntropy:
            case Loss.KLDivergence:
                double p = 0.1 + 0.8 * random.NextDouble();
                return new[] { p, 1 - p };
            case Loss.Hinge:
                return new[] { random.Next(2) * 2.0 - 1, random.Next(2) * 2.0 - 1 };
            case Loss.Poisson:
                return new[] { (double)random.Next(4), (double)random.Next(4) };
            default:
                return new[] { random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1 };
        }
    }
}
