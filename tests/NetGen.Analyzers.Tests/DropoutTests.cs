using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// [Dropout] beyond the one-case-per-id tests: every valid placement is accepted and generated, every
/// kind of misplacement (NG0027) and of invalid rate (NG0026) is reported on the [Dropout] with its message.
/// </summary>
public sealed class DropoutTests
{
    private const string Head = "using NetGen;\n\n[Network(Loss.MeanSquaredError)]\n";

    public static TheoryData<string, string> ValidNetworks() => new()
    {
        { "after the only hidden layer", Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(0.2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "rate 0", Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(0)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "rate just below 1", Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(0.999)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "float rate", Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(0.25f)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "named rate", Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(rate: 0.1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "after every hidden layer", Head + "[Input(4)]\n[Dense(16, Activation.ReLU)]\n[Dropout(0.5)]\n[Dense(8, Activation.Tanh)]\n[Dropout(0.1)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "after one of two hidden layers", Head + "[Input(4)]\n[Dense(16, Activation.LeakyReLU)]\n[Dense(8, Activation.ELU)]\n[Dropout(0.3)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;" },
        { "double precision, Adam, softmax output", "using NetGen;\n\n[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double, Optimizer = Optimizer.Adam)]\n[Input(64)]\n[Dense(32, Activation.ReLU)]\n[Dropout(0.2)]\n[Dense(10, Activation.Softmax)]\npublic partial class DigitsNet;" },
        { "nested in a namespace and a type", "using NetGen;\n\nnamespace Models;\n\npublic partial class Outer\n{\n    [Network(Loss.BinaryCrossEntropy)]\n    [Input(3)]\n    [Dense(5, Activation.ReLU)]\n    [Dropout(0.5)]\n    [Dense(1, Activation.Sigmoid)]\n    internal partial class Net;\n}" },
        { "fully qualified attribute name", "[NetGen.Network(NetGen.Loss.MeanSquaredError)]\n[NetGen.Input(2)]\n[NetGen.Dense(8, NetGen.Activation.ReLU)]\n[NetGen.DropoutAttribute(0.5)]\n[NetGen.Dense(1, NetGen.Activation.Linear)]\npublic partial class Net;" },
    };

    public static TheoryData<string, string, string> WrongNetworks() => new()
    {
        // name, source with the span marked, message
        {
            "right after the input",
            Head + "[Input(2)]\n[{|#0:Dropout(0.5)|}]\n[Dense(8, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0027: Network 'Net' has a [Dropout] before any [Dense] layer, but a [Dropout] must directly follow a hidden [Dense] layer"
        },
        {
            "before the input",
            Head + "[{|#0:Dropout(0.5)|}]\n[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0027: Network 'Net' has a [Dropout] before any [Dense] layer, but a [Dropout] must directly follow a hidden [Dense] layer"
        },
        {
            "after the output layer of a one-layer network",
            Head + "[Input(2)]\n[Dense(1, Activation.Linear)]\n[{|#0:Dropout(0.5)|}]\npublic partial class Net;",
            "NG0027: Network 'Net' has a [Dropout] after the output layer 1, but a [Dropout] must directly follow a hidden [Dense] layer"
        },
        {
            "right after another dropout",
            Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout(0.5)]\n[{|#0:Dropout(0.2)|}]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0027: Network 'Net' has a [Dropout] right after another [Dropout], but a [Dropout] must directly follow a hidden [Dense] layer"
        },
        {
            "negative rate",
            Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dense(8, Activation.ReLU)]\n[Dropout({|#0:-0.5|})]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0026: Network 'Net': the [Dropout] after layer 2 ([Dense]) has rate -0.5, but a dropout rate must be at least 0 and less than 1"
        },
        {
            "percent instead of a probability",
            Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout({|#0:50|})]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0026: Network 'Net': the [Dropout] after layer 1 ([Dense]) has rate 50, but a dropout rate must be at least 0 and less than 1"
        },
        {
            "NaN",
            Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout({|#0:double.NaN|})]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0026: Network 'Net': the [Dropout] after layer 1 ([Dense]) has rate NaN, but a dropout rate must be at least 0 and less than 1"
        },
        {
            "named rate argument",
            Head + "[Input(2)]\n[Dense(8, Activation.ReLU)]\n[Dropout({|#0:rate: 1.5|})]\n[Dense(1, Activation.Linear)]\npublic partial class Net;",
            "NG0026: Network 'Net': the [Dropout] after layer 1 ([Dense]) has rate 1.5, but a dropout rate must be at least 0 and less than 1"
        },
    };

    [Theory]
    [MemberData(nameof(ValidNetworks))]
    public Task Dropout_after_a_hidden_layer_reports_nothing(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        return NetGenAnalyzerTest.VerifyAsync(source);
    }

    [Theory]
    [MemberData(nameof(ValidNetworks))]
    public async Task Dropout_after_a_hidden_layer_is_accepted_and_its_code_compiles(string name, string source)
    {
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(source);

        Assert.True(result.Exceptions.Count == 0, name + ": " + string.Join("\n", result.Exceptions));
        Assert.Empty(result.AnalyzerDiagnostics);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilerDiagnostics);
        string generated = Assert.Single(result.GeneratedSources);
        Assert.Contains("SeedDropout", generated, System.StringComparison.Ordinal);

        using var stream = new MemoryStream();
        EmitResult emit = result.Output.Emit(stream);
        Assert.True(emit.Success, name + ": " + string.Join("\n", emit.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(WrongNetworks))]
    public Task Misplaced_dropout_or_invalid_rate_is_reported_on_the_dropout(string name, string marked, string expected)
    {
        string id = expected.Substring(0, expected.IndexOf(':', System.StringComparison.Ordinal));
        string message = expected.Substring(id.Length + 2);
        Assert.False(string.IsNullOrEmpty(name));
        return NetGenAnalyzerTest.VerifyAsync(marked, NetGenAnalyzerTest.Diagnostic(id).WithLocation(0).WithMessage(message));
    }

    [Theory]
    [MemberData(nameof(WrongNetworks))]
    public async Task Misplaced_dropout_or_invalid_rate_generates_nothing(string name, string marked, string expected)
    {
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(Markup.Parse(marked).Text);

        Assert.True(result.Exceptions.Count == 0, name + ": " + string.Join("\n", result.Exceptions));
        Assert.StartsWith(result.AnalyzerDiagnostics.Single().Id, expected, System.StringComparison.Ordinal);

        // An error: nothing is generated, and the compiler adds nothing of its own.
        Assert.Empty(result.GeneratedSources);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public Task Every_misplaced_dropout_and_every_invalid_rate_is_reported_once() => NetGenAnalyzerTest.VerifyAsync(
        Head + "[{|NG0027:Dropout(0.1)|}]\n[Input(2)]\n[{|NG0027:Dropout(0.1)|}]\n[Dense(8, Activation.ReLU)]\n[Dropout({|NG0026:2|})]\n[{|NG0027:Dropout(0.1)|}]\n"
        + "[Dense(8, Activation.ReLU)]\n[Dropout({|NG0026:-1|})]\n[Dense(1, Activation.Linear)]\n[{|NG0027:Dropout(0.1)|}]\npublic partial class Net;");
}
