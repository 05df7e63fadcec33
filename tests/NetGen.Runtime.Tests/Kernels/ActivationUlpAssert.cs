using System;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>The tests' use of <see cref="ActivationUlps"/> (which bench/fma-peak links without xunit).</summary>
internal static class ActivationUlpAssert
{
    /// <summary>Fails unless the named activation stays within <paramref name="bound"/> ulp over the sweep of [−limit, limit] with the given step, and the sweep tried more than <paramref name="minimumCount"/> arguments.</summary>
    public static void Within(string name, double bound, float limit, int step, long minimumCount)
    {
        var f = Array.Find(ActivationUlps.Functions, x => x.Name == name);
        (double worst, float at, long count) = ActivationUlps.Sweep(f.Reference, f.Kernel, limit, step);
        Assert.True(count > minimumCount, $"{count} arguments");
        Assert.True(worst <= bound, $"{name}: {worst:F3} ulp at {at:R}");
    }
}
