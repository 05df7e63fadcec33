using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// Every code fix on Microsoft.CodeAnalysis.Testing: the marked diagnostics, the action chosen by its
/// title, the exact source it produces, which must then compile with no diagnostic at all; the
/// framework also runs each fixer's FixAll (document, project, solution). The snippets with several
/// marked diagnostics check that one FixAll fixes them all.
/// </summary>
public sealed class CodeFixTests
{
    private const string MakeNetPartial = "Make 'Net' partial";
    private const string SetInputs = "Set Inputs to the previous layer's width";
    private const string RemoveInputs = "Remove the declared fan-in (Inputs)";

    [Fact]
    public Task Make_partial_adds_the_modifier_after_the_others() => VerifyFixAsync<MakePartialCodeFixProvider>(
        MakeNetPartial,
        Network("public sealed class {|NG0001:Net|};"),
        Network("public sealed partial class Net;"));

    [Fact]
    public Task Make_partial_on_a_class_without_modifiers_keeps_the_layout() => VerifyFixAsync<MakePartialCodeFixProvider>(
        MakeNetPartial,
        "using NetGen;\n\nnamespace App\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    class {|NG0001:Net|} { }\n}\n",
        "using NetGen;\n\nnamespace App\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    partial class Net { }\n}\n");

    [Fact]
    public Task Make_partial_fixes_the_containing_type() => VerifyFixAsync<MakePartialCodeFixProvider>(
        "Make 'Outer' partial",
        "using NetGen;\n\npublic static class {|NG0002:Outer|}\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}\n",
        "using NetGen;\n\npublic static partial class Outer\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}\n",
        nonLocal: true); // reported on Outer while the analyzer looks at Net

    [Fact]
    public Task Make_partial_fix_all_fixes_every_network_of_that_name() => VerifyFixAsync<MakePartialCodeFixProvider>(
        MakeNetPartial,
        "using NetGen;\n\nnamespace A\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public class {|NG0001:Net|};\n}\n\nnamespace B\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(3)]\n    [Dense(1, Activation.Linear)]\n    internal sealed class {|NG0001:Net|};\n}\n",
        "using NetGen;\n\nnamespace A\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}\n\nnamespace B\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(3)]\n    [Dense(1, Activation.Linear)]\n    internal sealed partial class Net;\n}\n",
        iterations: 2);

