using System;

namespace NetGen.Kernels;

/// <summary>One chunk of a batch or of a layer's rows: <see cref="Length"/> rows from <see cref="Start"/>.</summary>
/// <param name="Start">The first row.</param>
/// <param name="Length">How many rows (0 for a chunk past the end).</param>
public readonly record struct ChunkRange(int Start, int Length)
{
    /// <summary>
    /// Chunk <paramref name="chunk"/> of <paramref name="chunkCount"/> over <paramref name="total"/> rows, cut at
    /// multiples of <paramref name="granularity"/> (4 keeps every chunk's tiles whole) and as even as that allows:
    /// the boundaries depend on the sizes only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range (chunk outside 0 … chunkCount − 1, granularity &lt; 1, total &lt; 0).</exception>
    public static ChunkRange Of(int total, int chunkCount, int chunk, int granularity = 1)
    {
        if (total < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"'{nameof(total)}' must not be negative, but it is {total}.");
        }

        if (chunkCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkCount), chunkCount, $"'{nameof(chunkCount)}' must be at least 1, but it is {chunkCount}.");
        }

        if (chunk < 0 || chunk >= chunkCount)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), chunk, $"'{nameof(chunk)}' must lie in 0 … {chunkCount - 1}, but it is {chunk}.");
        }

        if (granularity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, $"'{nameof(granularity)}' must be at least 1, but it is {granularity}.");
        }

        int units = (total + granularity - 1) / granularity, size = units / chunkCount, extra = units % chunkCount;
        int first = (chunk * size) + Math.Min(chunk, extra), count = size + (chunk < extra ? 1 : 0);
        int start = Math.Min(total, first * granularity), end = Math.Min(total, (first + count) * granularity);
        return new ChunkRange(start, end - start);
    }
}
