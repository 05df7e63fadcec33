using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// What every generated network offers, so that run-time code (trainers, weight files, gradient
/// checks) is written once for all of them. The generator implements it on each
/// <see cref="NetworkAttribute"/> class, with <typeparamref name="T"/> <see cref="float"/> or <see cref="double"/>.
/// </summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
public interface INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Values per input sample.</summary>
    static abstract int InputSize { get; }

    /// <summary>Values per output (and per target).</summary>
    static abstract int OutputSize { get; }

    /// <summary>Weights and biases in all, in math.md's flat order.</summary>
    static abstract int ParameterCount { get; }

    /// <summary>The input width followed by every Dense layer's width (layers without parameters do not appear).</summary>
    static abstract ReadOnlySpan<int> LayerSizes { get; }

    /// <summary>The activation of every Dense layer, in order.</summary>
    static abstract ReadOnlySpan<Activation> LayerActivations { get; }

    /// <summary>
    /// Every layer with parameters, in order: kind, fan-in, width, pieces, activation and α. Run-time code reads
    /// the architecture from here (the same facts as <see cref="LayerSizes"/> and <see cref="LayerActivations"/>, and more).
    /// </summary>
    static abstract ReadOnlySpan<LayerDescription> Layers { get; }

    /// <summary>The loss the network was declared with.</summary>
    static abstract Loss LossFunction { get; }

    /// <summary>Computes the network's output for one sample.</summary>
    void Forward(ReadOnlySpan<T> input, Span<T> output);

    /// <summary>
    /// <see cref="Forward"/> for a batch stored sample after sample: <paramref name="inputs"/> holds count × InputSize
    /// values, <paramref name="outputs"/> receives count × OutputSize. Networks with layers on the SIMD kernels compute it
    /// as matrix products (math.md, "Mini-batches computed as matrix products") on up to
    /// <see cref="Kernels.Parallelism.DegreeOfParallelism"/> threads when the batch is large enough to gain; each output
    /// is the same bits for every thread count and agrees with <see cref="Forward"/> to rounding. Scratch space lives with
    /// the network (allocated by the first batch larger than any before), so the steady state allocates nothing; one
    /// instance must not run two batched calls at once.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> is not a whole number of samples, or <paramref name="outputs"/> does not hold as many.</exception>
    void ForwardBatch(ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>The per-sample loss L(output, target) of math.md.</summary>
    T ComputeLoss(ReadOnlySpan<T> output, ReadOnlySpan<T> target);

    /// <summary>Copies every parameter, in math.md's flat order, into <paramref name="destination"/>.</summary>
    void GetParameters(Span<T> destination);

    /// <summary>Replaces every parameter, in math.md's flat order, from <paramref name="source"/>.</summary>
    void SetParameters(ReadOnlySpan<T> source);

    /// <summary>Glorot/He uniform weights and zero biases from <paramref name="seed"/>; identical on every machine.</summary>
    void InitializeParameters(int seed);
}

/// <summary>A network without a Step layer: it has a gradient.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
public interface ITrainableNetwork<T> : INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// One sample of backpropagation: <b>adds</b> ∂L/∂θ into <paramref name="gradient"/> (flat order,
    /// so mini-batches accumulate) and returns the sample's loss. A NaN or infinite input or target value makes it
    /// return NaN and add nothing (docs/reliability.md).
    /// </summary>
    T Backward(ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> gradient);

    /// <summary>
    /// <see cref="Backward"/> for every sample of a mini-batch stored one after another (<paramref name="inputs"/>:
    /// count × InputSize values, <paramref name="targets"/>: count × OutputSize): <b>adds</b> their ∂L/∂θ into
    /// <paramref name="gradient"/> and returns the sum of their losses. Layers on the SIMD kernels add four samples'
    /// ∂L/∂W in one pass over the gradient; every parameter still receives the samples' contributions one after
    /// another, so the gradient equals calling <see cref="Backward"/> for each sample in turn, bit for bit.
    /// A NaN or infinite value anywhere in the inputs or targets makes it return NaN and add nothing.
    /// A network written by hand can implement it with <see cref="Training.BatchBackward.PerSample{TNet, T}"/>.
    /// </summary>
    T BackwardBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Span<T> gradient);

    /// <summary>The optimizer the network was declared with.</summary>
    static abstract Optimizer OptimizerAlgorithm { get; }

    /// <summary>The optimizer's run-time settings (learning rate, β's, ε, weight decay).</summary>
    Hyperparameters Hyperparameters { get; }

    /// <summary>
    /// Forward, backward and the optimizer's update for one sample, fused and allocation-free.
    /// Returns the sample's loss before the update. Equal to <see cref="Backward"/> into a zeroed
    /// gradient followed by <see cref="ApplyGradients"/> with a batch size of 1. A NaN or infinite input or target value
    /// makes it return NaN and change nothing (parameters, optimizer state, dropout sequence).
    /// </summary>
    T TrainStep(ReadOnlySpan<T> input, ReadOnlySpan<T> target);

    /// <summary>
    /// Forward, backward and one optimizer update for a mini-batch stored sample after sample, with the gradient averaged
    /// over the batch (math.md); returns the mean loss before the update. Dropout masks are drawn as
    /// <see cref="TrainStep"/> draws them, sample after sample. The numbers are math.md's "Mini-batches computed as matrix
    /// products": they agree with <see cref="BackwardBatch"/> into a zeroed gradient followed by
    /// <see cref="ApplyGradients"/> to rounding (not bit for bit), and are the same bits for every
    /// <see cref="Kernels.Parallelism.DegreeOfParallelism"/>. Scratch space lives with the network (allocated by the first
    /// batch larger than any before): the steady state allocates nothing. A NaN or infinite input or target value makes it
    /// return NaN and change nothing; a loss that is not finite (training diverged) is returned without the update.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> holds no sample or is not a whole number of samples, or <paramref name="targets"/> does not hold as many.</exception>
    T TrainBatch(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>
    /// One optimizer update from a gradient summed over <paramref name="batchSize"/> samples
    /// (it is divided by the batch size first; then λw is added).
    /// </summary>
    void ApplyGradients(ReadOnlySpan<T> gradient, int batchSize);

    /// <summary>Zeroes the optimizer's moments and its step count t.</summary>
    void ResetOptimizerState();

    /// <summary>
    /// Restarts the sequence the dropout masks of <see cref="Backward"/> and <see cref="TrainStep"/>
    /// are drawn from (nothing to do for a network without a Dropout layer). Same seed, same masks.
    /// </summary>
    void SeedDropout(int seed);
}
