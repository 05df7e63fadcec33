using System;
using System.Threading;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// ParallelChunks, ChunkRange and Parallelism: every chunk runs exactly once on any degree of parallelism, boundaries
/// depend on the sizes only, partial sums reduced in chunk order give the same bits for 1, 2, 3 and 8 threads,
/// failures surface on the caller, nested calls run inline, and a call allocates nothing on the calling thread.
/// </summary>
public sealed class ParallelChunksTests
{
    private sealed class CountingJob : IParallelChunkJob
    {
        public int[] Runs = new int[64];

        public void RunChunk(int chunk, int chunkCount)
        {
            Interlocked.Increment(ref Runs[chunk]);
            Thread.SpinWait(200);
        }
    }

    /// <summary>Partial ∂W over chunks of samples (a gradient split the way the step 3 describes), each chunk into its own slot.</summary>
    private sealed class PartialGradientJob : ISpanChunkJob<float>
    {
        public const int Inputs = 37, Outputs = 11;
        public readonly float[] Partials;
        private readonly int _count;

        public PartialGradientJob(int count, int chunks) => (_count, Partials) = (count, new float[chunks * ((Outputs * Inputs) + Outputs)]);

        public void RunChunk(int chunk, int chunkCount, ReadOnlySpan<float> delta, ReadOnlySpan<float> x)
        {
            ChunkRange r = ChunkRange.Of(_count, chunkCount, chunk);
            int size = (Outputs * Inputs) + Outputs;
            Span<float> slot = Partials.AsSpan(chunk * size, size);
            slot.Clear();
            BatchMatrix.AddWeightGradient<float>(delta.Slice(r.Start * Outputs, r.Length * Outputs), x.Slice(r.Start * Inputs, r.Length * Inputs),
                slot.Slice(0, Outputs * Inputs), slot.Slice(Outputs * Inputs), Inputs);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void EveryChunkRunsExactlyOnce(int threads)
    {
        var job = new CountingJob();
        for (int round = 0; round < 20; round++)
        {
            ParallelChunks.Run(job, 64, threads);
        }

        Assert.All(job.Runs, n => Assert.Equal(20, n));
    }

    [Fact]
    public void PartialGradientsReducedInChunkOrderGiveTheSameBitsForEveryThreadCount()
    {
        const int count = 50, chunks = 7, size = (PartialGradientJob.Outputs * PartialGradientJob.Inputs) + PartialGradientJob.Outputs;
        float[] delta = KernelData.Uniform<float>(count * PartialGradientJob.Outputs, 1), x = KernelData.Uniform<float>(count * PartialGradientJob.Inputs, 2);
        float[]? first = null;
        foreach (int threads in new[] { 1, 2, 3, 8 })
        {
            var job = new PartialGradientJob(count, chunks);
            ParallelChunks.Run(job, chunks, delta, x, threads);
            var gradient = new float[size];
            ParallelChunks.AddInOrder<float>(job.Partials, gradient);
            first ??= gradient;
            Assert.Equal(first, gradient);
        }

        // The reduction itself: element by element, chunk 0 first.
        var job1 = new PartialGradientJob(count, chunks);
        ParallelChunks.Run(job1, chunks, delta, x, 1);
        for (int i = 0; i < size; i++)
        {
            float sum = 0;
            for (int c = 0; c < chunks; c++)
            {
                sum += job1.Partials[(c * size) + i];
            }

            Assert.Equal(sum, first![i]);
        }
    }

    [Fact]
    public void ChunkRangesTileTheRowsAtTheGranularityWhateverTheCount()
    {
        foreach (int total in new[] { 0, 1, 5, 63, 64, 65, 257 })
        {
            foreach (int chunks in new[] { 1, 2, 3, 7, 16 })
            {
                foreach (int granularity in new[] { 1, 4 })
                {
                    int next = 0;
                    for (int c = 0; c < chunks; c++)
                    {
                        ChunkRange r = ChunkRange.Of(total, chunks, c, granularity);
                        Assert.Equal(next, r.Start);
                        Assert.True(r.Length >= 0);
                        Assert.True(r.Start % granularity == 0 || r.Length == 0, $"{total}/{chunks}/{granularity}: chunk {c} starts at {r.Start}");
                        next = r.Start + r.Length;
                    }

                    Assert.Equal(total, next);
                }
            }
        }
    }

    [Fact]
    public void ChunkCountDependsOnTheWorkOnly()
    {
        Assert.Equal(1, Parallelism.ChunkCount(Parallelism.MinimumMultiplyAddsPerChunk - 1, 16));
        Assert.Equal(2, Parallelism.ChunkCount(2 * Parallelism.MinimumMultiplyAddsPerChunk, 16));
        Assert.Equal(3, Parallelism.ChunkCount(100 * Parallelism.MinimumMultiplyAddsPerChunk, 3));
        Assert.Equal(Parallelism.MaximumChunks, Parallelism.ChunkCount(long.MaxValue, int.MaxValue));
        Assert.Equal(1, Parallelism.ChunkCount(0, 0));
    }

    private sealed class FailingJob : IParallelChunkJob
    {
        public int Finished;

        public void RunChunk(int chunk, int chunkCount)
        {
            if (chunk == 3)
            {
                throw new InvalidOperationException("chunk 3");
            }

            Interlocked.Increment(ref Finished);
        }
    }

    [Fact]
    public void AFailingChunkIsRethrownOnTheCallerAfterTheOthersHaveRun()
    {
        var job = new FailingJob();
        Assert.Equal("chunk 3", Assert.Throws<InvalidOperationException>(() => ParallelChunks.Run(job, 8, 2)).Message);
        Assert.Equal(7, job.Finished);

        // The pool is free again.
        var counting = new CountingJob();
        ParallelChunks.Run(counting, 4, 2);
        Assert.Equal(new[] { 1, 1, 1, 1 }, counting.Runs.AsSpan(0, 4).ToArray());
    }

    private sealed class NestingJob : IParallelChunkJob
    {
        public readonly CountingJob Inner = new();

        public void RunChunk(int chunk, int chunkCount) => ParallelChunks.Run(Inner, 4, 2);
    }

    [Fact]
    public void ACallFromInsideARunningJobRunsInline()
    {
        var job = new NestingJob();
        ParallelChunks.Run(job, 3, 2);
        Assert.Equal(new[] { 3, 3, 3, 3 }, job.Inner.Runs.AsSpan(0, 4).ToArray());
    }

    [Fact]
    public void ARunAllocatesNothingOnTheCallingThreadOnceWarm()
    {
        var job = new CountingJob();
        ParallelChunks.Run(job, 8, 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ParallelChunks.Run(job, 8, 2);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BadArgumentsThrowNamingTheParameter()
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.DegreeOfParallelism = 0).ParamName);
        Assert.Equal("chunkCount", Assert.Throws<ArgumentOutOfRangeException>(() => ParallelChunks.Run(new CountingJob(), -1, 2)).ParamName);
        Assert.Equal("degreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => ParallelChunks.Run(new CountingJob(), 2, 0)).ParamName);
        Assert.Equal("chunk", Assert.Throws<ArgumentOutOfRangeException>(() => ChunkRange.Of(10, 2, 2)).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentException>(() => ParallelChunks.AddInOrder<float>(new float[5], new float[2])).ParamName);
    }
}
