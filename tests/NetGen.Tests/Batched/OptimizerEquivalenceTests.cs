using System;
using System.Collections.Generic;
using NetGen.Tests.Maxout;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// TrainBatch with every optimizer against BackwardBatch + ApplyGradients: one step from a fresh state and one after
/// three identical steps (moments and step count set), the parameters compared under the bound OptimizerStepBound
/// derives from math.md's bound on the gradient.
/// </summary>
public sealed class OptimizerEquivalenceTests
{
    private static readonly Dictionary<string, Action<int, int>> Networks = new()
    {
        [nameof(MomentumKernels)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<MomentumKernels, float>(n, warmUp, seed: 21),
        [nameof(RmsPropKernels)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<RmsPropKernels, double>(n, warmUp, seed: 22),
        [nameof(AdamKernels)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<AdamKernels, float>(n, warmUp, seed: 23),
        [nameof(AdamMixedPoisson)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<AdamMixedPoisson, double>(n, warmUp, seed: 24),
        [nameof(MomentumMixed)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<MomentumMixed, float>(n, warmUp, seed: 25),
        [nameof(RmsPropMixed)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<RmsPropMixed, float>(n, warmUp, seed: 26),
        [nameof(AdamWide)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<AdamWide, float>(n, warmUp, seed: 27),
        [nameof(MomentumWide)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<MomentumWide, float>(n, warmUp, seed: 28),
        [nameof(HiddenMaxoutKernels)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<HiddenMaxoutKernels, double>(n, warmUp, seed: 29),
        [nameof(MomentumMaxoutOutputKernels)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<MomentumMaxoutOutputKernels, float>(n, warmUp, seed: 30),
        [nameof(RmsPropMaxoutMixedDropout)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<RmsPropMaxoutMixedDropout, float>(n, warmUp, seed: 31),
        // Sgd with weight decay: λw joins g before the step, on both twins alike.
        [nameof(DropoutTanhRelu)] = (n, warmUp) => OptimizerEquivalence.AssertStepAgrees<DropoutTanhRelu, float>(n, warmUp, seed: 32, weightDecay: 1e-3),
    };

    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (string network in Networks.Keys)
        {
            foreach (int count in new[] { 1, 5, 64 })
            {
                cases.Add(network, count, 0);
                cases.Add(network, count, 3);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainBatch_step_is_the_reference_step_within_the_derived_bound(string network, int count, int warmUp) => Networks[network](count, warmUp);

    [Fact]
    public void The_bound_is_tight_enough_to_catch_a_gradient_off_by_a_thousandth()
    {
        // The bound must fail a step whose gradient is wrong: a gradient 1.001× the true one moves Adam's largest
        // parameters by far more than the bound lets through.
        var settings = new Hyperparameters { LearningRate = 0.05 };
        var bound = new OptimizerStepBound(Optimizer.Adam, settings, 1);
        bound.Step(new[] { 0.3 });
        bound.Step(new[] { 0.2 });
        double g = 0.25, d = 1e-5 * g; // math.md's float bound on the layer's largest gradient
        double Update(double gradient)
        {
            const double m2 = (0.9 * (0.1 * 0.3)) + (0.1 * 0.2), v2 = (0.999 * (0.001 * 0.3 * 0.3)) + (0.001 * 0.2 * 0.2);
            double m = (0.9 * m2) + (0.1 * gradient), v = (0.999 * v2) + (0.001 * gradient * gradient);
            return 0.05 * (m / (1 - Math.Pow(0.9, 3))) / (Math.Sqrt(v / (1 - Math.Pow(0.999, 3))) + 1e-8);
        }

        double allowed = bound.Of(0, g, d);
        Assert.True(Math.Abs(Update(g * (1 + 1e-5)) - Update(g)) <= allowed);
        Assert.True(Math.Abs(Update(g * 1.001) - Update(g)) > allowed);
    }
}
