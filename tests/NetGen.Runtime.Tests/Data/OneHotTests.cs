using System;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class OneHotTests
{
    [Fact]
    public void EncodesTheLabelAsASingleOne()
    {
        Assert.Equal(new double[] { 0, 0, 1, 0 }, OneHot.Encode<double>(2, 4));
        Assert.Equal(new float[] { 1, 0 }, OneHot.Encode<float>(0, 2));
    }

    [Fact]
    public void EncodesManyLabelsRowMajor() =>
        Assert.Equal(new double[] { 0, 1, 0, 1, 0, 0, 0, 0, 1 }, OneHot.Encode<double>(new[] { 1, 0, 2 }, 3));

    [Fact]
    public void LabelOutOfRangeNamesLabelAndClassCount()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode<double>(3, 3));
        Assert.Contains("Label 3", e.Message);
        Assert.Contains("3 classes", e.Message);

        var many = Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode<double>(new[] { 0, -1 }, 3));
        Assert.Contains("Label -1 at position 1", many.Message);
    }

    [Fact]
    public void EncodeIntoASpanOverwritesIt()
    {
        Span<double> buffer = stackalloc double[] { 5, 5, 5 };
        OneHot.Encode(1, buffer);
        Assert.Equal(new double[] { 0, 1, 0 }, buffer.ToArray());
    }

    [Fact]
    public void DecodeIsTheFirstLargest()
    {
        Assert.Equal(2, OneHot.Decode<double>(new double[] { 0.1, 0.2, 0.7 }));
        Assert.Equal(0, OneHot.Decode<double>(new double[] { 0.5, 0.5 }));
        Assert.Throws<ArgumentException>(() => OneHot.Decode<double>(ReadOnlySpan<double>.Empty));
    }
}
