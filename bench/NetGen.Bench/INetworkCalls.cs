using System;

namespace NetGen.Bench;

/// <summary>
/// The calls the timed loops make. Each workload's network gets a small struct implementing it, so that the
/// generic loops are compiled once per network (a struct type argument is never shared) and call the generated
/// methods directly: no interface dispatch inside the timed loops, as in hand-written code.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface INetworkCalls<TSelf>
    where TSelf : struct, INetworkCalls<TSelf>
{
    /// <summary>A new network (its parameters are replaced before use).</summary>
    static abstract TSelf Create();

    /// <summary>The network for everything outside the timed loops.</summary>
    ITrainableNetwork<float> Network { get; }

    float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets);

    void Forward(ReadOnlySpan<float> input, Span<float> output);

    void ForwardBatch(ReadOnlySpan<float> inputs, Span<float> outputs);
}
