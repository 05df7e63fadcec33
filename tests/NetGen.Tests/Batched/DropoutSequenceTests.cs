using System;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// TrainBatch draws its dropout masks as TrainStep draws them, sample after sample: TrainBatch on one sample at a time
/// follows TrainStep on the same samples (Sgd, the same dropout seed) within math.md's bound (relative to the step's largest |g|), step
/// after step — a mask drawn in another order, or one draw too many or too few, puts every later step off by whole units.
/// <para>
/// η = 0.1, not 1: at η = 1 the Tanh output saturates within a few steps, and math.md's bound, relative to the layer's
/// largest |g|, is then finer than float can resolve: g = δ·h with δ = (o − y)(1 − o²), and with o ≈ 0.99 one rounding
/// of o (6e−8) is 1e−5 of 1 − o² ≈ 0.02. Measured on DropoutAfterMaxout at η = 1, step 5: TrainBatch's g off by 3.3e−7
/// on a largest |g| of 0.0218 (1.5e−5 relative) while TrainStep and BackwardBatch + ApplyGradients agree exactly, the
/// outputs of ForwardBatch and Forward being within 1–5e−7 of each other (a few roundings of the dot products).
/// </para>
/// </summary>
public sealed class DropoutSequenceTests
{
    private const double LearningRate = 0.1;

    [Fact]
    public void One_sample_batches_follow_TrainStep_dense() => AssertFollowsTrainStep<DropoutTanhRelu, float>();

    [Fact]
    public void One_sample_batches_follow_TrainStep_after_a_hidden_softmax() => AssertFollowsTrainStep<DropoutAfterSoftmax, double>();

    [Fact]
    public void One_sample_batches_follow_TrainStep_after_a_maxout() => AssertFollowsTrainStep<DropoutAfterMaxout, float>();

    [Fact]
    public void One_sample_batches_follow_TrainStep_mixed() => AssertFollowsTrainStep<MixedDropoutSigmoidElu, float>();

    private static void AssertFollowsTrainStep<TNet, T>()
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(Optimizer.Sgd, TNet.OptimizerAlgorithm);
        TNet batched = new(), stepped = new(), probe = new(); // probe: Backward alone, for the size of each step's gradient
        foreach (TNet net in new[] { batched, stepped, probe })
        {
            net.Hyperparameters.LearningRate = LearningRate;
            net.SeedDropout(41);
        }

        var random = new Random(41);
        int p = TNet.ParameterCount;
        T[] before = new T[p], expected = new T[p], actual = new T[p], gradient = new T[p];
        T bound = BatchEquivalence.Bound<T>() * T.CreateTruncating(LearningRate), epsilon = BatchEquivalence.MachineEpsilon<T>();
        for (int step = 0; step < 8; step++)
        {
            T[] input = BatchData.Inputs<TNet, T>(random, 1), target = BatchData.Targets<TNet, T>(random, 1);
            batched.GetParameters(before);
            probe.SetParameters(before);
            Array.Clear(gradient);
            probe.Backward(input, target, gradient); // draws the masks TrainStep draws
            T stepLoss = stepped.TrainStep(input, target), batchLoss = batched.TrainBatch(input, target);
            stepped.GetParameters(expected);
            batched.GetParameters(actual);

            BatchEquivalence.AssertLossAgrees(stepLoss, batchLoss, $"{typeof(TNet).Name}, step {step}");
            T largest = T.Zero;
            foreach (T g in gradient)
            {
                largest = T.Max(largest, T.Abs(g));
            }

            for (int k = 0; k < p; k++)
            {
                T allowed = (bound * largest) + (T.CreateTruncating(2) * epsilon * (T.Abs(expected[k]) + T.Abs(before[k] - expected[k])));
                Assert.True(T.Abs(actual[k] - expected[k]) <= allowed, $"{typeof(TNet).Name}, step {step}, parameter {k}: TrainBatch {actual[k]}, TrainStep {expected[k]}");
            }

            stepped.SetParameters(actual);
        }
    }
}
