using System;
using System.Linq;
using NetGen.Tests.Networks;
using NetGen.Tests.Numerics;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>Inverted dropout while training; the identity in Forward.</summary>
public sealed class DropoutTests
{
    private static readonly double[] Input = { 0.3, -0.7, 0.9 };
    private static readonly double[] Target = { 0.5, -0.25 };

    private static double[] RandomParameters(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
    }

    private static double[] Parameters<TNet>(TNet network)
        where TNet : INetwork<double>
    {
        var p = new double[TNet.ParameterCount];
        network.GetParameters(p);
        return p;
    }

    [Fact]
    public void Forward_is_unaffected_by_dropout()
    {
        double[] p = RandomParameters(DropoutNet.ParameterCount, 1);
        var dropout = new DropoutNet();
        var twin = new DropoutTwin();
        dropout.SetParameters(p);
        twin.SetParameters(p);
        var a = new double[2];
        var b = new double[2];

        dropout.Forward(Input, a);
        twin.Forward(Input, b);

        Assert.Equal(b, a);
    }

    [Fact]
    public void A_rate_of_zero_trains_exactly_like_no_dropout()
    {
        var zero = new ZeroDropoutNet();
        var twin = new DropoutTwin();
        for (int step = 0; step < 10; step++)
        {
            zero.TrainStep(Input, Target);
            twin.TrainStep(Input, Target);
        }

        Assert.Equal(Parameters(twin), Parameters(zero));
    }

    [Fact]
    public void The_same_seed_gives_the_same_masks_and_another_seed_others()
    {
        double[] Train(int seed)
        {
            var network = new DropoutNet();
            network.SeedDropout(seed);
            for (int step = 0; step < 10; step++)
            {
                network.TrainStep(Input, Target);
            }

            return Parameters(network);
        }

        Assert.Equal(Train(3), Train(3));
        Assert.NotEqual(Train(3), Train(4));
    }

    [Fact]
    public void Dropped_units_pass_no_gradient_to_the_next_layers_weights_and_kept_ones_are_scaled()
    {
        // ∂L/∂W²ᵢⱼ = δ²ᵢ h¹ⱼ with h¹ⱼ = o¹ⱼ·maskⱼ, maskⱼ ∈ {0, 2}: a dropped unit j zeroes column j of ∂L/∂W².
        double[] p = RandomParameters(DropoutNet.ParameterCount, 2);
        int droppedColumns = 0, keptColumns = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            var network = new DropoutNet();
            network.SetParameters(p);
            network.SeedDropout(seed);
            var gradient = new double[DropoutNet.ParameterCount];
            network.Backward(Input, Target, gradient);
            for (int j = 0; j < 6; j++)
            {
                bool zero = gradient[24 + j] == 0 && gradient[30 + j] == 0; // W² starts after W¹ (18) and b¹ (6)
                droppedColumns += zero ? 1 : 0;
                keptColumns += zero ? 0 : 1;
            }
        }

        Assert.InRange(droppedColumns, 30, 90); // 120 draws at rate 0.5
        Assert.InRange(keptColumns, 30, 90);
    }

    [Fact]
    public void Gradients_through_dropout_agree_with_finite_differences_for_a_fixed_mask() =>
        AssertGradientWithFixedMask(new DropoutNet(), Input, Target);

    [Fact]
    public void Gradients_through_looped_dropout_layers_agree_with_finite_differences_for_a_fixed_mask() =>
        AssertGradientWithFixedMask(new WideDropoutNet(), Input, new[] { 0.2, 0.5, 0.3 });

    [Fact]
    public void Gradients_through_dropout_between_written_out_and_looped_layers_agree_with_finite_differences() =>
        AssertGradientWithFixedMask(new MixedDropoutNet(), Input, new[] { 0.3, 0.7 });

    /// <summary>
    /// The loss Backward returns is computed with the masks, so with the dropout sequence re-seeded
    /// before every call the masks are fixed and central differences of that loss are the reference.
    /// </summary>
    private static void AssertGradientWithFixedMask<TNet>(TNet network, double[] input, double[] target)
        where TNet : ITrainableNetwork<double>
    {
        const int seed = 12;
        int count = TNet.ParameterCount;
        double[] p = RandomParameters(count, 3);
        network.SetParameters(p);
        var scratch = new double[count];
        double MaskedLoss()
        {
            network.SeedDropout(seed);
            Array.Clear(scratch);
            return network.Backward(input, target, scratch);
        }

        network.SeedDropout(seed);
        var analytic = new double[count];
        double loss = network.Backward(input, target, analytic);
        for (int k = 0; k < count; k++)
        {
            double original = p[k];
            p[k] = original + FiniteDifferences.Step;
            network.SetParameters(p);
            double plus = MaskedLoss();
            p[k] = original - FiniteDifferences.Step;
            network.SetParameters(p);
            double minus = MaskedLoss();
            p[k] = original;
            network.SetParameters(p);
            double numeric = (plus - minus) / (2 * FiniteDifferences.Step);
            Assert.True(
                FiniteDifferences.Agree(analytic[k], numeric, loss),
                $"θ[{k}]: Backward {analytic[k]:R}, finite differences {numeric:R}");
        }
    }
}
