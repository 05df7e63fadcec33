#pragma warning disable NG0025 // deliberately wrong lengths: these tests check the run-time checks
using System;
using System.Numerics;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// Bad input to TrainBatch and ForwardBatch: an ArgumentException naming the parameter and the lengths, thrown before
/// anything changes; a NaN or infinite input or target makes TrainBatch return NaN and change nothing — parameters,
/// optimizer state and dropout sequence, checked by training on afterwards beside a twin that never saw the bad call.
/// On the kernels (Adam, dropout), mixed (Momentum, dropout), Maxout (RmsProp, dropout) and written out (Adam, dropout).
/// </summary>
public sealed class BatchBadInputTests
{
    public static TheoryData<string> Networks() => new() { nameof(AdamKernels), nameof(MomentumMixed), nameof(RmsPropKernels), nameof(WrittenOutAdamDropout) };

    [Theory]
    [MemberData(nameof(Networks))]
    public void An_empty_batch_is_refused_by_TrainBatch(string network) => Run(network, new EmptyBatch());

    [Theory]
    [MemberData(nameof(Networks))]
    public void Inputs_that_are_not_whole_samples_are_refused(string network) => Run(network, new PartialSample());

    [Theory]
    [MemberData(nameof(Networks))]
    public void Targets_or_outputs_of_another_count_are_refused(string network) => Run(network, new OtherCount());

    [Theory]
    [MemberData(nameof(Networks))]
    public void A_non_finite_input_or_target_returns_NaN_and_changes_nothing(string network) => Run(network, new NonFinite());

    private static void Run(string network, ICase check)
    {
        switch (network)
        {
            case nameof(AdamKernels): check.Check<AdamKernels, float>(); break;
            case nameof(MomentumMixed): check.Check<MomentumMixed, float>(); break;
            case nameof(RmsPropKernels): check.Check<RmsPropKernels, double>(); break;
            default: check.Check<WrittenOutAdamDropout, float>(); break;
        }
    }

    /// <summary>One check, run on each network of <see cref="Networks"/>.</summary>
    private interface ICase
    {
        void Check<TNet, T>()
            where TNet : ITrainableNetwork<T>, new()
            where T : unmanaged, IFloatingPointIeee754<T>;
    }

