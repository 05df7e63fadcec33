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
        [nameof(DropoutTanhRelu)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutTanhRelu, float>(n, seed, steps: 3),
        [nameof(DropoutAfterSoftmax)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutAfterSoftmax, double>(n, seed, steps: 3),
        [nameof(DropoutAfterMaxout)] = (n, seed) => BatchEquivalence.AssertGradientsAgree<DropoutAfterMaxout, float>(n, seed, steps: 3),
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

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string network in Networks.Keys)
        {
            foreach (int count in Counts)
            {
                cases.Add(network, count);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainBatch_gradient_is_the_sample_by_sample_one_within_the_bound(string network, int count) => Networks[network](count, 100 + count);

    // 600 samples: several chunks in both phases (see WideChunked and WideMaxoutChunked); one step, then a second on
    // the updated θ.
    [Fact]
    public void A_batch_cut_into_chunks_agrees_dense_with_dropout() => BatchEquivalence.AssertGradientsAgree<WideChunked, float>(600, 11);

    [Fact]
    public void A_batch_cut_into_chunks_agrees_maxout_with_dropout()
    {
        // Adam: the gradient is read back through an SGD-like step only with Sgd, so this twin pair compares one step's θ instead.
        OptimizerEquivalence.AssertStepAgrees<WideMaxoutChunked, double>(600, warmUp: 1, seed: 12);
    }
}
