using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

public class VectorMathTests
{
    private static T[] Random<T>(int n, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = T.CreateChecked(random.NextDouble() - 0.5);
        }

        return values;
    }

    private static void MultiplyMatchesExactSums<T>(double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int rows in new[] { 1, 2, 3, 4, 5, 7, 10, 13 })
        {
            foreach (int columns in new[] { 1, 3, 8, 9, 16, 31, 32, 33, 64, 100, 784 })
            {
                T[] w = Random<T>(rows * columns, rows + columns), x = Random<T>(columns, columns);
                var result = new T[rows];
                VectorMath.Multiply<T>(w, columns, x, result);
                for (int i = 0; i < rows; i++)
                {
                    double exact = 0;
                    for (int j = 0; j < columns; j++)
                    {
                        exact += double.CreateChecked(w[(i * columns) + j]) * double.CreateChecked(x[j]);
                    }

                    Assert.True(Math.Abs(double.CreateChecked(result[i]) - exact) <= tolerance * columns, $"{rows}×{columns}, row {i}");
                }
            }
        }
    }

    [Fact]
    public void MultiplyComputesEveryRowIncludingTheRowsAfterTheLastFullGroupOfFour()
    {
        MultiplyMatchesExactSums<float>(1e-6);
        MultiplyMatchesExactSums<double>(1e-14);
    }

    [Fact]
    public void MultiplyGivesEachRowTheSameBitsWhateverItsPositionAndTheRowCount()
    {
        // The rows after the last full group of four take the four-row path too: a row's result does not depend
        // on how many rows the matrix has (the generated layers rely only on a fixed shape, but the order of the
        // sums should not jump between rows).
        foreach (int columns in new[] { 5, 8, 24, 64, 784 })
        {
            float[] w = Random<float>(9 * columns, columns), x = Random<float>(columns, 1);
            var all = new float[9];
            VectorMath.Multiply<float>(w, columns, x, all);
            for (int rows = 1; rows <= 9; rows++)
            {
                var some = new float[rows];
                VectorMath.Multiply<float>(w.AsSpan(0, rows * columns), columns, x, some);
                Assert.Equal(all.AsSpan(0, rows).ToArray(), some);
            }
        }
    }

    [Fact]
    public void MultiplySumsOneVectorInTheOrderOfVectorSum()
    {
        int width = Vector<float>.Count;
        float[] w = Random<float>(6 * width, 3), x = Random<float>(width, 4);
        var result = new float[6];
        VectorMath.Multiply<float>(w, width, x, result);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(Vector.Sum(new Vector<float>(w, i * width) * new Vector<float>(x)), result[i]);
        }

        int widthD = Vector<double>.Count;
        double[] wd = Random<double>(5 * widthD, 5), xd = Random<double>(widthD, 6);
        var resultD = new double[5];
        VectorMath.Multiply<double>(wd, widthD, xd, resultD);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(Vector.Sum(new Vector<double>(wd, i * widthD) * new Vector<double>(xd)), resultD[i]);
        }
    }
}
