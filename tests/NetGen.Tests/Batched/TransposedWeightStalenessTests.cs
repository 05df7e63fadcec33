using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using NetGen.Onnx;
using NetGen.Serialization;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// The batched members keep Wᵀ of every layer beside θ and redo it only when θ has changed: after every way θ can
/// change (SetParameters, of all parameters or of one weight; InitializeParameters; TrainStep; ApplyGradients;
/// TrainBatch; a safetensors or ONNX load), ForwardBatch and TrainBatch must compute with the new θ. Each case first
/// runs a batched member (so Wᵀ exists), changes θ, then compares with a fresh twin given the same θ (which has no Wᵀ
/// yet): the same bits, since both run the same code on the same numbers; ForwardBatch is also compared with Forward,
/// and the change must have moved the outputs (else the case could not fail).
/// </summary>
public sealed class TransposedWeightStalenessTests
{
    private const int Count = 9;

    public static TheoryData<string> Changes() => new()
    {
        "SetParameters", "SetParameters of one first-layer weight", "SetParameters of one last-layer weight", "InitializeParameters",
        "TrainStep", "ApplyGradients", "TrainBatch", "LoadWeights", "LoadOnnx",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void ForwardBatch_sees_the_new_parameters(string change)
    {
        ForwardBatchAfter<TanhReluLinearMse, double>(change, Count);
        ForwardBatchAfter<EluSoftplusSoftmaxCce, float>(change, Count);
        ForwardBatchAfter<MixedMaxout, double>(change, Count);
        ForwardBatchAfter<DropoutAfterMaxout, float>(change, 300); // more than one block of 256
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void TrainBatch_sees_the_new_parameters(string change)
    {
        TrainBatchAfter<TanhReluLinearMse, double>(change);
        TrainBatchAfter<EluSoftplusSoftmaxCce, float>(change);
        TrainBatchAfter<MixedMaxout, double>(change);
        TrainBatchAfter<DropoutAfterMaxout, float>(change);
    }

    private static void ForwardBatchAfter<TNet, T>(string change, int count)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(3);
        var net = new TNet();
        BatchData.RandomizeBiases<TNet, T>(net, random);
        T[] inputs = BatchData.Inputs<TNet, T>(random, count);
        T[] old = new T[count * TNet.OutputSize], outputs = new T[old.Length], fresh = new T[old.Length];
        net.ForwardBatch(inputs, old); // Wᵀ made from θ

        Change<TNet, T>(net, change, random);
        net.ForwardBatch(inputs, outputs);

        string what = $"{typeof(TNet).Name}, ForwardBatch after {change}";
        FreshTwin<TNet, T>(net).ForwardBatch(inputs, fresh);
        BatchEquivalence.AssertSameBits<T>(fresh, outputs, what + " (against a fresh twin)");
        BatchEquivalence.AssertOutputsMatchForward<TNet, T>(net, inputs, outputs, what);
        AssertMoved<T>(old, outputs, what);
    }

    private static void TrainBatchAfter<TNet, T>(string change)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(Optimizer.Sgd, TNet.OptimizerAlgorithm); // no moments: the fresh twin's state is the same
        var random = new Random(4);
        var net = new TNet();
        BatchData.RandomizeBiases<TNet, T>(net, random);
        T[] inputs = BatchData.Inputs<TNet, T>(random, Count), targets = BatchData.Targets<TNet, T>(random, Count);
        net.TrainBatch(inputs, targets); // Wᵀ made from θ (and marked stale by the update: redone by the ForwardBatch)
        net.ForwardBatch(inputs, new T[Count * TNet.OutputSize]);

        Change<TNet, T>(net, change, random);
        TNet twin = FreshTwin<TNet, T>(net);
        twin.Hyperparameters.LearningRate = net.Hyperparameters.LearningRate;
        net.SeedDropout(8);
        twin.SeedDropout(8);
        T loss = net.TrainBatch(inputs, targets), twinLoss = twin.TrainBatch(inputs, targets);

        string what = $"{typeof(TNet).Name}, TrainBatch after {change}";
        BatchEquivalence.AssertSameBits<T>(new[] { twinLoss }, new[] { loss }, what + ": loss");
        T[] theta = new T[TNet.ParameterCount], twinTheta = new T[TNet.ParameterCount];
        net.GetParameters(theta);
        twin.GetParameters(twinTheta);
        BatchEquivalence.AssertSameBits<T>(twinTheta, theta, what + ": parameters");
    }

    /// <summary>A new instance with <paramref name="net"/>'s parameters: it has never run a batched member.</summary>
    private static TNet FreshTwin<TNet, T>(TNet net)
        where TNet : INetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var theta = new T[TNet.ParameterCount];
        net.GetParameters(theta);
        var twin = new TNet();
        twin.SetParameters(theta);
        return twin;
    }

    private static void Change<TNet, T>(TNet net, string change, Random random)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = TNet.ParameterCount;
        var theta = new T[p];
        net.GetParameters(theta);
        var other = new TNet();
        other.InitializeParameters(77);
        BatchData.RandomizeBiases<TNet, T>(other, random);
        net.Hyperparameters.LearningRate = 0.5; // a step that moves the outputs visibly
        switch (change)
        {
            case "SetParameters":
                other.GetParameters(theta);
                net.SetParameters(theta);
                break;
            case "SetParameters of one first-layer weight":
                theta[0] += T.One;
                net.SetParameters(theta);
                break;
            case "SetParameters of one last-layer weight":
                int offset = p - TNet.Layers[^1].ParameterCount;
                for (int k = offset; k < offset + TNet.Layers[^1].WeightCount; k += TNet.Layers[^1].Inputs + 1)
                {
                    theta[k] += T.One; // the diagonal-ish: one weight per output row, so every output moves
                }

                net.SetParameters(theta);
                break;
            case "InitializeParameters":
                net.InitializeParameters(1234);
                break;
            case "TrainStep":
                net.TrainStep(BatchData.Inputs<TNet, T>(random, 1), BatchData.Targets<TNet, T>(random, 1));
                break;
            case "ApplyGradients":
                T[] gradient = new T[p];
                for (int k = 0; k < p; k++)
                {
                    gradient[k] = T.CreateTruncating(random.NextDouble() - 0.5);
                }

                net.ApplyGradients(gradient, 1);
                break;
            case "TrainBatch":
                net.TrainBatch(BatchData.Inputs<TNet, T>(random, 5), BatchData.Targets<TNet, T>(random, 5));
                break;
            case "LoadWeights":
                string path = Path.Combine(Path.GetTempPath(), $"netgen-staleness-{Guid.NewGuid():N}.safetensors");
                try
                {
                    SafeTensors.Save<TNet, T>(other, path); // what the generated SaveWeights and LoadWeights call
                    SafeTensors.Load<TNet, T>(net, path);
                }
                finally
                {
                    File.Delete(path);
                }

                break;
            case "LoadOnnx":
                using (var stream = new MemoryStream())
                {
                    OnnxModel.Save<TNet, T>(other, stream); // what the generated SaveOnnx and LoadOnnx call
                    stream.Position = 0;
                    OnnxModel.Load<TNet, T>(net, stream);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "no such change");
        }
    }

    private static void AssertMoved<T>(ReadOnlySpan<T> old, ReadOnlySpan<T> outputs, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T largest = T.Zero;
        for (int k = 0; k < old.Length; k++)
        {
            largest = T.Max(largest, T.Abs(outputs[k] - old[k]));
        }

        Assert.True(largest > T.CreateTruncating(1e-3), $"{what}: the change moved no output by more than {largest}, so the case proves nothing");
    }
}
