using System;
using NetGen.Bench.Networks;

namespace NetGen.Bench;

/// <summary>Direct calls into the generated <see cref="XorNet"/>.</summary>
internal readonly struct XorCalls(XorNet net) : INetworkCalls<XorCalls>
{
    public static XorCalls Create() => new(new XorNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient) => net.BackwardBatch(inputs, targets, gradient);

    public void ApplyGradients(ReadOnlySpan<float> gradient, int batchSize) => net.ApplyGradients(gradient, batchSize);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);
}

/// <summary>Direct calls into the generated <see cref="IrisNet"/>.</summary>
internal readonly struct IrisCalls(IrisNet net) : INetworkCalls<IrisCalls>
{
    public static IrisCalls Create() => new(new IrisNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient) => net.BackwardBatch(inputs, targets, gradient);

    public void ApplyGradients(ReadOnlySpan<float> gradient, int batchSize) => net.ApplyGradients(gradient, batchSize);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);
}

/// <summary>Direct calls into the generated <see cref="DigitsNet"/>.</summary>
internal readonly struct DigitsCalls(DigitsNet net) : INetworkCalls<DigitsCalls>
{
    public static DigitsCalls Create() => new(new DigitsNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient) => net.BackwardBatch(inputs, targets, gradient);

    public void ApplyGradients(ReadOnlySpan<float> gradient, int batchSize) => net.ApplyGradients(gradient, batchSize);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);
}

/// <summary>Direct calls into the generated <see cref="MnistNet"/>.</summary>
internal readonly struct MnistCalls(MnistNet net) : INetworkCalls<MnistCalls>
{
    public static MnistCalls Create() => new(new MnistNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient) => net.BackwardBatch(inputs, targets, gradient);

    public void ApplyGradients(ReadOnlySpan<float> gradient, int batchSize) => net.ApplyGradients(gradient, batchSize);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);
}

/// <summary>Direct calls into the generated <see cref="DeepNet"/>.</summary>
internal readonly struct DeepCalls(DeepNet net) : INetworkCalls<DeepCalls>
{
    public static DeepCalls Create() => new(new DeepNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> gradient) => net.BackwardBatch(inputs, targets, gradient);

    public void ApplyGradients(ReadOnlySpan<float> gradient, int batchSize) => net.ApplyGradients(gradient, batchSize);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);
}
