using System;
using System.Collections.Generic;
using NetGen.Onnx.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Onnx.Tests.Export;

/// <summary>
/// Every exported network runs in ONNX Runtime 1.31.1 and gives Forward's outputs, at batch 1 and 7: every activation
/// as hidden and as output layer, written out (3-4-3) and on the kernels (64-32-10), float and double; Maxout
/// (hand-written and generated networks) as hidden and output layer; a network with Dropout, which the export leaves out (the double
/// networks whose operators ONNX Runtime has no double kernel for are in <see cref="DoublePrecisionTests"/>).
/// </summary>
public sealed class RuntimeAgreementTests(ITestOutputHelper output)
{
    private const int Seed = 11;

    /// <summary>float: 1e−6 relative (ONNX Runtime sums in another order and with other instructions than the kernels).</summary>
    private const double FloatTolerance = 1e-6;

    /// <summary>double: 1e−14 relative.</summary>
    private const double DoubleTolerance = 1e-14;

    private static readonly Dictionary<string, Func<Difference>> Cases = new()
    {
        ["SmallLinearFloat"] = () => RuntimeComparison.Measure<SmallLinearFloat, float>(Seed),
        ["SmallLinearDouble"] = () => RuntimeComparison.Measure<SmallLinearDouble, double>(Seed),
        ["WideLinearFloat"] = () => RuntimeComparison.Measure<WideLinearFloat, float>(Seed),
        ["WideLinearDouble"] = () => RuntimeComparison.Measure<WideLinearDouble, double>(Seed),
        ["SmallSigmoidFloat"] = () => RuntimeComparison.Measure<SmallSigmoidFloat, float>(Seed),
        ["SmallSigmoidDouble"] = () => RuntimeComparison.Measure<SmallSigmoidDouble, double>(Seed),
        ["WideSigmoidFloat"] = () => RuntimeComparison.Measure<WideSigmoidFloat, float>(Seed),
        ["WideSigmoidDouble"] = () => RuntimeComparison.Measure<WideSigmoidDouble, double>(Seed),
        ["SmallTanhFloat"] = () => RuntimeComparison.Measure<SmallTanhFloat, float>(Seed),
        ["SmallTanhDouble"] = () => RuntimeComparison.Measure<SmallTanhDouble, double>(Seed),
        ["WideTanhFloat"] = () => RuntimeComparison.Measure<WideTanhFloat, float>(Seed),
        ["WideTanhDouble"] = () => RuntimeComparison.Measure<WideTanhDouble, double>(Seed),
        ["SmallReLUFloat"] = () => RuntimeComparison.Measure<SmallReLUFloat, float>(Seed),
        ["SmallReLUDouble"] = () => RuntimeComparison.Measure<SmallReLUDouble, double>(Seed),
        ["WideReLUFloat"] = () => RuntimeComparison.Measure<WideReLUFloat, float>(Seed),
        ["WideReLUDouble"] = () => RuntimeComparison.Measure<WideReLUDouble, double>(Seed),
        ["SmallLeakyReLUFloat"] = () => RuntimeComparison.Measure<SmallLeakyReLUFloat, float>(Seed),
        ["WideLeakyReLUFloat"] = () => RuntimeComparison.Measure<WideLeakyReLUFloat, float>(Seed),
        ["SmallELUFloat"] = () => RuntimeComparison.Measure<SmallELUFloat, float>(Seed),
        ["WideELUFloat"] = () => RuntimeComparison.Measure<WideELUFloat, float>(Seed),
        ["SmallSoftplusFloat"] = () => RuntimeComparison.Measure<SmallSoftplusFloat, float>(Seed),
        ["WideSoftplusFloat"] = () => RuntimeComparison.Measure<WideSoftplusFloat, float>(Seed),
        ["SmallExponentialFloat"] = () => RuntimeComparison.Measure<SmallExponentialFloat, float>(Seed),
        ["SmallExponentialDouble"] = () => RuntimeComparison.Measure<SmallExponentialDouble, double>(Seed),
        ["WideExponentialFloat"] = () => RuntimeComparison.Measure<WideExponentialFloat, float>(Seed),
        ["WideExponentialDouble"] = () => RuntimeComparison.Measure<WideExponentialDouble, double>(Seed),
        ["SmallSoftmaxFloat"] = () => RuntimeComparison.Measure<SmallSoftmaxFloat, float>(Seed),
        ["SmallSoftmaxDouble"] = () => RuntimeComparison.Measure<SmallSoftmaxDouble, double>(Seed),
        ["WideSoftmaxFloat"] = () => RuntimeComparison.Measure<WideSoftmaxFloat, float>(Seed),
        ["WideSoftmaxDouble"] = () => RuntimeComparison.Measure<WideSoftmaxDouble, double>(Seed),
        ["SmallStepFloat"] = () => RuntimeComparison.Measure<SmallStepFloat, float>(Seed),
        ["SmallStepDouble"] = () => RuntimeComparison.Measure<SmallStepDouble, double>(Seed),
        ["WideStepFloat"] = () => RuntimeComparison.Measure<WideStepFloat, float>(Seed),
        ["WideStepDouble"] = () => RuntimeComparison.Measure<WideStepDouble, double>(Seed),
        ["MaxoutHiddenNetFloat"] = () => RuntimeComparison.Measure<MaxoutHiddenNet<float>, float>(Seed),
        ["MaxoutHiddenNetDouble"] = () => RuntimeComparison.Measure<MaxoutHiddenNet<double>, double>(Seed),
        ["MaxoutOutputNetFloat"] = () => RuntimeComparison.Measure<MaxoutOutputNet<float>, float>(Seed),
        ["MaxoutOutputNetDouble"] = () => RuntimeComparison.Measure<MaxoutOutputNet<double>, double>(Seed),
        ["MixedNet"] = () => RuntimeComparison.Measure<MixedNet, float>(Seed),
        ["GeneratedMaxoutHiddenFloat"] = () => RuntimeComparison.Measure<GeneratedMaxoutHiddenFloat, float>(Seed),
        ["GeneratedMaxoutHiddenDouble"] = () => RuntimeComparison.Measure<GeneratedMaxoutHiddenDouble, double>(Seed),
        ["GeneratedMaxoutOutputWideFloat"] = () => RuntimeComparison.Measure<GeneratedMaxoutOutputWideFloat, float>(Seed),
        ["GeneratedMaxoutHiddenWideDouble"] = () => RuntimeComparison.Measure<GeneratedMaxoutHiddenWideDouble, double>(Seed),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Onnx_runtime_gives_the_outputs_of_Forward(string network)
    {
        Difference difference = Cases[network]();
        output.WriteLine($"{network}: max |Δ| = {difference.MaxAbsolute:E2}, max relative = {difference.MaxRelative:E2}");
        double tolerance = network.EndsWith("Double", StringComparison.Ordinal) ? DoubleTolerance : FloatTolerance;
        Assert.True(difference.MaxRelative <= tolerance, $"{network}: ONNX Runtime differs from Forward by {difference.MaxRelative:E2} relative (tolerance {tolerance:E0}).");
    }
}
