using System;
using System.Numerics;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>Seeded inputs for the batch-kernel tests, and the shapes they sweep (around SIMD widths and the 4 × 4 tiles).</summary>
internal static class KernelData
{
    /// <summary>Batch sizes: one, around a tile of four, and odd numbers past it.</summary>
    public static readonly int[] Counts = { 1, 3, 4, 7, 17, 33, 65 };

    /// <summary>Fan-ins: below, at and past one and four vectors of every width.</summary>
    public static readonly int[] Inputs = { 1, 3, 7, 16, 17, 33, 65, 127 };

    /// <summary>Layer widths: below, at and past a tile of four.</summary>
    public static readonly int[] Outputs = { 1, 3, 7, 10, 17, 33 };

    /// <summary>n values uniform in [−1, 1) (fixed seed).</summary>
    public static T[] Uniform<T>(int n, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = T.CreateChecked((2 * random.NextDouble()) - 1);
        }

        return values;
    }

    /// <summary>The values widened to double.</summary>
    public static double[] Wide<T>(T[] values)
        where T : IFloatingPointIeee754<T> =>
        Array.ConvertAll(values, v => double.CreateChecked(v));
}
