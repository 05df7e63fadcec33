using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The float span activations that the per-sample code of float layers uses (tanh, sigmoid, exp, softplus, ELU) over a
/// dense sweep of [−20, 20] — every 509th float bit pattern, both signs, subnormals included: about 4.3 million
/// arguments per function — against the function computed in double, within the bounds docs/performance.md states
/// ("Activation accuracy"). NaN, ±∞ and the saturating ends are in <see cref="BatchActivationsTests"/>.
/// </summary>
public sealed class ActivationDenseSweepTests
{
    [Theory]
    [InlineData("exp", 1.0)]
    [InlineData("tanh", 2.5)]
    [InlineData("sigmoid", 2.5)]
    [InlineData("softplus", 4.0)]
    [InlineData("elu (α = 1)", 1.0)]
    public void FloatIsWithinTheDocumentedUlpsOverMinusTwentyToTwenty(string name, double bound) =>
        ActivationUlpAssert.Within(name, bound, 20f, 509, 4_000_000);
}
