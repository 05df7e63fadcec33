using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// The generator must stay cheap in an IDE: after an edit that does not touch a network's attributes,
/// every tracked step is Cached or Unchanged and nothing is re-emitted; an attribute edit re-emits
/// exactly that network.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Networks = """
        using NetGen;
        namespace Demo;

        [Network(Loss.BinaryCrossEntropy)]
        [Input(3)]
        [Dense(2, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class SheetNet;

        [Network(Loss.CategoricalCrossEntropy)]
        [Input(4)]
        [Dense(16, Activation.Tanh)]
        [Dense(3, Activation.Softmax)]
        public partial class IrisNet;
        """;

    private const string App = """
        namespace Demo;
        public static class App
        {
            public static int Run() => 1;
        }
        """;

    private static readonly string[] TrackedSteps = { TrackingNames.Declarations, TrackingNames.Generatable, TrackingNames.Options };

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Networks, App);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static GeneratorRunResult SecondRun(GeneratorDriver driver, CSharpCompilation edited) =>
        driver.RunGenerators(edited).GetRunResult().Results.Single();

    private static CSharpCompilation Replace(CSharpCompilation compilation, int tree, string text) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(tree), CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions));

    private static void AssertNothingRegenerated(GeneratorRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            Assert.All(
                result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} was {output.Reason}"));
        }

        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public sealed class Unrelated { }", GeneratorHarness.ParseOptions));

        AssertNothingRegenerated(SecondRun(driver, edited));
    }

    [Fact]
    public void Editing_a_method_body_elsewhere_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 1, App.Replace("=> 1;", "=> 2 + 3;"));

        AssertNothingRegenerated(SecondRun(driver, edited));
    }

    [Fact]
    public void Adding_a_comment_to_the_network_file_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 0, "// The networks of the demo.\n" + Networks);

        AssertNothingRegenerated(SecondRun(driver, edited));
    }

    [Fact]
    public void Editing_one_networks_attributes_re_emits_exactly_that_network()
    {
        var (driver, compilation) = FirstRun();
        var edited = Replace(compilation, 0, Networks.Replace("[Dense(16, Activation.Tanh)]", "[Dense(12, Activation.Tanh)]"));

        GeneratorRunResult result = SecondRun(driver, edited);

        var declarations = result.TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, declarations.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, declarations.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, emitted.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains("public const int Layer1Size = 12;", result.GeneratedSources.Single(s => s.HintName == "Demo.IrisNet.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var (driver, _) = FirstRun();
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertValueOnly(output.Value, step, depth: 0);
            }
        }
    }

    /// <summary>Walks a model's public properties and fails on anything that would pin a compilation in memory.</summary>
    private static void AssertValueOnly(object? value, string path, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Compilation or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                AssertValueOnly(item, $"{path}[{i++}]", depth + 1);
            }

            return;
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                AssertValueOnly(property.GetValue(value), path + "." + property.Name, depth + 1);
            }
        }
    }
}
