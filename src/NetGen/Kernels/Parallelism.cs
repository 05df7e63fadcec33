using System;
using System.Threading;

namespace NetGen.Kernels;

/// <summary>
/// How many threads the batch kernels may use, and how a batch's work is cut into chunks. The chunk count is a
/// function of the problem's size only (<see cref="ChunkCount"/>), never of the setting or of thread timing, and
/// the kernels split their outputs (rows of A and G by sample, rows of ∂W by unit) so that every element is
/// computed by the same instructions whichever thread runs its chunk: results are the same bits for every
/// degree of parallelism. Partial sums over samples, where a caller needs them, are combined in chunk order by
/// <see cref="ParallelChunks.AddInOrder{T}"/>.
/// <para>
/// Work split by outputs (each element written by one chunk, and the kernels' bits independent of the rows around it)
/// may use min(<see cref="ChunkCount"/>, <see cref="DegreeOfParallelism"/>) chunks: fewer, larger chunks keep each
/// product's cache blocking (a block of Wᵀ serves every sample of the chunk), and the bits do not change. Work that
/// produces partial sums must use <see cref="ChunkCount"/> alone, so that the reduction is the same for every setting.
/// </para>
/// </summary>
public static class Parallelism
{
    /// <summary>
    /// The fewest multiply-adds a chunk must carry before work is split at all: below this, waking a second thread costs
    /// more than it saves. Measured with <c>bench/fma-peak threshold</c> (the 784→128 forward product cut in two chunks,
    /// one thread against two, docs/performance.md "Batch kernels"): on the shared development machine two threads lost
    /// at 1.6 million multiply-adds per chunk (batch 32) and won at 3.2 million (batch 64); the constant sits between.
    /// Re-measured with the forward product from Wᵀ (the kernel the generated members call) at load ≈ 18, two threads
    /// lost at every batch up to 256 (25.7 million multiply-adds): the second vCPU was never free, so the constant was
    /// kept. A quiet machine wakes a thread faster, so this errs on the side of staying on one thread.
    /// </summary>
    public const long MinimumMultiplyAddsPerChunk = 2_000_000;

    /// <summary>The most chunks <see cref="ChunkCount"/> cuts a product into (enough to balance eight threads).</summary>
    public const int MaximumChunks = 16;

    private static int s_degree = Environment.ProcessorCount;

    /// <summary>
    /// The most threads a batch member (and <see cref="ParallelChunks.Run(IParallelChunkJob, int)"/>) uses, the calling
    /// thread included. Defaults to <see cref="Environment.ProcessorCount"/> (the trainer's default: all cores); set 1
    /// to keep every call on the calling thread. Results do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int DegreeOfParallelism
    {
        get => Volatile.Read(ref s_degree);
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"'{nameof(DegreeOfParallelism)}' must be at least 1, but it is {value}.");
            }

            Volatile.Write(ref s_degree, value);
        }
    }

    /// <summary>
    /// The number of chunks for a product of <paramref name="multiplyAdds"/> multiply-adds whose output has
    /// <paramref name="groups"/> independent groups of rows (tiles of four rows, say): ⌊multiplyAdds /
    /// <see cref="MinimumMultiplyAddsPerChunk"/>⌋, at least 1, at most <paramref name="groups"/> and
    /// <see cref="MaximumChunks"/>. It depends on the sizes only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    public static int ChunkCount(long multiplyAdds, int groups)
    {
        if (multiplyAdds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplyAdds), multiplyAdds, $"'{nameof(multiplyAdds)}' must not be negative, but it is {multiplyAdds}.");
        }

        if (groups < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, $"'{nameof(groups)}' must not be negative, but it is {groups}.");
        }

        long chunks = multiplyAdds / MinimumMultiplyAddsPerChunk;
        return (int)Math.Max(1, Math.Min(chunks, Math.Min(groups, MaximumChunks)));
    }
}
