using System;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// Runs a job's chunks on the calling thread and up to <see cref="Parallelism.DegreeOfParallelism"/> − 1 pooled
/// worker threads (created once, waiting between calls; nothing is allocated per call), and returns when all are
/// done. A single chunk, a degree of 1, a call made from inside a running job or while another call runs: the
/// chunks run on the calling thread in order. Which thread runs a chunk is left to timing; what a chunk computes is
/// not, so results never depend on it. An exception in a chunk is rethrown on the calling thread once all have ended.
/// </summary>
public static class ParallelChunks
{
    /// <summary>Runs chunks 0 … <paramref name="chunkCount"/> − 1 of <paramref name="job"/> on up to <see cref="Parallelism.DegreeOfParallelism"/> threads.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> is negative.</exception>
    public static void Run(IParallelChunkJob job, int chunkCount) => Run(job, chunkCount, Parallelism.DegreeOfParallelism);

    /// <summary>Runs chunks 0 … <paramref name="chunkCount"/> − 1 of <paramref name="job"/> on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> is negative or <paramref name="degreeOfParallelism"/> less than 1.</exception>
    public static void Run(IParallelChunkJob job, int chunkCount, int degreeOfParallelism)
    {
        Check(job, chunkCount, degreeOfParallelism);
        if (chunkCount > 1 && degreeOfParallelism > 1 && ChunkWorkers.TryEnter())
        {
            try
            {
                ChunkWorkers.Run(job, chunkCount, degreeOfParallelism);
            }
            finally
            {
                ChunkWorkers.Exit();
            }

            return;
        }

        for (int c = 0; c < chunkCount; c++)
        {
            job.RunChunk(c, chunkCount);
        }
    }

    /// <summary>Runs chunks 0 … <paramref name="chunkCount"/> − 1 of <paramref name="job"/>, each given the two spans, on up to <see cref="Parallelism.DegreeOfParallelism"/> threads.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> is negative.</exception>
    public static void Run<T>(ISpanChunkJob<T> job, int chunkCount, ReadOnlySpan<T> first, ReadOnlySpan<T> second)
        where T : unmanaged =>
        Run(job, chunkCount, first, second, Parallelism.DegreeOfParallelism);

    /// <summary>Runs chunks 0 … <paramref name="chunkCount"/> − 1 of <paramref name="job"/>, each given the two spans, on up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkCount"/> is negative or <paramref name="degreeOfParallelism"/> less than 1.</exception>
    public static unsafe void Run<T>(ISpanChunkJob<T> job, int chunkCount, ReadOnlySpan<T> first, ReadOnlySpan<T> second, int degreeOfParallelism)
        where T : unmanaged
    {
        Check(job, chunkCount, degreeOfParallelism);
        if (chunkCount > 1 && degreeOfParallelism > 1 && ChunkWorkers.TryEnter())
        {
            SpanJob<T> adapter = SpanJob<T>.Shared;
            try
            {
                // Pinned for the workers, which see the spans as pointer and length until every chunk has ended.
                fixed (T* p1 = first, p2 = second)
                {
                    adapter.Set(job, p1, first.Length, p2, second.Length);
                    ChunkWorkers.Run(adapter, chunkCount, degreeOfParallelism);
                }
            }
            finally
            {
                adapter.Clear();
                ChunkWorkers.Exit();
            }

            return;
        }

        for (int c = 0; c < chunkCount; c++)
        {
            job.RunChunk(c, chunkCount, first, second);
        }
    }

    /// <summary>
    /// destination += partials₀ + partials₁ + … + partials₍c₋₁₎, each element summed in chunk order (partials holds
    /// the chunks' sums one after another, destination.Length values each): the fixed-order reduction of partial
    /// gradients, independent of which thread produced which chunk.
    /// </summary>
    /// <exception cref="ArgumentException">partials is not a whole number of destination-sized chunks.</exception>
    public static void AddInOrder<T>(ReadOnlySpan<T> partials, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int chunks = BatchShape.Samples(nameof(partials), partials.Length, nameof(destination), destination.Length);
        for (int c = 0; c < chunks; c++)
        {
            ReadOnlySpan<T> part = partials.Slice(c * destination.Length, destination.Length);
            int i = 0, width = Vector<T>.Count;
            for (; Vector.IsHardwareAccelerated && i + width <= destination.Length; i += width)
            {
                (new Vector<T>(destination.Slice(i)) + new Vector<T>(part.Slice(i))).CopyTo(destination.Slice(i));
            }

            for (; i < destination.Length; i++)
            {
                destination[i] += part[i];
            }
        }
    }

    private static void Check(object job, int chunkCount, int degreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (chunkCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkCount), chunkCount, $"'{nameof(chunkCount)}' must not be negative, but it is {chunkCount}.");
        }

        if (degreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, $"'{nameof(degreeOfParallelism)}' must be at least 1, but it is {degreeOfParallelism}.");
        }
    }

    /// <summary>An <see cref="ISpanChunkJob{T}"/> with its pinned spans, as the workers see it (one per T, reused).</summary>
    private sealed unsafe class SpanJob<T> : IParallelChunkJob
        where T : unmanaged
    {
        public static readonly SpanJob<T> Shared = new();

        private ISpanChunkJob<T>? _job;
        private T* _first, _second;
        private int _firstLength, _secondLength;

        public void Set(ISpanChunkJob<T> job, T* first, int firstLength, T* second, int secondLength)
        {
            _job = job;
            _first = first;
            _firstLength = firstLength;
            _second = second;
            _secondLength = secondLength;
        }

        public void Clear()
        {
            _job = null;
            _first = null;
            _second = null;
        }

        public void RunChunk(int chunk, int chunkCount) =>
            _job!.RunChunk(chunk, chunkCount, new ReadOnlySpan<T>(_first, _firstLength), new ReadOnlySpan<T>(_second, _secondLength));
    }
}
