using System;
using NetGen;
using NetGen.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// Where a second thread starts to pay: the 784→128 forward product from Wᵀ (ReLU; the kernel the generated TrainBatch and
/// ForwardBatch call) at batch sizes 1 … 256, cut into two chunks of samples and run with one thread and with two
/// (ParallelChunks), alternating, fastest of five rounds each.
/// </summary>
internal sealed class ThreadThreshold : IParallelChunkJob
{
    private readonly float[] _x = new float[256 * 784], _wt = new float[784 * 128], _b = new float[128], _a = new float[256 * 128];
    private int _count;

    public static void Print()
    {
        var job = new ThreadThreshold();
        Array.Fill(job._x, 0.5f);
        Array.Fill(job._wt, 0.01f);
        Console.WriteLine("| batch | multiply-adds | 1 thread µs | 2 threads µs | 2 threads / 1 |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (int count in new[] { 4, 8, 16, 32, 64, 128, 256 })
        {
            job._count = count;
            double one = 0, two = 0;
            for (int repeat = 0; repeat < 3; repeat++)
            {
                one = KernelRates.Fastest(() => ParallelChunks.Run(job, 2, 1));
                two = KernelRates.Fastest(() => ParallelChunks.Run(job, 2, 2));
            }

            Console.WriteLine($"| {count} | {count * 784L * 128:N0} | {one * 1e6:F2} | {two * 1e6:F2} | {two / one:F2} |");
        }
    }

    public void RunChunk(int chunk, int chunkCount)
    {
        ChunkRange r = ChunkRange.Of(_count, chunkCount, chunk, 4);
        BatchMatrix.ForwardTransposed<float>(_x.AsSpan(r.Start * 784, r.Length * 784), _wt, _b, _a.AsSpan(r.Start * 128, r.Length * 128), 784, Activation.ReLU);
    }
}
