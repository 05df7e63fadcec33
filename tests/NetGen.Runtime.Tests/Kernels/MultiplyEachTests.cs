using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>VectorMath.MultiplyEach, the dropout mask of the batched members: resultᵢ = aᵢ·bᵢ, one IEEE product each.</summary>
public sealed class MultiplyEachTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(640)]
    public void Every_element_is_the_one_rounded_product_in_place_too(int n)
    {
        var random = new Random(n);
        float[] a = new float[n], b = new float[n], result = new float[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (float)(random.NextDouble() - 0.5);
            b[i] = random.Next(3) == 0 ? 0f : 1.25f + (float)random.NextDouble();
        }

        VectorMath.MultiplyEach<float>(a, b, result);
        float[] inPlace = (float[])a.Clone();
        VectorMath.MultiplyEach<float>(inPlace, b, inPlace);
        for (int i = 0; i < n; i++)
        {
            float expected = a[i] * b[i]; // scalar product: the same rounding the lanes must give
            Assert.Equal(expected, result[i]);
            Assert.Equal(expected, inPlace[i]);
        }
    }

    [Fact]
    public void A_factor_shorter_than_the_result_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorMath.MultiplyEach<double>(new double[4], new double[3], new double[4]));
        Assert.Equal("b", error.ParamName);
    }
}
