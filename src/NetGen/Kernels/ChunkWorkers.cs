using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace NetGen.Kernels;

/// <summary>
/// The pooled threads behind <see cref="ParallelChunks"/>: created on first need (as many as the largest degree of
/// parallelism asked for, less one), background, each waiting on its own event between runs. One run at a time
/// (<see cref="TryEnter"/>); the calling thread takes chunks too. Chunks are claimed from a shared counter.
/// </summary>
internal static class ChunkWorkers
{
    /// <summary>How long a waiting thread spins before it blocks: a worker woken within this stays hot.</summary>
    private const int SpinCount = 200;

    private static readonly object s_growLock = new();
    private static ManualResetEventSlim[] s_start = Array.Empty<ManualResetEventSlim>();
    private static readonly ManualResetEventSlim s_done = new(false, SpinCount);
    private static int s_busy;
    private static IParallelChunkJob? s_job;
    private static int s_chunkCount, s_next, s_running;
    private static ExceptionDispatchInfo? s_failure;

    /// <summary>Claims the pool for one run; false if a run is in progress (on this thread or another).</summary>
    public static bool TryEnter() => Interlocked.CompareExchange(ref s_busy, 1, 0) == 0;

    /// <summary>Releases the pool.</summary>
    public static void Exit() => Volatile.Write(ref s_busy, 0);

    /// <summary>Runs every chunk on the calling thread and min(degree, chunkCount) − 1 workers; the caller holds the pool.</summary>
    public static void Run(IParallelChunkJob job, int chunkCount, int degreeOfParallelism)
    {
        int helpers = Math.Min(degreeOfParallelism, chunkCount) - 1;
        ManualResetEventSlim[] start = Ensure(helpers);
        s_job = job;
        s_chunkCount = chunkCount;
        s_next = 0;
        s_failure = null;
        s_done.Reset();
        Volatile.Write(ref s_running, helpers);
        for (int w = 0; w < helpers; w++)
        {
            start[w].Set();
        }

        Work();
        s_done.Wait();
        s_job = null;
        s_failure?.Throw();
    }

    /// <summary>Claims and runs chunks until none is left.</summary>
    private static void Work()
    {
        IParallelChunkJob job = s_job!;
        int count = s_chunkCount;
        for (int c = Interlocked.Increment(ref s_next) - 1; c < count; c = Interlocked.Increment(ref s_next) - 1)
        {
            try
            {
                job.RunChunk(c, count);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref s_failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }

    private static ManualResetEventSlim[] Ensure(int helpers)
    {
        ManualResetEventSlim[] start = Volatile.Read(ref s_start);
        if (start.Length >= helpers)
        {
            return start;
        }

        lock (s_growLock)
        {
            start = s_start;
            var grown = new ManualResetEventSlim[helpers];
            Array.Copy(start, grown, start.Length);
            for (int w = start.Length; w < helpers; w++)
            {
                var signal = new ManualResetEventSlim(false, SpinCount);
                grown[w] = signal;
                new Thread(() => Loop(signal)) { IsBackground = true, Name = $"NetGen chunk worker {w + 1}" }.Start();
            }

            Volatile.Write(ref s_start, grown);
            return grown;
        }
    }

    private static void Loop(ManualResetEventSlim signal)
    {
        while (true)
        {
            signal.Wait();
            signal.Reset();
            Work();
            if (Interlocked.Decrement(ref s_running) == 0)
            {
                s_done.Set();
            }
        }
    }
}
