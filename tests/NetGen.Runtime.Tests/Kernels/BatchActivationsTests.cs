using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The span activations: float in SIMD lanes within the few ulp docs/performance.md states, over a dense sweep of
/// [−100, 100] against the function computed in double; double exactly the <see cref="Math"/> forms; special values;
/// in place; every element the same bits whatever its position in the span.
/// </summary>
public sealed class BatchActivationsTests
{
    /// <summary>The stated bounds (docs/performance.md, "Vectorised activations"): MathF's own functions are within 1 ulp.</summary>
    [Theory]
    [InlineData("exp", 2.0)]
    [InlineData("tanh", 3.0)]
    [InlineData("sigmoid", 3.0)]
    [InlineData("softplus", 4.0)]
    [InlineData("elu (α = 1)", 3.0)]
    public void FloatIsWithinTheStatedUlpsOverADenseSweep(string name, double bound) =>
        ActivationUlpAssert.Within(name, bound, 100f, 4093, 500_000);

    [Fact]
    public void SpecialValuesComeOutAsTheFunctionsGiveThem()
    {
        float[] a = { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 89f, -104f, 1e-30f, -1e-30f };
        float[] o = new float[a.Length];
        BatchActivations.Exp<float>(a, o);
        Assert.Equal(new[] { float.NaN, float.PositiveInfinity, 0f, 1f, 1f, float.PositiveInfinity, 0f, 1f, 1f }, o);
        BatchActivations.Tanh<float>(a, o);
        Assert.Equal(new[] { float.NaN, 1f, -1f, 0f, -0f, 1f, -1f, 1e-30f, -1e-30f }, o);
        Assert.True(float.IsNegative(o[4]));
        BatchActivations.Sigmoid<float>(a, o);
        Assert.Equal(new[] { float.NaN, 1f, 0f, 0.5f, 0.5f, 1f, 0f, 0.5f, 0.5f }, o);
        BatchActivations.Softplus<float>(a, o);
        Assert.True(float.IsNaN(o[0]) && o[1] == float.PositiveInfinity && o[2] == 0f && o[5] == 89f);
        BatchActivations.Elu<float>(a, o, 1f);
        Assert.True(float.IsNaN(o[0]) && o[1] == float.PositiveInfinity && o[2] == -1f && o[6] == -1f && o[7] == 1e-30f);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(23)]
    [InlineData(100)]
    public void InPlaceAndAtAnyOffsetAnElementGetsTheSameBits(int n)
    {
        float[] values = KernelData.Uniform<float>(n + 5, n);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= 20;
        }

        foreach (var f in ActivationUlps.Functions)
        {
            var whole = new float[values.Length];
            f.Kernel(values, whole);
            float[] part = values.AsSpan(3, n).ToArray();
            f.Kernel(part, part);
            Assert.Equal(whole.AsSpan(3, n).ToArray(), part);
        }
    }

    [Fact]
    public void DoubleIsTheMathFormsElementByElement()
    {
        double[] a = KernelData.Uniform<double>(37, 3), o = new double[37];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] *= 30;
        }

        BatchActivations.Tanh<double>(a, o);
        Assert.Equal(Array.ConvertAll(a, Math.Tanh), o);
        BatchActivations.Exp<double>(a, o);
        Assert.Equal(Array.ConvertAll(a, Math.Exp), o);
        BatchActivations.Sigmoid<double>(a, o);
        Assert.Equal(Array.ConvertAll(a, x => 1 / (1 + Math.Exp(-x))), o);
    }

    [Fact]
    public void SoftmaxRowsGivesEachRowItsDistribution()
    {
        float[] values = { 1f, 2f, 3f, -1f, 0f, 1000f };
        BatchActivations.SoftmaxRows<float>(values, 3);
        double z = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / z, values[0], 6);
        Assert.Equal(Math.Exp(3) / z, values[2], 6);
        Assert.Equal(1.0, values[5], 6);
        Assert.Equal(0.0, values[3], 6);
    }

    [Fact]
    public void ShortOutputsAndSoftmaxAsAnElementwiseActivationThrow()
    {
        Assert.Equal("o", Assert.Throws<ArgumentException>(() => BatchActivations.Tanh<float>(new float[3], new float[2])).ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentException>(() => BatchActivations.Apply<float>(Activation.Softmax, new float[3])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => BatchActivations.SoftmaxRows<float>(new float[5], 3)).ParamName);
    }
}
