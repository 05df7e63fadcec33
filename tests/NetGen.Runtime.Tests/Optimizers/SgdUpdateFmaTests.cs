using System;
using System.Numerics;
using NetGen.Kernels;
using NetGen.Optimizers;
using Xunit;

namespace NetGen.Runtime.Tests.Optimizers;

/// <summary>
/// The fused-multiply-add SGD updates keep TrainStep ≡ Backward + ApplyGradients(…, 1) bit for bit: the fused
/// "backpropagate and update" pass equals MultiplyTransposedAdd then ApplyOuterFma, and ApplyOuterFma equals
/// AddOuter into a zeroed gradient then ApplyScaledFma with a factor of 1, for every shape (vector bodies and
/// scalar tails in different places) and with and without weight decay.
/// </summary>
public class SgdUpdateFmaTests
{
    private static readonly int[] Rows = [1, 3, 4, 5, 10, 13];
    private static readonly int[] Columns = [1, 7, 8, 9, 32, 64, 70];
    private static readonly double[] Decays = [0, 1e-3];

    private static T[] Random<T>(int n, int seed, double scale = 1)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = T.CreateChecked(scale * (random.NextDouble() - 0.5));
        }

        return values;
    }

    private static void FusedPassEqualsTheUnfusedSequence<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (double decay in Decays)
        {
            var update = new SgdUpdate<T>(new Hyperparameters { LearningRate = 0.37, WeightDecay = decay }, 1);
            foreach (int rows in Rows)
            {
                foreach (int columns in Columns)
                {
                    T[] w = Random<T>(rows * columns, rows * 100 + columns), d = Random<T>(rows, rows, 0.1), x = Random<T>(columns, columns);
                    T[] g = Random<T>(columns, 7);
                    T[] wFused = (T[])w.Clone(), gFused = (T[])g.Clone();

                    VectorMath.MultiplyTransposedAdd<T>(w, columns, d, g);
                    update.ApplyOuterFma(w, d, x);
                    update.BackpropagateApplyOuterFma(wFused, d, x, gFused);

                    Assert.Equal(g, gFused);
                    Assert.Equal(w, wFused);
                }
            }
        }
    }

    private static void OuterUpdateEqualsGradientThenScaledUpdate<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (double decay in Decays)
        {
            var update = new SgdUpdate<T>(new Hyperparameters { LearningRate = 0.37, WeightDecay = decay }, 1);
            foreach (int rows in Rows)
            {
                foreach (int columns in Columns)
                {
                    T[] w = Random<T>(rows * columns, rows * 100 + columns), d = Random<T>(rows, rows, 0.1), x = Random<T>(columns, columns);
                    T[] wBatch = (T[])w.Clone(), gradient = new T[rows * columns];

                    update.ApplyOuterFma(w, d, x);
                    VectorMath.AddOuter<T>(gradient, d, x);
                    update.ApplyScaledFma(wBatch, T.One, gradient);

                    Assert.Equal(w, wBatch);
                }
            }
        }
    }

    [Fact]
    public void BackpropagateApplyOuterFmaEqualsMultiplyTransposedAddThenApplyOuterFma()
    {
        FusedPassEqualsTheUnfusedSequence<float>();
        FusedPassEqualsTheUnfusedSequence<double>();
    }

    [Fact]
    public void ApplyOuterFmaEqualsAddOuterIntoZeroThenApplyScaledFmaWithFactorOne()
    {
        OuterUpdateEqualsGradientThenScaledUpdate<float>();
        OuterUpdateEqualsGradientThenScaledUpdate<double>();
    }

    [Fact]
    public void ApplyScaledFmaIsSgdWithWeightDecay()
    {
        var update = new SgdUpdate<double>(new Hyperparameters { LearningRate = 0.1, WeightDecay = 0.01 }, 1);
        double[] w = Random<double>(19, 1), source = Random<double>(19, 2), expected = new double[19];
        for (int i = 0; i < w.Length; i++)
        {
            expected[i] = w[i] - (0.1 * ((0.5 * source[i]) + (0.01 * w[i])));
        }

        update.ApplyScaledFma(w, 0.5, source);
        for (int i = 0; i < w.Length; i++)
        {
            Assert.Equal(expected[i], w[i], 1e-15);
        }
    }
}
