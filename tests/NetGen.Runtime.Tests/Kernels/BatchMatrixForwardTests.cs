using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Kernels.Simd;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// A = X·Wᵀ + 1bᵀ (f fused) against a compensated double reference, for every shape of <see cref="KernelData"/> and
/// every SIMD width. Bound: each aᵢⱼ passes through at most inputs + 6 roundings (FMA steps in a lane, at most four
/// levels of lane sums for 16 lanes, tail FMAs, the bias), so |â − a| ≤ γ_(inputs+6)·(Σₚ|xᵢₚwⱼₚ| + |bⱼ|).
/// </summary>
public sealed class BatchMatrixForwardTests
{
    private static void Check<T, TVector, TSimd>(Activation activation, bool transposed = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        foreach (int count in KernelData.Counts)
        {
            foreach (int inputs in KernelData.Inputs)
            {
                foreach (int outputs in KernelData.Outputs)
                {
                    T[] x = KernelData.Uniform<T>(count * inputs, count), w = KernelData.Uniform<T>(outputs * inputs, inputs), b = KernelData.Uniform<T>(outputs, outputs);
                    var a = new T[count * outputs];
                    if (transposed)
                    {
                        var wt = new T[inputs * BatchMatrix.TransposedStride(outputs)];
                        BatchMatrix.TransposeWeights<T>(w, inputs, wt);
                        BatchMatrix.ForwardTransposed<T, TVector, TSimd>(x, wt, b, a, count, inputs, outputs, activation, T.CreateChecked(0.1));
                    }
                    else
                    {
                        BatchMatrix.Forward<T, TVector, TSimd>(x, w, b, a, count, inputs, outputs, activation, T.CreateChecked(0.1));
                    }

                    double[] xd = KernelData.Wide(x), wd = KernelData.Wide(w);
                    double bound = ExactDot.Gamma(inputs + 6, ExactDot.UnitRoundoff<T>());
                    for (int i = 0; i < count; i++)
                    {
                        for (int j = 0; j < outputs; j++)
                        {
                            (double exact, double magnitude) = ExactDot.Of(xd.AsSpan(i * inputs, inputs), wd.AsSpan(j * inputs, inputs), double.CreateChecked(b[j]));
                            double expected = activation switch
                            {
                                Activation.ReLU => Math.Max(exact, 0),
                                Activation.LeakyReLU => exact > 0 ? exact : 0.1 * exact,
                                _ => exact,
                            };

                            // LeakyReLU's α·a adds one rounding of at most u·|α·a|.
                            double tolerance = (bound * magnitude) + (ExactDot.UnitRoundoff<T>() * Math.Abs(expected));
                            double actual = double.CreateChecked(a[(i * outputs) + j]);
                            Assert.True(Math.Abs(actual - expected) <= tolerance,
                                $"{typeof(TVector).Name} {activation} {count}×{inputs}→{outputs}, a[{i},{j}] = {actual}, expected {expected} ± {tolerance}");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.LeakyReLU)]
    public void FloatMatchesTheExactProductAtEveryWidth(Activation activation)
    {
        Check<float, Vector512<float>, Simd512<float>>(activation);
        Check<float, Vector256<float>, Simd256<float>>(activation);
        Check<float, Vector128<float>, Simd128<float>>(activation);
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.LeakyReLU)]
    public void FloatFromTransposedWeightsMatchesTheExactProductAtEveryWidth(Activation activation)
    {
        Check<float, Vector512<float>, Simd512<float>>(activation, transposed: true);
        Check<float, Vector256<float>, Simd256<float>>(activation, transposed: true);
        Check<float, Vector128<float>, Simd128<float>>(activation, transposed: true);
    }

    [Fact]
    public void DoubleFromTransposedWeightsMatchesTheExactProductAtEveryWidth()
    {
        Check<double, Vector512<double>, Simd512<double>>(Activation.ReLU, transposed: true);
        Check<double, Vector256<double>, Simd256<double>>(Activation.ReLU, transposed: true);
        Check<double, Vector128<double>, Simd128<double>>(Activation.ReLU, transposed: true);
    }

    [Fact]
    public void ANarrowLayerWritesNothingOutsideItsOutput()
    {
        // 10 outputs fill part of one vector: the partial lanes go through masked loads and stores. The output sits
        // between NaN sentinels (the bias is followed by NaNs too); 127 inputs make two depth blocks (C reloaded in between).
        foreach (int count in new[] { 1, 7, 9, 65 })
        {
            const int inputs = 127, outputs = 10;
            float[] x = KernelData.Uniform<float>(count * inputs, 3), w = KernelData.Uniform<float>(outputs * inputs, 4);
            float[] bias = new float[outputs + 16];
            Array.Fill(bias, float.NaN);
            KernelData.Uniform<float>(outputs, 5).CopyTo(bias, 0);
            var wt = new float[inputs * BatchMatrix.TransposedStride(outputs)];
            BatchMatrix.TransposeWeights<float>(w, inputs, wt);
            foreach (Action<float[]> forward in new Action<float[]>[]
            {
                a => BatchMatrix.ForwardTransposed<float, Vector512<float>, Simd512<float>>(x, wt, bias.AsSpan(0, outputs), a.AsSpan(16, count * outputs), count, inputs, outputs, Activation.ReLU, 0f),
                a => BatchMatrix.ForwardTransposed<float, Vector256<float>, Simd256<float>>(x, wt, bias.AsSpan(0, outputs), a.AsSpan(16, count * outputs), count, inputs, outputs, Activation.ReLU, 0f),
                a => BatchMatrix.ForwardTransposed<float, Vector128<float>, Simd128<float>>(x, wt, bias.AsSpan(0, outputs), a.AsSpan(16, count * outputs), count, inputs, outputs, Activation.ReLU, 0f),
            })
            {
                var a = new float[16 + (count * outputs) + 16];
                Array.Fill(a, float.NaN);
                forward(a);
                for (int k = 0; k < a.Length; k++)
                {
                    bool inside = k >= 16 && k < 16 + (count * outputs);
                    Assert.True(inside ? float.IsFinite(a[k]) : float.IsNaN(a[k]), $"count {count}: a[{k}] = {a[k]} ({(inside ? "inside" : "outside")} the output)");
                }
            }
        }
    }

    [Fact]
    public void TransposeWeightsPutsWjpAtRowPColumnJAndZerosInThePadding()
    {
        const int inputs = 45, outputs = 18; // 45 = two 16-wide blocks, one 8-wide block and 5 single columns
        float[] w = KernelData.Uniform<float>(outputs * inputs, 8), wt = new float[inputs * 32];
        Array.Fill(wt, float.NaN);
        BatchMatrix.TransposeWeights<float>(w, inputs, wt);
        Assert.Equal(32, BatchMatrix.TransposedStride(outputs));
        for (int p = 0; p < inputs; p++)
        {
            for (int j = 0; j < 32; j++)
            {
                Assert.Equal(j < outputs ? w[(j * inputs) + p] : 0f, wt[(p * 32) + j]);
            }
        }
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.ReLU)]
    public void DoubleMatchesTheExactProductAtEveryWidth(Activation activation)
    {
        Check<double, Vector512<double>, Simd512<double>>(activation);
        Check<double, Vector256<double>, Simd256<double>>(activation);
        Check<double, Vector128<double>, Simd128<double>>(activation);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Softplus)]
    [InlineData(Activation.ELU)]
    [InlineData(Activation.Exponential)]
    public void OtherActivationsAreTheLinearProductThroughTheSpanActivation(Activation activation)
    {
        // Independent of the fused path: Forward with Linear, then the same activation over the whole span.
        const int count = 9, inputs = 37, outputs = 11;
        float[] x = KernelData.Uniform<float>(count * inputs, 1), w = KernelData.Uniform<float>(outputs * inputs, 2), b = KernelData.Uniform<float>(outputs, 3);
        float[] fused = new float[count * outputs], separate = new float[count * outputs];
        BatchMatrix.Forward<float>(x, w, b, fused, inputs, activation, 1f);
        BatchMatrix.Forward<float>(x, w, b, separate, inputs);
        BatchActivations.Apply<float>(activation, separate, 1f);
        Assert.Equal(separate, fused);
        float[] wt = new float[inputs * BatchMatrix.TransposedStride(outputs)];
        BatchMatrix.TransposeWeights<float>(w, inputs, wt);
        BatchMatrix.ForwardTransposed<float>(x, wt, b, fused, inputs, activation, 1f);
        BatchMatrix.ForwardTransposed<float>(x, wt, b, separate, inputs);
        BatchActivations.Apply<float>(activation, separate, 1f);
        Assert.Equal(separate, fused);
    }

    [Fact]
    public void ARowsBitsDoNotDependOnWhereItSitsInTheBatch()
    {
        const int inputs = 33, outputs = 10;
        float[] x = KernelData.Uniform<float>(17 * inputs, 4), w = KernelData.Uniform<float>(outputs * inputs, 5), b = KernelData.Uniform<float>(outputs, 6);
        float[] all = new float[17 * outputs];
        BatchMatrix.Forward<float>(x, w, b, all, inputs, Activation.ReLU);
        for (int start = 0; start < 17; start += 3)
        {
            int rows = Math.Min(5, 17 - start);
            float[] part = new float[rows * outputs];
            BatchMatrix.Forward<float>(x.AsSpan(start * inputs, rows * inputs), w, b, part, inputs, Activation.ReLU);
            Assert.Equal(all.AsSpan(start * outputs, rows * outputs).ToArray(), part);
        }
    }

    [Fact]
    public void BadSizesThrowNamingTheParameter()
    {
        float[] x = new float[12], w = new float[8], b = new float[2], a = new float[6];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => BatchMatrix.Forward<float>(x.AsSpan(0, 11), w, b, a, 4)).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => BatchMatrix.Forward<float>(x, w.AsSpan(0, 7), b, a, 4)).ParamName);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => BatchMatrix.Forward<float>(x, w, b, a.AsSpan(0, 5), 4)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => BatchMatrix.Forward<float>(x, w, b, a, 0)).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentException>(() => BatchMatrix.Forward<float>(x, w, b, a, 4, Activation.Softmax)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentException>(() => BatchMatrix.Forward<float>(x, w, ReadOnlySpan<float>.Empty, a, 4)).ParamName);
    }
}
