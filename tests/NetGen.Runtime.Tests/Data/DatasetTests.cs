using System;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void SamplesAreRowsOfTheFlatArrays()
    {
        var data = new Dataset<double>(new double[] { 1, 2, 3, 4, 5, 6 }, new double[] { 10, 20, 30 }, 2, 1);

        Assert.Equal(3, data.Count);
        Assert.Equal(2, data.InputSize);
        Assert.Equal(1, data.TargetSize);
        Assert.Equal(new double[] { 5, 6 }, data.GetInput(2).ToArray());
        Assert.Equal(20.0, data.GetTarget(1)[0]);
    }

    [Fact]
    public void ConstructorCopiesItsInput()
    {
        var inputs = new double[] { 1, 2 };
        var data = new Dataset<double>(inputs, new double[] { 0 }, 2, 1);
        inputs[0] = 99;
        Assert.Equal(1.0, data.GetInput(0)[0]);
    }

    [Fact]
    public void LengthNotAMultipleOfTheWidthNamesTheSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset<double>(new double[5], new double[2], 2, 1));
        Assert.Contains("5 values", e.Message);
        Assert.Contains("input size 2", e.Message);
    }

    [Fact]
    public void DifferentSampleCountsNameBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset<double>(new double[6], new double[2], 2, 1));
        Assert.Contains("3 samples", e.Message);
        Assert.Contains("describe 2", e.Message);
    }

    [Fact]
    public void NonFiniteValueNamesSampleAndColumn()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dataset<double>(new double[] { 1, 2, 3, double.NaN }, new double[2], 2, 1));
        Assert.Contains("sample 1, column 1", e.Message);
    }

    [Fact]
    public void ZeroWidthIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset<double>(new double[2], new double[2], 0, 1));

    [Fact]
    public void IndexOutOfRangeIsRejected()
    {
        var data = new Dataset<double>(new double[] { 1, 2 }, new double[] { 0 }, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetInput(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.GetTarget(-1));
    }

    [Fact]
    public void FromRowsRejectsARaggedRow()
    {
        var e = Assert.Throws<ArgumentException>(() => Dataset<double>.FromRows(
            new[] { new double[] { 1, 2 }, new double[] { 3 } }, new[] { new double[] { 0 }, new double[] { 1 } }));
        Assert.Contains("Row 1 holds 1 values, but row 0 holds 2", e.Message);
    }

    [Fact]
    public void FromRowsAndSubset()
    {
        var data = Dataset<double>.FromRows(
            new[] { new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 5, 6 } },
            new[] { new double[] { 7 }, new double[] { 8 }, new double[] { 9 } });
        Dataset<double> subset = data.Subset(new[] { 2, 0 });

        Assert.Equal(new double[] { 5, 6, 1, 2 }, subset.Inputs.ToArray());
        Assert.Equal(new double[] { 9, 7 }, subset.Targets.ToArray());
    }

    [Fact]
    public void ConvertToFloatRounds()
    {
        var data = new Dataset<double>(new double[] { 0.1 }, new double[] { 1 }, 1, 1);
        Assert.Equal(0.1f, data.ConvertTo<float>().GetInput(0)[0]);
    }
}