    [Fact]
    public Task Fan_in_fix_sets_the_previous_width() => VerifyFixAsync<FanInCodeFixProvider>(
        SetInputs,
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, {|NG0011:Inputs = 5|})]"),
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, Inputs = 3)]"));

    [Fact]
    public Task Maxout_pieces_fix_sets_two_pieces_everywhere() => VerifyFixAsync<MaxoutPiecesCodeFixProvider>(
        "Use 2 pieces per unit",
        "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Maxout(3, {|NG0033:1|})]\n[Maxout(2, {|NG0033:0|})]\n[Dense(1, Activation.Linear)]\npublic partial class Net;\n",
        "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Maxout(3, 2)]\n[Maxout(2, 2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;\n",
        iterations: 2);

    [Fact]
    public Task Fan_in_fix_removes_the_declared_fan_in() => VerifyFixAsync<FanInCodeFixProvider>(
        RemoveInputs,
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, {|NG0011:Inputs = 5|})]"),
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Fan_in_fix_all_sets_every_declared_fan_in() => VerifyFixAsync<FanInCodeFixProvider>(
        SetInputs,
        "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU, {|NG0011:Inputs = 4|})]\n[Dense(1, Activation.Linear, {|NG0011:Inputs = 5|})]\npublic partial class Net;\n",
        "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU, Inputs = 2)]\n[Dense(1, Activation.Linear, Inputs = 3)]\npublic partial class Net;\n",
        iterations: 2);

    [Fact]
    public Task Pairing_error_fix_changes_the_activation_to_the_one_matching_the_loss() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the output activation to Sigmoid",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, {|NG0019:Activation.Linear|})]"),
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Sigmoid)]"));

    [Fact]
    public Task Pairing_error_fix_changes_the_loss_to_the_one_matching_the_activation() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the loss to MeanSquaredError",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, {|NG0019:Activation.Linear|})]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Pairing_fix_all_changes_the_activation_of_every_network() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the output activation to Sigmoid",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, {|NG0019:Activation.Linear|})]")
            + "\n[Network(Loss.BinaryCrossEntropy)]\n[Input(4)]\n[Dense(2, {|NG0019:Activation.Tanh|})]\npublic partial class Other;\n",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Sigmoid)]")
            + "\n[Network(Loss.BinaryCrossEntropy)]\n[Input(4)]\n[Dense(2, Activation.Sigmoid)]\npublic partial class Other;\n",
        iterations: 2);

    [Fact]
    public Task Pairing_warning_fix_changes_the_loss() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the loss to CategoricalCrossEntropy",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, {|NG0020:Activation.Softmax|})]"),
        Network("public partial class Net;", loss: "Loss.CategoricalCrossEntropy", output: "[Dense(3, Activation.Softmax)]"));

    [Fact]
    public Task Pairing_warning_fix_changes_the_activation() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the output activation to Linear",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, {|NG0020:Activation.Softmax|})]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, Activation.Linear)]"));

    [Fact]
    public Task Pairing_info_fix_changes_the_loss() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the loss to BinaryCrossEntropy",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, {|NG0021:Activation.Sigmoid|})]"),
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Sigmoid)]"));

    [Fact]
    public Task Pairing_info_fix_changes_the_activation() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the output activation to Linear",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, {|NG0021:Activation.Sigmoid|})]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Pairing_fix_keeps_a_using_static_name_short() => VerifyFixAsync<PairingCodeFixProvider>(
        "Change the output activation to Softmax",
        "using NetGen;\nusing static NetGen.Activation;\n\n[Network(NetGen.Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(3, ReLU)]\n[Dense(4, {|NG0019:Tanh|})]\npublic partial class Net;\n",
        "using NetGen;\nusing static NetGen.Activation;\n\n[Network(NetGen.Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(3, ReLU)]\n[Dense(4, Softmax)]\npublic partial class Net;\n");

    [Fact]
    public async Task Pairing_fix_does_not_offer_softmax_for_a_single_unit()
    {
        string source = Network("public partial class Net;", loss: "Loss.CategoricalCrossEntropy", output: "[Dense(1, {|NG0019:Activation.Tanh|})]");

        // Fixed code = test code: the framework fails if any offered action changes the source.
        var test = new NetGenCodeFixTest<PairingCodeFixProvider> { TestCode = source, FixedCode = source };
        await test.RunAsync();
        Assert.Empty(await OfferedFixes.TitlesAsync(Markup.Parse(source).Text, new PairingCodeFixProvider(), "NG0019"));
    }

    [Fact]
    public async Task Pairing_fix_offers_nothing_where_there_is_no_matching_member()
    {
        // Hinge has no matching activation; Sigmoid's matching loss is BinaryCrossEntropy.
        string source = Network("public partial class Net;", loss: "Loss.Hinge", output: "[Dense(1, Activation.Sigmoid)]");
        IReadOnlyList<string> titles = await OfferedFixes.TitlesAsync(source, new PairingCodeFixProvider(), "NG0020");
        Assert.Equal(new[] { "Change the loss to BinaryCrossEntropy" }, titles);
    }

    [Fact]
    public void Every_fixable_id_is_tested_and_every_provider_is_exported()
    {
        CodeFixProvider[] providers = { new MakePartialCodeFixProvider(), new FanInCodeFixProvider(), new PairingCodeFixProvider() };
        Assert.Equal(
            new[] { "NG0001", "NG0002", "NG0011", "NG0019", "NG0020", "NG0021" },
            providers.SelectMany(p => p.FixableDiagnosticIds).OrderBy(id => id));
        Assert.All(providers, p =>
        {
            Assert.NotNull(p.GetFixAllProvider());
            Assert.Single(p.GetType().GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false));
            Assert.Single(p.GetType().GetCustomAttributes(typeof(System.Composition.SharedAttribute), inherit: false));
        });
    }

    private static string Network(string declaration, string loss = "Loss.MeanSquaredError", string output = "[Dense(1, Activation.Linear)]") =>
        "using NetGen;\n\n[Network(" + loss + ")]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n" + output + "\n" + declaration + "\n";

    private static async Task VerifyFixAsync<TCodeFix>(string title, string before, string expected, int iterations = 1, bool nonLocal = false)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new NetGenCodeFixTest<TCodeFix>
        {
            TestCode = before,
            FixedCode = expected,
            CodeActionEquivalenceKey = title,
            NumberOfIncrementalIterations = iterations,
            NumberOfFixAllIterations = 1,
        };
        if (nonLocal)
        {
            test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        await test.RunAsync();

        // The fixed network is trainable again: its Backward is generated.
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(expected);
        Assert.All(result.GeneratedSources, generated => Assert.Contains(" Backward(global::System.ReadOnlySpan<", generated, StringComparison.Ordinal));
        Assert.NotEmpty(result.GeneratedSources);
    }
}
