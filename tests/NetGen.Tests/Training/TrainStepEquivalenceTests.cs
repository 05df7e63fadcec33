using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// TrainStep is the fused fast path; Backward into a zeroed buffer followed by ApplyGradients with
/// a batch size of 1 is the mini-batch path. They must leave bit-identical parameters.
/// </summary>
public sealed class TrainStepEquivalenceTests
{
    [Fact]
    public void Sgd_unrolled() => AssertSameParameters(new SgdIris(), new SgdIris());

    [Fact]
    public void Momentum_unrolled() => AssertSameParameters(new MomentumIris(), new MomentumIris());

    [Fact]
    public void RmsProp_unrolled() => AssertSameParameters(new RmsPropIris(), new RmsPropIris());

    [Fact]
    public void Adam_unrolled() => AssertSameParameters(new AdamIris(), new AdamIris());

    [Fact]
    public void Adam_looped() => AssertSameParameters(new AdamWide(), new AdamWide());

    [Fact]
    public void Momentum_looped_with_weight_decay() => AssertSameParameters(new MomentumWide(), new MomentumWide(), weightDecay: 0.01);

    [Fact]
    public void Sgd_looped() => AssertSameParameters(new SgdWide(), new SgdWide());

    [Fact]
    public void Sgd_looped_with_weight_decay() => AssertSameParameters(new SgdWide(), new SgdWide(), weightDecay: 0.01);

    [Fact]
    public void Sgd_looped_single_layer_with_weight_decay() => AssertSameParameters(new SgdWideSingleLayer(), new SgdWideSingleLayer(), weightDecay: 0.01);

    [Fact]
    public void Sgd_mixed_with_weight_decay() => AssertSameParameters(new SgdMixed(), new SgdMixed(), weightDecay: 0.01);

    [Fact]
    public void Sgd_mixed_with_the_first_layer_on_the_kernels() => AssertSameParameters(new SgdMixedLoopedFirst(), new SgdMixedLoopedFirst(), weightDecay: 0.01);

    [Fact]
    public void Adam_mixed() => AssertSameParameters(new AdamMixed(), new AdamMixed());

    [Fact]
    public void RmsProp_mixed() => AssertSameParameters(new RmsPropMixed(), new RmsPropMixed());

    private static void AssertSameParameters<TNet>(TNet fused, TNet separate, double weightDecay = 0)
        where TNet : ITrainableNetwork<float>
    {
        int inputs = TNet.InputSize, outputs = TNet.OutputSize, count = TNet.ParameterCount;
        var random = new Random(5);
        var gradient = new float[count];
        foreach (TNet network in new[] { fused, separate })
        {
            network.Hyperparameters.LearningRate = 0.05;
            network.Hyperparameters.WeightDecay = weightDecay;
        }

        for (int step = 0; step < 5; step++)
        {
            float[] input = new float[inputs];
            float[] target = new float[outputs];
            for (int i = 0; i < inputs; i++)
            {
                input[i] = (float)(random.NextDouble() * 2 - 1);
            }

            target[random.Next(outputs)] = 1; // one-hot: valid for every loss used here

            float fusedLoss = fused.TrainStep(input, target);
            Array.Clear(gradient);
            float separateLoss = separate.Backward(input, target, gradient);
            separate.ApplyGradients(gradient, 1);

            Assert.Equal(separateLoss, fusedLoss);
        }

        var a = new float[count];
        var b = new float[count];
        fused.GetParameters(a);
        separate.GetParameters(b);
        Assert.Equal(b, a);

        var initial = new float[count];
        ((TNet)Activator.CreateInstance(typeof(TNet))!).GetParameters(initial);
        Assert.NotEqual(initial, a); // the steps did change something
    }
}
