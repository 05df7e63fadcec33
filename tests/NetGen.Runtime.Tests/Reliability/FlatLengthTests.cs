using System;
using NetGen.Data;
using Xunit;

namespace NetGen.Runtime.Tests.Reliability;

/// <summary>Flat sizes (rows × width) are computed in long: one that does not fit an array is an ArgumentException naming the parameter, never a wrapped-around length.</summary>
public sealed class FlatLengthTests
{
    [Fact]
    public void One_hot_targets_beyond_an_array_are_refused_by_name()
    {
        var labels = new int[65_536]; // 65,536 × 65,536 = 2³², which wraps to 0 in int

        var e = Assert.Throws<ArgumentException>(() => OneHot.Encode<float>(labels, 65_536));

        Assert.Equal("labels", e.ParamName);
        Assert.Contains("4294967296", e.Message);
    }
}
