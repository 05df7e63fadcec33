using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Kernels;
using NetGen.Kernels.Simd;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// G = Δ·W ⊙ f′(O) against a compensated double reference, every shape and width. Bound: Gᵢₚ before f′ takes outputs
/// fused multiply-adds in turn, |Ĝ − G| ≤ e = γ_outputs·Σⱼ|ΔᵢⱼWⱼₚ|; f′ from O takes at most three roundings,
/// |f̂′ − f′| ≤ γ₃·m with m the sum of the magnitudes of its terms (O² + |1 − O²| for tanh, O·|1 − O| for sigmoid,
/// 0 for ReLU/Linear); the product one more: |Ĝf̂′ − Gf′| ≤ e·(|f′| + γ₃m) + |G|·γ₃m + u·(|G| + e)(|f′| + γ₃m).
/// </summary>
public sealed class BatchMatrixDeltaTests
{
    private static (double Derivative, double Magnitude) Derivative(Activation activation, double o) => activation switch
    {
        Activation.ReLU => (o > 0 ? 1 : 0, 0),
        Activation.Tanh => (1 - (o * o), (o * o) + Math.Abs(1 - (o * o))),
        Activation.Sigmoid => (o * (1 - o), Math.Abs(o * (1 - o))),
        _ => (1, 0),
    };

    private static void Check<T, TVector, TSimd>(Activation activation)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        double u = ExactDot.UnitRoundoff<T>(), gamma3 = ExactDot.Gamma(3, u);
        foreach (int count in KernelData.Counts)
        {
            foreach (int inputs in KernelData.Inputs)
            {
                foreach (int outputs in KernelData.Outputs)
                {
                    T[] delta = KernelData.Uniform<T>(count * outputs, count), w = KernelData.Uniform<T>(outputs * inputs, inputs);
                    T[] o = KernelData.Uniform<T>(count * inputs, outputs);
                    if (activation == Activation.Sigmoid)
                    {
                        o = Array.ConvertAll(o, v => (v + T.One) / T.CreateChecked(2)); // outputs of a sigmoid lie in (0, 1)
                    }

                    var g = new T[count * inputs];
                    BatchMatrix.BackpropagateDelta<T, TVector, TSimd>(delta, w, o, g, count, inputs, outputs, activation, T.Zero);
                    double[] dd = KernelData.Wide(delta), wd = KernelData.Wide(w);
                    double gamma = ExactDot.Gamma(outputs, u);
                    var wColumn = new double[outputs];
                    for (int p = 0; p < inputs; p++)
                    {
                        for (int j = 0; j < outputs; j++)
                        {
                            wColumn[j] = wd[(j * inputs) + p];
                        }

                        for (int i = 0; i < count; i++)
                        {
                            (double exact, double magnitude) = ExactDot.Of(dd.AsSpan(i * outputs, outputs), wColumn);
                            (double f, double m) = Derivative(activation, double.CreateChecked(o[(i * inputs) + p]));
                            double e = gamma * magnitude, fError = gamma3 * m;
                            double tolerance = (e * (Math.Abs(f) + fError)) + (Math.Abs(exact) * fError) + (u * (Math.Abs(exact) + e) * (Math.Abs(f) + fError));
                            double actual = double.CreateChecked(g[(i * inputs) + p]);
                            Assert.True(Math.Abs(actual - (exact * f)) <= tolerance,
                                $"{typeof(TVector).Name} {activation} {count}×{outputs}→{inputs}, G[{i},{p}] = {actual}, expected {exact * f} ± {tolerance}");
                        }
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.ReLU)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Sigmoid)]
    public void FloatMatchesTheExactProductAtEveryWidth(Activation activation)
    {
        Check<float, Vector512<float>, Simd512<float>>(activation);
        Check<float, Vector256<float>, Simd256<float>>(activation);
        Check<float, Vector128<float>, Simd128<float>>(activation);
    }

    [Theory]
    [InlineData(Activation.Linear)]
    [InlineData(Activation.Tanh)]
    public void DoubleMatchesTheExactProductAtEveryWidth(Activation activation)
    {
        Check<double, Vector512<double>, Simd512<double>>(activation);
        Check<double, Vector256<double>, Simd256<double>>(activation);
        Check<double, Vector128<double>, Simd128<double>>(activation);
    }

    [Theory]
    [InlineData(Activation.LeakyReLU)]
    [InlineData(Activation.ELU)]
    [InlineData(Activation.Exponential)]
    [InlineData(Activation.Softplus)]
    public void TheOtherDerivativesAreTheirRightHandFormsOfO(Activation activation)
    {
        // The Linear product (checked above) times math.md's f′ from o, element by element in double.
        const int count = 6, inputs = 41, outputs = 9;
        const float alpha = 0.3f;
        float[] delta = KernelData.Uniform<float>(count * outputs, 1), w = KernelData.Uniform<float>(outputs * inputs, 2), o = KernelData.Uniform<float>(count * inputs, 3);
        if (activation is Activation.Exponential or Activation.Softplus)
        {
            o = Array.ConvertAll(o, v => v + 1.5f); // their outputs are positive
        }

        float[] linear = new float[count * inputs], g = new float[count * inputs];
        BatchMatrix.BackpropagateDelta<float>(delta, w, ReadOnlySpan<float>.Empty, linear, outputs);
        BatchMatrix.BackpropagateDelta<float>(delta, w, o, g, outputs, activation, alpha);
        for (int k = 0; k < g.Length; k++)
        {
            double ok = o[k];
            double f = activation switch
            {
                Activation.LeakyReLU => ok > 0 ? 1 : alpha,
                Activation.ELU => ok > 0 ? 1 : ok + alpha,
                Activation.Exponential => ok,
                _ => 1 - Math.Exp(-ok),
            };

            double expected = linear[k] * f;
            Assert.True(Math.Abs(g[k] - expected) <= 4 * ExactDot.UnitRoundoff<float>() * Math.Abs(expected) * 2, $"{activation} element {k}: {g[k]} vs {expected}");
        }
    }

    [Fact]
    public void BadSizesAndActivationsThrowNamingTheParameter()
    {
        float[] delta = new float[6], w = new float[8], o = new float[12], g = new float[12];
        Assert.Equal("delta", Assert.Throws<ArgumentException>(() => BatchMatrix.BackpropagateDelta<float>(delta.AsSpan(0, 5), w, o, g, 2)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentException>(() => BatchMatrix.BackpropagateDelta<float>(delta, w, o, g.AsSpan(0, 11), 2)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => BatchMatrix.BackpropagateDelta<float>(delta, w, o.AsSpan(0, 3), g, 2, Activation.ReLU)).ParamName);
        Assert.Equal("inputActivation", Assert.Throws<ArgumentException>(() => BatchMatrix.BackpropagateDelta<float>(delta, w, o, g, 2, Activation.Softmax)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => BatchMatrix.BackpropagateDelta<float>(delta, w, o, g, 0)).ParamName);
    }
}
