using System;
using Xunit;

namespace NetGen.Tests.Reliability;

/// <summary>
/// Issue 11: with 1 input and 3 outputs, 1,431,655,766 inputs make count × OutputSize = 4,294,967,298, which wraps
/// to 2 in int. The check is made in long, so 2 targets are refused naming the parameter, the expected and the actual length.
/// </summary>
public sealed class BackwardBatchSampleCountTests
{
    private const int Count = 1_431_655_766;

    [Fact]
    public void A_sample_count_whose_target_length_overflows_int_is_refused_by_name()
    {
        var network = new OneToThreeNet();
        var gradient = new float[OneToThreeNet.ParameterCount];

        var e = Assert.Throws<ArgumentException>(
            () => network.BackwardBatch(UntouchableMemory.ReadOnly<float>(Count), new float[2], gradient));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("4294967298", e.Message);
        Assert.Contains("it holds 2", e.Message);
        Assert.All(gradient, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void The_kernel_path_makes_the_same_check()
    {
        var network = new WideOneToThreeNet();
        var gradient = new float[WideOneToThreeNet.ParameterCount];

        var e = Assert.Throws<ArgumentException>(
            () => network.BackwardBatch(UntouchableMemory.ReadOnly<float>(Count), new float[2], gradient));

        Assert.Equal("targets", e.ParamName);
        Assert.Contains("4294967298", e.Message);
    }
}
