using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Generator;
using Xunit;

namespace NetGen.Analyzers.Tests.Generator;

/// <summary>
/// The generator through Microsoft.CodeAnalysis.SourceGenerators.Testing where that harness fits: a
/// committed snapshot compared as the framework compares generated files (hint name, text, encoding),
/// build properties passed through a global .editorconfig as MSBuild passes them, and valid projects
/// whose generated code must compile with no diagnostic at all.
/// </summary>
public sealed class SourceGeneratorTests
{
    private const string Xor = "using NetGen;\n\nnamespace Demo;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(2, Activation.Sigmoid)]\n[Dense(1, Activation.Sigmoid)]\npublic partial class XorNet;";

    [Fact]
    public async Task Xor_generates_exactly_its_committed_snapshot()
    {
        string snapshot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "GeneratedSourceSnapshotTests.Xor_2_2_1_sigmoid_mean_squared_error#Demo.XorNet.g.verified.cs"));
        Assert.StartsWith("//HintName: Demo.XorNet.g.cs\n", snapshot, StringComparison.Ordinal);
        string version = typeof(NetworkGenerator).Assembly.GetName().Version!.ToString(3);
        string expected = snapshot.Substring(snapshot.IndexOf('\n') + 1).Replace("{version}", version, StringComparison.Ordinal);

        var test = new NetGenGeneratorTest { TestCode = Xor };
        test.TestState.GeneratedSources.Add((typeof(NetworkGenerator), "Demo.XorNet.g.cs", SourceText.From(expected, Encoding.UTF8)));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("NetGenUnrollMaxWeights", "0")] // every layer on the kernels
    [InlineData("NetGenUnrollMaxWeights", "100000")] // written out whole, fan-in permitting
    [InlineData("NetGenUnrollMaxFanIn", "0")]
    [InlineData("NetGenUnrollMaxFanIn", "64")]
    public Task Build_property_values_give_code_that_compiles_without_a_diagnostic(string property, string value)
    {
        var test = new NetGenGeneratorTest
        {
            TestCode = "using NetGen;\n[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]\n[Input(20)]\n[Dense(8, Activation.Tanh)]\n[Dropout(0.1)]\n[Dense(3, Activation.Softmax)]\npublic partial class Net;",
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        }.WithBuildProperty(property, value);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("namespace A { [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net; }\nnamespace B { [Network(Loss.MeanSquaredError)] [Input(3)] [Dense(1, Activation.Linear)] public partial class Net; }")]
    [InlineData("public partial record Outer { [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] internal partial class Net; }")]
    [InlineData("namespace App.Models { public partial struct Outer { [Network(Loss.BinaryCrossEntropy)] [Input(2)] [Dense(4, Activation.Tanh)] [Dense(1, Activation.Sigmoid)] private partial class Net; } }")]
    public Task Valid_project_compiles_with_its_generated_code_and_no_diagnostic(string declarations)
    {
        var test = new NetGenGeneratorTest { TestCode = "using NetGen;\n" + declarations, TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        return test.RunAsync();
    }
}
