using System;
using System.Collections.Generic;
using System.Numerics;
using NetGen.Tests.Maxout;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// A network written out whole (BatchStrategy.SampleBySample) runs TrainBatch as BackwardBatch into a zeroed gradient
/// and ApplyGradients: its losses and parameters are those of the twin that does exactly that, bit for bit, step after
/// step (moments, step count and dropout sequence included), for every optimizer.
/// </summary>
public sealed class WrittenOutBatchTests
{
    private static readonly Dictionary<string, Action<int>> Networks = new()
    {
        [nameof(WrittenOutAdamDropout)] = n => AssertBitForBit<WrittenOutAdamDropout, float>(n),
        [nameof(WrittenOutRmsPropMaxout)] = n => AssertBitForBit<WrittenOutRmsPropMaxout, double>(n),
        [nameof(WrittenOutMomentumPoisson)] = n => AssertBitForBit<WrittenOutMomentumPoisson, float>(n),
        [nameof(WrittenOutSgdHinge)] = n => AssertBitForBit<WrittenOutSgdHinge, double>(n),
        [nameof(DropoutNet)] = n => AssertBitForBit<DropoutNet, double>(n),
        [nameof(SgdIris)] = n => AssertBitForBit<SgdIris, float>(n),
        [nameof(XorNet)] = n => AssertBitForBit<XorNet, float>(n),
        [nameof(OutputMaxoutHuber)] = n => AssertBitForBit<OutputMaxoutHuber, double>(n),
    };

    public static TheoryData<string, int> Cases() => BatchCases.Of(Networks.Keys, new[] { 1, 3, 17 });

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainBatch_is_BackwardBatch_and_ApplyGradients_bit_for_bit(string network, int count) => Networks[network](count);

    private static void AssertBitForBit<TNet, T>(int count)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TNet batched = new(), reference = new();
        batched.SeedDropout(count);
        reference.SeedDropout(count);
        batched.Hyperparameters.LearningRate = 0.1;
        reference.Hyperparameters.LearningRate = 0.1;
        var random = new Random(count);
        T[] gradient = new T[TNet.ParameterCount], expected = new T[TNet.ParameterCount], actual = new T[TNet.ParameterCount];
        for (int step = 0; step < 4; step++)
        {
            T[] inputs = BatchData.Inputs<TNet, T>(random, count), targets = BatchData.Targets<TNet, T>(random, count);
            Array.Clear(gradient);
            T referenceLoss = reference.BackwardBatch(inputs, targets, gradient) / T.CreateTruncating(count);
            reference.ApplyGradients(gradient, count);
            T loss = batched.TrainBatch(inputs, targets);

            string what = $"{typeof(TNet).Name}, {count} samples, step {step}";
            BatchEquivalence.AssertSameBits<T>(new[] { referenceLoss }, new[] { loss }, what + ": mean loss");
            reference.GetParameters(expected);
            batched.GetParameters(actual);
            BatchEquivalence.AssertSameBits<T>(expected, actual, what + ": parameters");
        }
    }
}
