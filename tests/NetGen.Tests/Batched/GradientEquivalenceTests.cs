using System;
using System.Collections.Generic;
using NetGen.Tests.Maxout;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// TrainBatch's gradient against BackwardBatch's, under math.md's bound (BatchEquivalence.AssertGradientsAgree): every
/// activation hidden and at the output, every loss, Maxout, dropout, float and double, on the kernels and mixed, with
/// batch sizes at the edges of the kernels' tiles of four samples and one batch large enough to be cut into chunks.
/// </summary>
public sealed class GradientEquivalenceTests
{
    /// <summary>The batch sizes: one sample, a partial tile, a whole tile, one past it, a prime, a power of two.</summary>
    private static readonly int[] Counts = { 1, 3, 4, 5, 17, 64 };

    private static readonly Dictionary<string, Action<int, int>> Networks = new()
    {
        [nameof(TanhReluLinearMse)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<TanhReluLinearMse, double>(n, seed),
        [nameof(SigmoidLeakySigmoidBce)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SigmoidLeakySigmoidBce, float>(n, seed),
        [nameof(EluSoftplusSoftmaxCce)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<EluSoftplusSoftmaxCce, float>(n, seed),
        // One step: with η = 1 the exponentials overflow on the second.
        [nameof(ExponentialLinearExponentialPoisson)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<ExponentialLinearExponentialPoisson, double>(n, seed, steps: 1),
        [nameof(SoftmaxTanhSoftmaxKl)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SoftmaxTanhSoftmaxKl, float>(n, seed),
        [nameof(ReluSigmoidTanhHinge)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<ReluSigmoidTanhHinge, float>(n, seed),
        [nameof(LeakyEluReluHuber)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<LeakyEluReluHuber, double>(n, seed),
        [nameof(TanhSoftplusLeakyMae)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<TanhSoftplusLeakyMae, float>(n, seed),
        [nameof(SigmoidExponentialEluMse)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SigmoidExponentialEluMse, float>(n, seed),
        [nameof(LinearReluSoftplusPoisson)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<LinearReluSoftplusPoisson, float>(n, seed),
        [nameof(SoftplusExponentialHuber)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SoftplusExponentialHuber, double>(n, seed),
        [nameof(SoftmaxBce)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SoftmaxBce, float>(n, seed),
        [nameof(SoftmaxPoisson)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SoftmaxPoisson, double>(n, seed),
        [nameof(SigmoidMse)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SigmoidMse, float>(n, seed),
        [nameof(SigmoidPoisson)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SigmoidPoisson, float>(n, seed),
        [nameof(ExponentialMae)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<ExponentialMae, double>(n, seed),
        [nameof(DropoutTanhRelu)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutTanhRelu, float>(n, seed, steps: 3),
        [nameof(DropoutAfterSoftmax)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutAfterSoftmax, double>(n, seed, steps: 3),
        [nameof(DropoutAfterMaxout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutAfterMaxout, float>(n, seed, steps: 3),
        [nameof(ZeroThenHalfDropout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<ZeroThenHalfDropout, float>(n, seed, steps: 3),
        [nameof(HiddenMaxout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<HiddenMaxout, double>(n, seed),
        [nameof(StackedMaxouts)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<StackedMaxouts, float>(n, seed),
        [nameof(MaxoutOutputMse)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MaxoutOutputMse, double>(n, seed),
        [nameof(MaxoutOutputMae)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MaxoutOutputMae, float>(n, seed),
        [nameof(MaxoutOutputHuber)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MaxoutOutputHuber, float>(n, seed),
        [nameof(MaxoutOutputHinge)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MaxoutOutputHinge, double>(n, seed),
        [nameof(MixedDropoutSigmoidElu)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MixedDropoutSigmoidElu, float>(n, seed, steps: 3),
        [nameof(MixedMaxout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MixedMaxout, double>(n, seed),
        // From the other test folders: mixed with dropout in double, mixed with the kernel layer first, Maxout mixed.
        [nameof(MixedDropoutNet)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<MixedDropoutNet, double>(n, seed, steps: 3),
        [nameof(SgdMixedLoopedFirst)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SgdMixedLoopedFirst, float>(n, seed),
        [nameof(HiddenMaxoutMixed)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<HiddenMaxoutMixed, double>(n, seed),
        [nameof(SgdMaxoutWideDropout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<SgdMaxoutWideDropout, float>(n, seed, steps: 3),
        [nameof(WideDropoutNet)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<WideDropoutNet, double>(n, seed, steps: 3),
        [nameof(DigitsNet)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DigitsNet, float>(n, seed),
    };

    public static TheoryData<string, int> Cases() => BatchCases.Of(Networks.Keys, Counts);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainBatch_gradient_is_the_sample_by_sample_one_within_the_bound(string network, int count) => Networks[network](count, 100 + count);

    // 601 samples: several chunks in both phases (see WideChunked and WideMaxoutChunked), the last tile of the last chunk
    // partial; one step, then a second on the updated θ.
    [Fact]
    public void A_batch_cut_into_chunks_agrees_dense_with_dropout() => BatchEquivalence.AssertGradientsAgree<WideChunked, float>(601, 11);

    [Fact]
    public void A_batch_cut_into_chunks_agrees_maxout_with_dropout()
    {
        // Adam: the gradient is read back through the step only under Sgd, so this pair compares one step's θ instead.
        OptimizerEquivalence.AssertStepAgrees<WideMaxoutChunked, double>(601, warmUp: 1, seed: 12);
    }

    // One instance through batches of changing size: the scratch made for one size serves smaller ones and is made anew
    // for a larger one; each step must still use the new θ and only this batch's rows.
    [Fact]
    public void Batches_of_changing_size_on_one_instance_agree_dense_with_dropout() =>
        BatchEquivalence.AssertGradientsAgreeStepByStep<DropoutTanhRelu, float>(13, new[] { 17, 5, 64, 1, 64, 3, 300 });

    [Fact]
    public void Batches_of_changing_size_on_one_instance_agree_maxout() =>
        BatchEquivalence.AssertGradientsAgreeStepByStep<StackedMaxouts, float>(14, new[] { 64, 4, 1, 17, 5, 80 });

    [Fact]
    public void Batches_of_changing_size_on_one_instance_agree_chunked() =>
        BatchEquivalence.AssertGradientsAgreeStepByStep<WideChunked, float>(15, new[] { 601, 7, 250 });

    // Output weights ×40: logits of ±30 and more, where a loss taken from O instead of A (math.md: sigmoid + BCE,
    // softmax + CE/KL and exponential + Poisson from the pre-activation) would lose everything to rounding or ln 0.
    [Theory]
    [InlineData(nameof(SigmoidLeakySigmoidBce))]
    [InlineData(nameof(EluSoftplusSoftmaxCce))]
    [InlineData(nameof(SoftmaxTanhSoftmaxKl))]
    [InlineData(nameof(SoftmaxBce))]
    [InlineData(nameof(SigmoidMse))]
    public void Saturated_outputs_agree(string network)
    {
        int[] counts = { 17, 17 };
        switch (network)
        {
            case nameof(SigmoidLeakySigmoidBce): BatchEquivalence.AssertGradientsAgreeStepByStep<SigmoidLeakySigmoidBce, float>(16, counts, outputWeightScale: 40); break;
            case nameof(EluSoftplusSoftmaxCce): BatchEquivalence.AssertGradientsAgreeStepByStep<EluSoftplusSoftmaxCce, float>(16, counts, outputWeightScale: 40); break;
            case nameof(SoftmaxTanhSoftmaxKl): BatchEquivalence.AssertGradientsAgreeStepByStep<SoftmaxTanhSoftmaxKl, float>(16, counts, outputWeightScale: 40); break;
            case nameof(SoftmaxBce): BatchEquivalence.AssertGradientsAgreeStepByStep<SoftmaxBce, float>(16, counts, outputWeightScale: 40); break;
            default: BatchEquivalence.AssertGradientsAgreeStepByStep<SigmoidMse, float>(16, counts, outputWeightScale: 40); break;
        }
    }

    [Fact]
    public void Saturated_exponential_poisson_agrees() =>
        BatchEquivalence.AssertGradientsAgreeStepByStep<ExponentialLinearExponentialPoisson, double>(16, new[] { 17 }, outputWeightScale: 8);
}
