using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// math.md: the batched members give the same bits for every number of threads. With DegreeOfParallelism 1, 2, 3 and 8
/// in turn, a fresh network trains two TrainBatch steps of 601 samples (cut into several chunks in both phases) and
/// runs ForwardBatch on them (three blocks, each cut in two): every loss, parameter and output must be the bits
/// of the one-thread run.
/// </summary>
[Collection(ParallelismSettingCollection.Name)]
public sealed class ThreadCountDeterminismTests
{
    private const int Count = 601, Steps = 2; // 601: the last chunk ends in a partial tile

    private static readonly int[] Degrees = { 1, 2, 3, 8 };

    [Fact]
    public void Dense_network_with_dropout_gives_the_same_bits_for_every_thread_count()
    {
        // Precondition: the work is cut (see WideChunked's comment for the numbers).
        Assert.True(Parallelism.ChunkCount(2L * Count * ((256 * 64) + (64 * 10)), (Count + 3) / 4) > 1);
        Assert.True(Parallelism.ChunkCount((long)Count * ((256 * 64) + (64 * 10)), 64 / 4) > 1);
        AssertSameBitsForEveryDegree<WideChunked, float>();
    }

    [Fact]
    public void Maxout_network_with_adam_gives_the_same_bits_for_every_thread_count()
    {
        Assert.True(Parallelism.ChunkCount((long)Count * ((128 * 64) + (32 * 8) + (8 * 3)), 64 / 4) > 1);
        AssertSameBitsForEveryDegree<WideMaxoutChunked, double>();
    }

    [Fact]
    public void Instances_training_at_the_same_time_give_the_bits_each_gives_alone()
    {
        // The worker pool is shared by the process (one run at a time; a call that finds it busy runs its chunks on its
        // own thread): three instances training on three threads at once must still get the one-thread bits.
        (float[][] inputs, float[][] targets) = Batches<WideChunked, float>();
        float[] alone;
        using (new DegreeOfParallelismScope(1))
        {
            alone = Run<WideChunked, float>(inputs, targets);
        }

        using (new DegreeOfParallelismScope(2))
        {
            var runs = new float[3][];
            System.Threading.Tasks.Parallel.For(0, runs.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = runs.Length }, r => runs[r] = Run<WideChunked, float>(inputs, targets));
            foreach (float[] run in runs)
            {
                BatchEquivalence.AssertSameBits<float>(alone, run, "WideChunked trained beside two other instances");
            }
        }
    }

    private static (T[][] Inputs, T[][] Targets) Batches<TNet, T>()
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(9);
        T[][] inputs = new T[Steps][], targets = new T[Steps][];
        for (int s = 0; s < Steps; s++)
        {
            inputs[s] = BatchData.Inputs<TNet, T>(random, Count);
            targets[s] = BatchData.Targets<TNet, T>(random, Count);
        }

        return (inputs, targets);
    }

    private static void AssertSameBitsForEveryDegree<TNet, T>()
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[][] inputs, T[][] targets) = Batches<TNet, T>();
        T[]? first = null;
        foreach (int degree in Degrees)
        {
            T[] run;
            using (new DegreeOfParallelismScope(degree))
            {
                run = Run<TNet, T>(inputs, targets);
            }

            if (first is null)
            {
                first = run;
                continue;
            }

            BatchEquivalence.AssertSameBits<T>(first, run, $"{typeof(TNet).Name}: losses, parameters and outputs with {degree} threads against 1");
        }
    }

    /// <summary>The losses of the steps, then the parameters, then ForwardBatch's outputs on the first batch, in one array.</summary>
    private static T[] Run<TNet, T>(T[][] inputs, T[][] targets)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var net = new TNet();
        net.Hyperparameters.LearningRate = 0.05;
        net.SeedDropout(17);
        var result = new T[Steps + TNet.ParameterCount + (Count * TNet.OutputSize)];
        for (int s = 0; s < Steps; s++)
        {
            result[s] = net.TrainBatch(inputs[s], targets[s]);
        }

        net.GetParameters(result.AsSpan(Steps, TNet.ParameterCount));
        net.ForwardBatch(inputs[0], result.AsSpan(Steps + TNet.ParameterCount));
        return result;
    }
}
