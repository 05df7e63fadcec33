using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Kernels.Simd;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// ∂W += Δᵀ·X and ∂b += Σᵢ Δᵢ against a compensated double reference, every shape and width. Bound: an element of
/// ∂W receives count fused multiply-adds in turn, so |∂Ŵ − ∂W| ≤ γ_count·(|∂W₀| + Σᵢ|Δᵢⱼxᵢₚ|); ∂b likewise with Σᵢ|Δᵢⱼ|.
/// </summary>
public sealed class BatchMatrixWeightGradientTests
{
    private static void Check<T, TVector, TSimd>()
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
                    T[] delta = KernelData.Uniform<T>(count * outputs, count), x = KernelData.Uniform<T>(count * inputs, inputs);
                    T[] gw = KernelData.Uniform<T>(outputs * inputs, outputs), gb = KernelData.Uniform<T>(outputs, outputs + 1);
                    double[] gw0 = KernelData.Wide(gw), gb0 = KernelData.Wide(gb), dd = KernelData.Wide(delta), xd = KernelData.Wide(x);
                    BatchMatrix.AddWeightGradient<T, TVector, TSimd>(delta, x, gw, gb, count, inputs, outputs, 0, outputs);
                    double gamma = ExactDot.Gamma(count, ExactDot.UnitRoundoff<T>());
                    var column = new double[count];
                    var xColumn = new double[count];
                    var ones = new double[count];
                    Array.Fill(ones, 1.0);
                    for (int j = 0; j < outputs; j++)
                    {
                        for (int i = 0; i < count; i++)
                        {
                            column[i] = dd[(i * outputs) + j];
                        }

                        (double bias, double biasMagnitude) = ExactDot.Of(column, ones, gb0[j]);
                        Assert.True(Math.Abs(double.CreateChecked(gb[j]) - bias) <= gamma * biasMagnitude, $"{typeof(TVector).Name} ∂b[{j}] {count}×{inputs}→{outputs}");
                        for (int p = 0; p < inputs; p++)
                        {
                            for (int i = 0; i < count; i++)
                            {
                                xColumn[i] = xd[(i * inputs) + p];
                            }

                            (double exact, double magnitude) = ExactDot.Of(column, xColumn, gw0[(j * inputs) + p]);
                            double actual = double.CreateChecked(gw[(j * inputs) + p]);
                            Assert.True(Math.Abs(actual - exact) <= gamma * magnitude,
                                $"{typeof(TVector).Name} {count}×{inputs}→{outputs}, ∂W[{j},{p}] = {actual}, expected {exact} ± {gamma * magnitude}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void FloatMatchesTheExactSumsAtEveryWidth()
    {
        Check<float, Vector512<float>, Simd512<float>>();
        Check<float, Vector256<float>, Simd256<float>>();
        Check<float, Vector128<float>, Simd128<float>>();
    }

    [Fact]
    public void DoubleMatchesTheExactSumsAtEveryWidth()
    {
        Check<double, Vector512<double>, Simd512<double>>();
        Check<double, Vector256<double>, Simd256<double>>();
        Check<double, Vector128<double>, Simd128<double>>();
    }

    [Fact]
    public void ARangeOfRowsGivesThoseRowsTheBitsOfTheWholeAndLeavesTheOthers()
    {
        const int count = 13, inputs = 71, outputs = 19;
        float[] delta = KernelData.Uniform<float>(count * outputs, 1), x = KernelData.Uniform<float>(count * inputs, 2);
        float[] whole = KernelData.Uniform<float>(outputs * inputs, 3), wholeBias = KernelData.Uniform<float>(outputs, 4);
        float[] parts = (float[])whole.Clone(), partsBias = (float[])wholeBias.Clone();
        BatchMatrix.AddWeightGradient<float>(delta, x, whole, wholeBias, inputs);
        int[] cuts = { 0, 5, 6, 13, 19 };
        for (int c = 0; c + 1 < cuts.Length; c++)
        {
            float[] before = (float[])parts.Clone();
            BatchMatrix.AddWeightGradient<float>(delta, x, parts, partsBias, inputs, cuts[c], cuts[c + 1] - cuts[c]);
            Assert.Equal(before.AsSpan(cuts[c + 1] * inputs).ToArray(), parts.AsSpan(cuts[c + 1] * inputs).ToArray());
        }

        Assert.Equal(whole, parts);
        Assert.Equal(wholeBias, partsBias);
    }

    [Fact]
    public void BadSizesAndRangesThrowNamingTheParameter()
    {
        float[] delta = new float[6], x = new float[12], gw = new float[8], gb = new float[2];
        Assert.Equal("delta", Assert.Throws<ArgumentException>(() => BatchMatrix.AddWeightGradient<float>(delta.AsSpan(0, 5), x, gw, gb, 4)).ParamName);
        Assert.Equal("weightGradient", Assert.Throws<ArgumentException>(() => BatchMatrix.AddWeightGradient<float>(delta, x, gw.AsSpan(0, 7), gb, 4)).ParamName);
        Assert.Equal("firstOutput", Assert.Throws<ArgumentOutOfRangeException>(() => BatchMatrix.AddWeightGradient<float>(delta, x, gw, gb, 4, 3)).ParamName);
        Assert.Equal("outputCount", Assert.Throws<ArgumentOutOfRangeException>(() => BatchMatrix.AddWeightGradient<float>(delta, x, gw, gb, 4, 1, 2)).ParamName);
    }
}
