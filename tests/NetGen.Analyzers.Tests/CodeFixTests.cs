using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// Every code fix applied to its snippet: the exact source it produces, and that this source compiles
/// with no NG diagnostic and (for a trainable network) a generated Backward.
/// </summary>
public sealed class CodeFixTests
{
    private const string MakeNetPartial = "Make 'Net' partial";
    private const string SetInputs = "Set Inputs to the previous layer's width";
    private const string RemoveInputs = "Remove the declared fan-in (Inputs)";

    [Fact]
    public Task Make_partial_adds_the_modifier_after_the_others() => AssertFixAsync(
        new MakePartialCodeFixProvider(),
        "NG0001",
        MakeNetPartial,
        Network("public sealed class Net;"),
        Network("public sealed partial class Net;"));

    [Fact]
    public Task Make_partial_on_a_class_without_modifiers_keeps_the_layout() => AssertFixAsync(
        new MakePartialCodeFixProvider(),
        "NG0001",
        MakeNetPartial,
        "using NetGen;\n\nnamespace App\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    class Net { }\n}\n",
        "using NetGen;\n\nnamespace App\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    partial class Net { }\n}\n");

    [Fact]
    public Task Make_partial_fixes_the_containing_type() => AssertFixAsync(
        new MakePartialCodeFixProvider(),
        "NG0002",
        "Make 'Outer' partial",
        "using NetGen;\n\npublic static class Outer\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}\n",
        "using NetGen;\n\npublic static partial class Outer\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}\n");

    [Fact]
    public Task Fan_in_fix_sets_the_previous_width() => AssertFixAsync(
        new FanInCodeFixProvider(),
        "NG0011",
        SetInputs,
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, Inputs = 5)]"),
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, Inputs = 3)]"));

    [Fact]
    public Task Fan_in_fix_removes_the_declared_fan_in() => AssertFixAsync(
        new FanInCodeFixProvider(),
        "NG0011",
        RemoveInputs,
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear, Inputs = 5)]"),
        Network("public partial class Net;", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Pairing_error_fix_changes_the_activation_to_the_one_matching_the_loss() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0019",
        "Change the output activation to Sigmoid",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Linear)]"),
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Sigmoid)]"));

    [Fact]
    public Task Pairing_error_fix_changes_the_loss_to_the_one_matching_the_activation() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0019",
        "Change the loss to MeanSquaredError",
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Linear)]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Pairing_warning_fix_changes_the_loss() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0020",
        "Change the loss to CategoricalCrossEntropy",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, Activation.Softmax)]"),
        Network("public partial class Net;", loss: "Loss.CategoricalCrossEntropy", output: "[Dense(3, Activation.Softmax)]"));

    [Fact]
    public Task Pairing_warning_fix_changes_the_activation() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0020",
        "Change the output activation to Linear",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, Activation.Softmax)]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(3, Activation.Linear)]"));

    [Fact]
    public Task Pairing_info_fix_changes_the_loss() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0021",
        "Change the loss to BinaryCrossEntropy",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Sigmoid)]"),
        Network("public partial class Net;", loss: "Loss.BinaryCrossEntropy", output: "[Dense(1, Activation.Sigmoid)]"));

    [Fact]
    public Task Pairing_info_fix_changes_the_activation() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0021",
        "Change the output activation to Linear",
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Sigmoid)]"),
        Network("public partial class Net;", loss: "Loss.MeanSquaredError", output: "[Dense(1, Activation.Linear)]"));

    [Fact]
    public Task Pairing_fix_keeps_a_using_static_name_short() => AssertFixAsync(
        new PairingCodeFixProvider(),
        "NG0019",
        "Change the output activation to Softmax",
        "using NetGen;\nusing static NetGen.Activation;\n\n[Network(NetGen.Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(3, ReLU)]\n[Dense(4, Tanh)]\npublic partial class Net;\n",
        "using NetGen;\nusing static NetGen.Activation;\n\n[Network(NetGen.Loss.CategoricalCrossEntropy)]\n[Input(2)]\n[Dense(3, ReLU)]\n[Dense(4, Softmax)]\npublic partial class Net;\n");

    [Fact]
    public async Task Pairing_fix_does_not_offer_softmax_for_a_single_unit()
    {
        string source = Network("public partial class Net;", loss: "Loss.CategoricalCrossEntropy", output: "[Dense(1, Activation.Tanh)]");
        IReadOnlyList<string> titles = await CodeFixRunner.TitlesAsync(source, new PairingCodeFixProvider(), "NG0019");
        Assert.Empty(titles);
    }

    [Fact]
    public async Task Pairing_fix_offers_nothing_where_there_is_no_matching_member()
    {
        // Hinge has no matching activation; Sigmoid's matching loss is BinaryCrossEntropy.
        string source = Network("public partial class Net;", loss: "Loss.Hinge", output: "[Dense(1, Activation.Sigmoid)]");
        IReadOnlyList<string> titles = await CodeFixRunner.TitlesAsync(source, new PairingCodeFixProvider(), "NG0020");
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

    private static async Task AssertFixAsync(CodeFixProvider provider, string id, string title, string before, string expected)
    {
        string after = await CodeFixRunner.ApplyAsync(before, provider, id, title);
        Assert.Equal(expected, after);

        NetworkCompilation result = await NetworkCompilation.RunAsync(after);
        Assert.Empty(result.Exceptions);
        Assert.Empty(result.AnalyzerDiagnostics);
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        string generated = Assert.Single(result.GeneratedSources);
        Assert.Contains(" Backward(global::System.ReadOnlySpan<", generated, StringComparison.Ordinal);
    }
}