    private sealed class EmptyBatch : ICase
    {
        public void Check<TNet, T>()
            where TNet : ITrainableNetwork<T>, new()
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var twins = new Twins<TNet, T>();
            var error = Assert.Throws<ArgumentException>(() => twins.Net.TrainBatch(ReadOnlySpan<T>.Empty, ReadOnlySpan<T>.Empty));
            Assert.Equal("inputs", error.ParamName);
            Assert.Contains("'inputs'", error.Message, StringComparison.Ordinal);
            twins.AssertNothingChanged("an empty TrainBatch");
        }
    }

    private sealed class PartialSample : ICase
    {
        public void Check<TNet, T>()
            where TNet : ITrainableNetwork<T>, new()
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var twins = new Twins<TNet, T>();
            int length = (3 * TNet.InputSize) + 1;
            var inputs = new T[length];
            var training = Assert.Throws<ArgumentException>(() => twins.Net.TrainBatch(inputs, new T[3 * TNet.OutputSize]));
            var forward = Assert.Throws<ArgumentException>(() => twins.Net.ForwardBatch(inputs, new T[3 * TNet.OutputSize]));
            foreach (ArgumentException error in new[] { training, forward })
            {
                Assert.Equal("inputs", error.ParamName);
                Assert.Contains($"{TNet.InputSize} values each", error.Message, StringComparison.Ordinal);
                Assert.Contains($"holds {length} values", error.Message, StringComparison.Ordinal);
            }

            twins.AssertNothingChanged("inputs of 3⅟ samples");
        }
    }

    private sealed class OtherCount : ICase
    {
        public void Check<TNet, T>()
            where TNet : ITrainableNetwork<T>, new()
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var twins = new Twins<TNet, T>();
            var inputs = new T[3 * TNet.InputSize];
            int expected = 3 * TNet.OutputSize, wrong = 2 * TNet.OutputSize;
            var training = Assert.Throws<ArgumentException>(() => twins.Net.TrainBatch(inputs, new T[wrong]));
            Assert.Equal("targets", training.ParamName);
            var forward = Assert.Throws<ArgumentException>(() => twins.Net.ForwardBatch(inputs, new T[wrong]));
            Assert.Equal("outputs", forward.ParamName);
            foreach (ArgumentException error in new[] { training, forward })
            {
                Assert.Contains($"exactly {expected} values, but it holds {wrong}", error.Message, StringComparison.Ordinal);
            }

            // No inputs but room for outputs: zero samples expect zero outputs.
            var empty = Assert.Throws<ArgumentException>(() => twins.Net.ForwardBatch(ReadOnlySpan<T>.Empty, new T[TNet.OutputSize]));
            Assert.Equal("outputs", empty.ParamName);
            Assert.Contains($"exactly 0 values, but it holds {TNet.OutputSize}", empty.Message, StringComparison.Ordinal);
            twins.AssertNothingChanged("targets or outputs of another count");
        }
    }

    private sealed class NonFinite : ICase
    {
        public void Check<TNet, T>()
            where TNet : ITrainableNetwork<T>, new()
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (T bad in new[] { T.NaN, T.PositiveInfinity, T.NegativeInfinity })
            {
                foreach (bool inTargets in new[] { false, true })
                {
                    var twins = new Twins<TNet, T>();
                    T[] inputs = (T[])twins.Inputs.Clone(), targets = (T[])twins.Targets.Clone();
                    T[] poisoned = inTargets ? targets : inputs;
                    poisoned[poisoned.Length - 2] = bad; // in the last sample, after every other has been read
                    T loss = twins.Net.TrainBatch(inputs, targets);
                    Assert.True(T.IsNaN(loss), $"{typeof(TNet).Name}: {bad} in the {(inTargets ? "targets" : "inputs")} gave {loss}");
                    twins.AssertNothingChanged($"{bad} in the {(inTargets ? "targets" : "inputs")}");
                }
            }
        }
    }

    /// <summary>A network and its twin, trained one identical step; the test then gives <see cref="Net"/> a bad call.</summary>
    private sealed class Twins<TNet, T>
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private const int Count = 6;
        private readonly TNet _twin = new();
        private readonly T[] _before = new T[TNet.ParameterCount];

        public Twins()
        {
            var random = new Random(1);
            Inputs = BatchData.Inputs<TNet, T>(random, Count);
            Targets = BatchData.Targets<TNet, T>(random, Count);
            Net.SeedDropout(3);
            _twin.SeedDropout(3);
            Net.TrainBatch(Inputs, Targets); // moments and step count set, the scratch made
            _twin.TrainBatch(Inputs, Targets);
            Net.GetParameters(_before);
        }

        public TNet Net { get; } = new();

        public T[] Inputs { get; }

        public T[] Targets { get; }

        /// <summary>Net's parameters are as before the bad call, and the next two steps are the twin's, bit for bit.</summary>
        public void AssertNothingChanged(string what)
        {
            var theta = new T[TNet.ParameterCount];
            Net.GetParameters(theta);
            BatchEquivalence.AssertSameBits<T>(_before, theta, $"{typeof(TNet).Name}, parameters after {what}");
            var twinTheta = new T[TNet.ParameterCount];
            for (int step = 0; step < 2; step++)
            {
                T loss = Net.TrainBatch(Inputs, Targets), twinLoss = _twin.TrainBatch(Inputs, Targets);
                Net.GetParameters(theta);
                _twin.GetParameters(twinTheta);
                BatchEquivalence.AssertSameBits<T>(new[] { twinLoss }, new[] { loss }, $"{typeof(TNet).Name}, loss of step {step} after {what}");
                BatchEquivalence.AssertSameBits<T>(twinTheta, theta, $"{typeof(TNet).Name}, parameters after step {step} after {what}");
            }
        }
    }
}
