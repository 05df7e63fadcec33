using System;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Data;

public class StandardizerTests
{
    [Fact]
    public void FitsPopulationMeanAndDeviationPerColumn()
    {
        // column 0: 1, 3, 5 → mean 3, variance (4+0+4)/3 = 8/3; column 1: constant 7 → deviation 1
        var train = new Dataset<double>(new double[] { 1, 7, 3, 7, 5, 7 }, new double[3], 2, 1);
        Standardizer s = Standardizer.Fit(train);

        Assert.Equal(new double[] { 3, 7 }, s.Means.ToArray());
        Assert.Equal(Math.Sqrt(8.0 / 3.0), s.StandardDeviations[0], 15);
        Assert.Equal(1.0, s.StandardDeviations[1]);

        Dataset<double> z = s.Transform(train);
        Assert.Equal(-2 / Math.Sqrt(8.0 / 3.0), z.GetInput(0)[0], 14);
        Assert.Equal(0.0, z.GetInput(1)[0]);
        Assert.Equal(0.0, z.GetInput(2)[1]);
    }

    [Fact]
    public void TrainingStatisticsAreAppliedToOtherData()
    {
        var train = new Dataset<double>(new double[] { 0, 2 }, new double[] { 5, 6 }, 1, 1);  // mean 1, sd 1
        var test = new Dataset<double>(new double[] { 4 }, new double[] { 9 }, 1, 1);

        Dataset<double> z = Standardizer.Fit(train).Transform(test);

        Assert.Equal(3.0, z.GetInput(0)[0]);
        Assert.Equal(9.0, z.GetTarget(0)[0]);
    }

    [Fact]
    public void WidthMismatchIsRejected()
    {
        var s = new Standardizer(new double[] { 0, 0 }, new double[] { 1, 1 });
        var e = Assert.Throws<ArgumentException>(() => s.Transform(new Dataset<double>(new double[3], new double[1], 3, 1)));
        Assert.Contains("2 columns", e.Message);
        Assert.Throws<ArgumentException>(() => new Standardizer(new double[] { 0 }, new double[] { 0 }));
    }
}
