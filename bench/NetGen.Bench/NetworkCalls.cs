using System;
using NetGen.Bench.Networks;

namespace NetGen.Bench;

/// <summary>Direct calls into the generated <see cref="XorNet"/>.</summary>
internal readonly struct XorCalls(XorNet net) : INetworkCalls<XorCalls>
{
    public static XorCalls Create() => new(new XorNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => net.TrainBatch(inputs, targets);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => net.ForwardBatch(inputs, outputs);
}

/// <summary>Direct calls into the generated <see cref="IrisNet"/>.</summary>
internal readonly struct IrisCalls(IrisNet net) : INetworkCalls<IrisCalls>
{
    public static IrisCalls Create() => new(new IrisNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => net.TrainBatch(inputs, targets);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => net.ForwardBatch(inputs, outputs);
}

/// <summary>Direct calls into the generated <see cref="DigitsNet"/>.</summary>
internal readonly struct DigitsCalls(DigitsNet net) : INetworkCalls<DigitsCalls>
{
    public static DigitsCalls Create() => new(new DigitsNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => net.TrainBatch(inputs, targets);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => net.ForwardBatch(inputs, outputs);
}

/// <summary>Direct calls into the generated <see cref="MnistNet"/>.</summary>
internal readonly struct MnistCalls(MnistNet net) : INetworkCalls<MnistCalls>
{
    public static MnistCalls Create() => new(new MnistNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => net.TrainBatch(inputs, targets);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => net.ForwardBatch(inputs, outputs);
}

/// <summary>Direct calls into the generated <see cref="DeepNet"/>.</summary>
internal readonly struct DeepCalls(DeepNet net) : INetworkCalls<DeepCalls>
{
    public static DeepCalls Create() => new(new DeepNet());

    public ITrainableNetwork<float> Network => net;

    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => net.TrainStep(input, target);

    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) => net.TrainBatch(inputs, targets);

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => net.Forward(input, output);

    public void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => net.ForwardBatch(inputs, outputs);
}
