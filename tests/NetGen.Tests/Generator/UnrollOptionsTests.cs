using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// The two MSBuild properties of src/NetGen/build/NetGen.props, passed as a project passes them
/// (<c>build_property.NetGenUnrollMaxWeights</c>, <c>build_property.NetGenUnrollMaxFanIn</c>). The
/// expected layers follow from the rule those files document, worked out by hand per case: a network
/// whose fan-ins are all at most MaxFanIn and whose weights are at most MaxWeights is written out whole;
/// otherwise each layer, from the first, is written out when its fan-in is at most MaxFanIn and the
/// written-out weights stay within MaxWeights / 2, and runs on the kernels if not.
/// </summary>
public sealed class UnrollOptionsTests
{
    // Weights per layer 32, 64, 8 (104 in all); fan-ins 4, 8, 8.
    private const string Small = "[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(1, Activation.Linear)] public partial class Net;";

    // Weights per layer 2048, 320 (2368 in all); fan-ins 64, 32.
    private const string Digits = "[Network(Loss.CategoricalCrossEntropy)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)] public partial class Net;";

    [Theory]
    [InlineData(Small, null, null, "")] // 104 ≤ 128, fan-ins ≤ 16: whole
    [InlineData(Small, "104", null, "")] // the limit is inclusive
    [InlineData(Small, "103", null, "2")] // budget 51: 32 written out, 32 + 64 > 51, 32 + 8 ≤ 51
    [InlineData(Small, "0", null, "1 2 3")] // budget 0
    [InlineData(Small, null, "8", "")] // fan-ins ≤ 8: whole
    [InlineData(Small, null, "4", "2 3")] // fan-in 8 > 4 for layers 2 and 3; budget 64 takes layer 1
    [InlineData(Small, null, "3", "1 2 3")] // every fan-in over the limit
    [InlineData(Small, "1000", "3", "1 2 3")] // a large budget does not lift the fan-in limit
    [InlineData(Digits, null, null, "1 2")] // fan-in 64 > 16, and 320 > 64 for layer 2
    [InlineData(Digits, "1000", "64", "1")] // 2368 > 1000, budget 500: 2048 > 500, 320 ≤ 500
    [InlineData(Digits, "4096", "64", "")] // whole
    [InlineData(Digits, "4096", "32", "1")] // fan-in 64 > 32; budget 2048 takes layer 2
    public void Build_properties_choose_the_layers_on_the_kernels(string declaration, string? maxWeights, string? maxFanIn, string kernelLayers)
    {
        var properties = new System.Collections.Generic.List<(string, string)>();
        if (maxWeights is not null)
        {
            properties.Add(("NetGenUnrollMaxWeights", maxWeights));
        }

        if (maxFanIn is not null)
        {
            properties.Add(("NetGenUnrollMaxFanIn", maxFanIn));
        }

        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Compile("using NetGen;\nnamespace Options;\n" + declaration), BuildProperties.Of(properties.ToArray()));
        run.AssertGeneratorSucceeded();
        string source = run.Source("Options.Net.g.cs");
        GeneratedMember forward = GeneratedMember.Method(source, "Forward", 2);
        int layers = declaration.Split("[Dense(").Length - 1;

        // On the kernels: aˡ = Wˡoˡ⁻¹ is one VectorMath.Multiply into the span aˡ; written out: one local per unit, aˡ_0 first.
        string onKernels = string.Join(" ", forward.Calls("VectorMath.Multiply")
            .Select(call => ((IdentifierNameSyntax)call.ArgumentList.Arguments[^1].Expression).Identifier.Text.Substring(1)));
        Assert.Equal(kernelLayers, onKernels);
        var locals = forward.Locals();
        for (int l = 1; l <= layers; l++)
        {
            Assert.Equal(!kernelLayers.Split(' ').Contains(l.ToString()), locals.Contains("a" + l + "_0"));
        }

        // The class remarks state the limits in force.
        string remarks = source.Substring(0, source.IndexOf("partial class Net", System.StringComparison.Ordinal));
        Assert.Contains("at most " + (maxFanIn ?? "16"), remarks, System.StringComparison.Ordinal);
        Assert.Contains("at most " + (maxWeights ?? "128") + " weights", remarks, System.StringComparison.Ordinal);

        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }
}
