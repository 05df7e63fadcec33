using System;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// One TrainBatch step of any optimizer against BackwardBatch + ApplyGradients from the same state: the twins first take
/// <c>warmUp</c> identical reference steps (so their parameters, moments, step count and dropout sequence are the same
/// bits), then one step each, on a new batch, one batched and one the reference way. The parameters after it may differ
/// by what math.md's bound on the gradient allows through the optimizer's update (<see cref="OptimizerStepBound"/>),
/// plus the roundings of the update itself.
/// </summary>
internal static class OptimizerEquivalence
{
    /// <summary>η for these steps: large enough that a wrong gradient moves θ visibly, small enough to stay stable.</summary>
    private const double LearningRate = 0.05;

    public static void AssertStepAgrees<TNet, T>(int count, int warmUp, int seed, double weightDecay = 0)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TNet batched = new(), reference = new();
        foreach (TNet net in new[] { batched, reference })
        {
            net.Hyperparameters.LearningRate = LearningRate;
            net.Hyperparameters.WeightDecay = weightDecay;
            net.SeedDropout(seed);
        }

        int p = TNet.ParameterCount;
        var bound = new OptimizerStepBound(TNet.OptimizerAlgorithm, reference.Hyperparameters, p);
        var random = new Random(seed);
        T[] gradient = new T[p], before = new T[p], expected = new T[p], actual = new T[p];
        double[] mean = new double[p];
        double epsilon = double.CreateTruncating(BatchEquivalence.MachineEpsilon<T>()), relative = double.CreateTruncating(BatchEquivalence.Bound<T>());
        string what = $"{typeof(TNet).Name} ({TNet.OptimizerAlgorithm}), {count} samples after {warmUp} steps";
        for (int step = 0; step <= warmUp; step++)
        {
            T[] inputs = BatchData.Inputs<TNet, T>(random, count), targets = BatchData.Targets<TNet, T>(random, count);
            reference.GetParameters(before);
            Array.Clear(gradient);
            T referenceLoss = reference.BackwardBatch(inputs, targets, gradient);
            reference.ApplyGradients(gradient, count);
            reference.GetParameters(expected);
            for (int k = 0; k < p; k++)
            {
                mean[k] = (double.CreateTruncating(gradient[k]) / count) + (weightDecay * double.CreateTruncating(before[k]));
            }

            if (step < warmUp)
            {
                Array.Clear(gradient);
                batched.BackwardBatch(inputs, targets, gradient);
                batched.ApplyGradients(gradient, count);
                bound.Step(mean);
                continue;
            }

            batched.GetParameters(actual);
            BatchEquivalence.AssertSameBits<T>(before, actual, what + ": the twins before the step");
            T loss = batched.TrainBatch(inputs, targets);
            batched.GetParameters(actual);
            BatchEquivalence.AssertLossAgrees(referenceLoss / T.CreateTruncating(count), loss, what);
            int offset = 0;
            foreach (LayerDescription layer in TNet.Layers)
            {
                double largest = 0;
                for (int k = offset; k < offset + layer.ParameterCount; k++)
                {
                    largest = Math.Max(largest, Math.Abs(double.CreateTruncating(gradient[k]) / count));
                }

                for (int k = offset; k < offset + layer.ParameterCount; k++)
                {
                    double w = double.CreateTruncating(expected[k]), update = double.CreateTruncating(before[k]) - w;
                    // The update's own roundings (a few operations, each within ε relative) and the last subtraction's.
                    double allowed = bound.Of(k, mean[k], relative * largest) + (8 * epsilon * Math.Abs(update)) + (2 * epsilon * Math.Abs(w));
                    double difference = Math.Abs(double.CreateTruncating(actual[k]) - w);
                    Assert.True(difference <= allowed, $"{what}: parameter {k} (layer at {offset}): batched {actual[k]}, sample by sample {expected[k]}, |difference| {difference} > {allowed}");
                }

                offset += layer.ParameterCount;
            }
        }
    }
}
