using System;
using System.Numerics;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// SgdUpdate.ApplyOuterFma's path for rows of two or four 512-bit vectors (x in registers, stores on 64-byte
/// boundaries, one vector per row straddling into the next): wherever the matrix starts relative to a cache line, every
/// weight gets w − η·g with g = fᵢ·xⱼ rounded and the rest one fused multiply-add — checked against that formula
/// element by element with T.FusedMultiplyAdd, bit for bit, for every start offset within a 64-byte line.
/// </summary>
public sealed class AlignedSgdUpdateTests
{
    [Theory]
    [InlineData(32, 1)]
    [InlineData(32, 5)]
    [InlineData(64, 1)]
    [InlineData(64, 3)]
    [InlineData(64, 64)]
    [InlineData(48, 7)] // not two or four vectors: the row-by-row path, same formula
    public void FloatMatchesTheElementFormulaAtEveryOffset(int columns, int rows) => MatchesAtEveryOffset<float>(columns, rows);

    [Theory]
    [InlineData(16, 4)]
    [InlineData(32, 9)]
    public void DoubleMatchesTheElementFormulaAtEveryOffset(int columns, int rows) => MatchesAtEveryOffset<double>(columns, rows);

    private static void MatchesAtEveryOffset<T>(int columns, int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var update = new SgdUpdate<T>(new Hyperparameters { LearningRate = 0.37 }, 1);
        T rate = T.CreateChecked(0.37);
        T[] x = KernelData.Uniform<T>(columns, columns), f = KernelData.Uniform<T>(rows, rows + 1);
        f[0] = T.Zero; // a unit that did not fire: its row stays as it is
        for (int offset = 0; offset < 64 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>(); offset++)
        {
            T[] storage = KernelData.Uniform<T>(offset + (rows * columns) + 8, offset);
            T[] expected = (T[])storage.Clone();
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    int k = offset + (i * columns) + j;
                    expected[k] = T.FusedMultiplyAdd(-rate, f[i] * x[j], storage[k]);
                }
            }

            update.ApplyOuterFma(storage.AsSpan(offset, rows * columns), f, x);

            for (int k = 0; k < storage.Length; k++)
            {
                Assert.True(storage[k].Equals(expected[k]), $"offset {offset}, element {k - offset}: {storage[k]} against {expected[k]}");
            }
        }
    }
}
