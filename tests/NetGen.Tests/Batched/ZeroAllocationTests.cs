using System;
using System.Numerics;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// After a warm-up call (which sizes the scratch and, with threads, starts the workers), TrainBatch and ForwardBatch
/// allocate nothing, counted by GC.GetAllocatedBytesForCurrentThread (with two threads: the calling thread's share).
/// </summary>
[Collection(ParallelismSettingCollection.Name)]
public sealed class ZeroAllocationTests
{
    private const int Calls = 10;

    [Fact]
    public void One_thread_allocates_nothing_in_steady_state()
    {
        using var scope = new DegreeOfParallelismScope(1);
        AssertNoAllocation<WideChunked, float>(64);
        AssertNoAllocation<DropoutAfterMaxout, float>(17);
        AssertNoAllocation<MixedMaxout, double>(5);
        AssertNoAllocation<RmsPropKernels, double>(33);
        AssertNoAllocation<AdamKernels, float>(300); // ForwardBatch in two blocks
        AssertNoAllocation<WrittenOutAdamDropout, float>(8); // sample by sample: the gradient buffer lives with the network
        AssertNoAllocation<DigitsNet, float>(64);
    }

    [Fact]
    public void Two_threads_allocate_nothing_on_the_calling_thread_in_steady_state()
    {
        // The calling thread takes chunks too. What the worker threads allocate cannot be counted here: the process-wide
        // GC.GetTotalAllocatedBytes also counts the test host's own threads, which allocate a few hundred bytes to a few
        // kilobytes in any window even with one thread (measured); the BenchmarkDotNet memory diagnoser, in a process of
        // its own, counts them. A lazily made lock (a ManualResetEventSlim's, the first time the caller has to block)
        // may appear once: one window in five without a byte proves that no call allocates.
        using var scope = new DegreeOfParallelismScope(2);
        var random = new Random(2);
        const int count = 600; // several chunks in both phases and in ForwardBatch's blocks
        float[] inputs = BatchData.Inputs<WideChunked, float>(random, count), targets = BatchData.Targets<WideChunked, float>(random, count);
        float[] outputs = new float[count * WideChunked.OutputSize];
        var net = new WideChunked();
        net.Hyperparameters.LearningRate = 1e-3;
        net.TrainBatch(inputs, targets);
        net.ForwardBatch(inputs, outputs);

        long fewest = long.MaxValue;
        for (int window = 0; window < 5 && fewest > 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            net.TrainBatch(inputs, targets);
            net.ForwardBatch(inputs, outputs);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    private static void AssertNoAllocation<TNet, T>(int count)
        where TNet : ITrainableNetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(count);
        T[] inputs = BatchData.Inputs<TNet, T>(random, count), targets = BatchData.Targets<TNet, T>(random, count);
        T[] outputs = new T[count * TNet.OutputSize];
        var net = new TNet();
        net.Hyperparameters.LearningRate = 1e-3;
        for (int warmUp = 0; warmUp < 2; warmUp++)
        {
            net.TrainBatch(inputs, targets);
            net.ForwardBatch(inputs, outputs);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < Calls; call++)
        {
            net.TrainBatch(inputs, targets);
        }

        long training = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int call = 0; call < Calls; call++)
        {
            net.ForwardBatch(inputs, outputs);
        }

        long forward = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(training == 0 && forward == 0, $"{typeof(TNet).Name}, {count} samples: TrainBatch allocated {training} bytes, ForwardBatch {forward} bytes in {Calls} calls");
    }
}
