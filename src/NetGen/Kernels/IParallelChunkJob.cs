namespace NetGen.Kernels;

/// <summary>
/// Work cut into numbered chunks for <see cref="ParallelChunks.Run(IParallelChunkJob, int)"/>: each chunk must write
/// only its own outputs (or its own partial sums), so that the chunks may run on any threads in any order.
/// Implement it on an object that lives as long as the work (the network itself, say): no allocation per call.
/// </summary>
public interface IParallelChunkJob
{
    /// <summary>Does chunk <paramref name="chunk"/> of <paramref name="chunkCount"/>.</summary>
    void RunChunk(int chunk, int chunkCount);
}

/// <summary>
/// <see cref="IParallelChunkJob"/> for work that reads two caller spans (a batch's inputs and targets, say), which
/// <see cref="ParallelChunks.Run{T}(ISpanChunkJob{T}, int, System.ReadOnlySpan{T}, System.ReadOnlySpan{T})"/> pins and hands to every chunk.
/// </summary>
/// <typeparam name="T">The element type of the spans.</typeparam>
public interface ISpanChunkJob<T>
    where T : unmanaged
{
    /// <summary>Does chunk <paramref name="chunk"/> of <paramref name="chunkCount"/>, reading the spans given to Run.</summary>
    void RunChunk(int chunk, int chunkCount, System.ReadOnlySpan<T> first, System.ReadOnlySpan<T> second);
}
