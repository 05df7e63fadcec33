using System;
using System.Collections.Generic;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// ForwardBatch against Forward sample by sample (within rounding), with random biases: every activation hidden and at
/// the output (Step included: an inference-only network has ForwardBatch too), Maxout, mixed and written-out networks,
/// batch sizes at the tile edges, and batches beyond one block of 256 samples.
/// </summary>
public sealed class ForwardBatchTests
{
    private static readonly int[] Counts = { 0, 1, 3, 4, 5, 17, 64, 255, 256, 257, 600 };

    private static readonly Dictionary<string, Action<int>> Networks = new()
    {
        [nameof(TanhReluLinearMse)] = n => Check<TanhReluLinearMse, double>(n),
        [nameof(SigmoidLeakySigmoidBce)] = n => Check<SigmoidLeakySigmoidBce, float>(n),
        [nameof(EluSoftplusSoftmaxCce)] = n => Check<EluSoftplusSoftmaxCce, float>(n),
        [nameof(ExponentialLinearExponentialPoisson)] = n => Check<ExponentialLinearExponentialPoisson, double>(n),
        [nameof(SoftmaxTanhSoftmaxKl)] = n => Check<SoftmaxTanhSoftmaxKl, float>(n),
        [nameof(LeakyEluReluHuber)] = n => Check<LeakyEluReluHuber, double>(n),
        [nameof(TanhSoftplusLeakyMae)] = n => Check<TanhSoftplusLeakyMae, float>(n),
        [nameof(SigmoidExponentialEluMse)] = n => Check<SigmoidExponentialEluMse, float>(n),
        [nameof(LinearReluSoftplusPoisson)] = n => Check<LinearReluSoftplusPoisson, float>(n),
        [nameof(SoftplusExponentialHuber)] = n => Check<SoftplusExponentialHuber, double>(n),
        [nameof(HiddenStep)] = n => Check<HiddenStep, float>(n),
        [nameof(OutputStep)] = n => Check<OutputStep, double>(n),
        [nameof(DropoutAfterSoftmax)] = n => Check<DropoutAfterSoftmax, double>(n),
        [nameof(StackedMaxouts)] = n => Check<StackedMaxouts, float>(n),
        [nameof(MaxoutOutputHinge)] = n => Check<MaxoutOutputHinge, double>(n),
        [nameof(MixedMaxout)] = n => Check<MixedMaxout, double>(n),
        [nameof(MixedDropoutSigmoidElu)] = n => Check<MixedDropoutSigmoidElu, float>(n),
        [nameof(WrittenOutAdamDropout)] = n => Check<WrittenOutAdamDropout, float>(n),
        [nameof(WrittenOutRmsPropMaxout)] = n => Check<WrittenOutRmsPropMaxout, double>(n),
        [nameof(DigitsNet)] = n => Check<DigitsNet, float>(n),
    };

    public static TheoryData<string, int> Cases() => BatchCases.Of(Networks.Keys, Counts);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardBatch_is_Forward_for_each_sample(string network, int count) => Networks[network](count);

    [Theory]
    [InlineData(600)]
    [InlineData(601)]
    public void A_batch_cut_into_blocks_and_chunks_is_Forward_for_each_sample(int count) => Check<WideChunked, float>(count);

    [Fact]
    public void Batches_of_changing_size_on_one_instance_are_Forward_for_each_sample()
    {
        var net = new StackedMaxouts();
        BatchData.RandomizeBiases<StackedMaxouts, float>(net, new Random(6));
        foreach (int count in new[] { 300, 5, 64, 1, 600, 0, 17 })
        {
            BatchEquivalence.AssertForwardAgrees<StackedMaxouts, float>(net, count, 2000 + count);
        }
    }

    [Fact]
    public void Count_zero_writes_nothing()
    {
        var net = new EluSoftplusSoftmaxCce();
        net.ForwardBatch(ReadOnlySpan<float>.Empty, Span<float>.Empty);
        var written = new WrittenOutAdamDropout();
        written.ForwardBatch(ReadOnlySpan<float>.Empty, Span<float>.Empty);
    }

    [Fact]
    public void ForwardBatch_changes_no_training_state()
    {
        // Between two TrainBatch steps, a ForwardBatch (of another size, so the shared scratch is made anew) must leave the
        // parameters, the optimizer's moments and the dropout sequence as they were: the next step is the twin's, bit for bit.
        var random = new Random(5);
        float[] inputs = BatchData.Inputs<AdamKernels, float>(random, 24), targets = BatchData.Targets<AdamKernels, float>(random, 24);
        float[] probe = BatchData.Inputs<AdamKernels, float>(random, 300), outputs = new float[300 * AdamKernels.OutputSize];
        AdamKernels net = new(), twin = new();
        net.TrainBatch(inputs, targets);
        twin.TrainBatch(inputs, targets);
        net.ForwardBatch(probe, outputs);
        float loss = net.TrainBatch(inputs, targets), twinLoss = twin.TrainBatch(inputs, targets);

        Assert.Equal(BitConverter.SingleToInt32Bits(twinLoss), BitConverter.SingleToInt32Bits(loss));
        float[] theta = new float[AdamKernels.ParameterCount], twinTheta = new float[AdamKernels.ParameterCount];
        net.GetParameters(theta);
        twin.GetParameters(twinTheta);
        BatchEquivalence.AssertSameBits<float>(twinTheta, theta, "after a ForwardBatch between steps");
    }

    private static void Check<TNet, T>(int count)
        where TNet : INetwork<T>, new()
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var net = new TNet();
        BatchData.RandomizeBiases<TNet, T>(net, new Random(count));
        BatchEquivalence.AssertForwardAgrees<TNet, T>(net, count, 1000 + count);
    }
}
