using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// The analyzer and the generator over broken declarations and call sites: they report diagnostics
/// and never throw (no AD0001, no CS8785). Where the compiler already reports the problem (the
/// attribute does not bind), NetGen says nothing of its own.
/// </summary>
public sealed class RobustnessTests
{
    private const string Quiet = "";

    public static TheoryData<string, string, string> Corpus() => new()
    {
        // name, source, the NG id that must be reported ("" = none of ours: the compiler reports it)
        { "half-typed dense", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, ]\npublic partial class Net;", Quiet },
        { "dense without arguments", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense]\npublic partial class Net;", Quiet },
        { "unclosed attribute list", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)\npublic partial class Net;", "NG0021" }, // the parser recovers the attribute: it binds
        { "string width", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(\"3\", Activation.ReLU)]\npublic partial class Net;", Quiet },
        { "double width", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2.5)]\n[Dense(3, Activation.ReLU)]\npublic partial class Net;", Quiet },
        { "misspelled activation", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.Relu)]\npublic partial class Net;", Quiet },
        { "int as activation", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, 3)]\npublic partial class Net;", Quiet },
        { "unknown named argument", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU, Units = 4)]\npublic partial class Net;", Quiet },
        { "network without loss", "using NetGen;\n[Network]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "missing using", "[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "attributes without a class", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\n", Quiet },
        { "unclosed class", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net {\n  public void M() {", Quiet },
        { "undefined activation", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, (Activation)99)]\n[Dense(1, (Activation)(-1))]\npublic partial class Net;", "NG0015" },
        { "undefined loss", "using NetGen;\n[Network((Loss)99)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0016" },
        { "undefined precision", "using NetGen;\n[Network(Loss.MeanSquaredError, Precision = (Precision)7, Optimizer = (Optimizer)(-3))]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0016" },
        { "int.MaxValue widths", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(int.MaxValue)]\n[Dense(int.MaxValue, Activation.ReLU)]\n[Dense(int.MaxValue, Activation.ReLU)]\n[Dense(int.MaxValue, Activation.ReLU)]\n[Dense(int.MaxValue, Activation.Linear)]\npublic partial class Net;", "NG0010" },
        { "int.MinValue widths", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(int.MinValue)]\n[Dense(int.MinValue, Activation.Linear, Inputs = int.MinValue)]\npublic partial class Net;", "NG0009" },
        { "int.MaxValue fan-in", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear, Inputs = int.MaxValue)]\npublic partial class Net;", "NG0011" },
        { "infinite alpha", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.LeakyReLU, Alpha = double.PositiveInfinity)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0017" },
        { "NaN Huber delta", "using NetGen;\n[Network(Loss.Huber, HuberDelta = double.NaN)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0018" },
        { "NaN dropout rate", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(double.NaN)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0026" },
        { "infinite dropout rates", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(double.NegativeInfinity)]\n[Dense(3, Activation.ReLU)]\n[Dropout(double.PositiveInfinity)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", "NG0026" },
        { "string dropout rate", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(\"x\")]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "dropout without a rate", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "half-typed dropout", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "undefined name as dropout rate", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(Rate)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "non-constant dropout rate", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dropout(double.Parse(\"0.5\"))]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "dropouts everywhere", "using NetGen;\n[Dropout(2)]\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dropout(-1)]\n[Dense(3, Activation.ReLU)]\n[Dropout(0.5)]\n[Dropout(0.5)]\n[Dense(1, Activation.Linear)]\n[Dropout(double.NaN)]\npublic partial class Net;", "NG0027" },
        { "network on an enum", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic enum Net { A }", Quiet },
        { "network on an interface", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial interface INet;", "NG0004" },
        { "network on a record struct", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial record struct Net;", "NG0004" },
        { "two network attributes", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Network(Loss.Huber)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;", Quiet },
        { "nested in a generic type", "using NetGen;\npublic partial class Outer<T>\n{\n    [Network(Loss.MeanSquaredError)]\n    [Input(2)]\n    [Dense(1, Activation.Linear)]\n    public partial class Net;\n}", "NG0003" },
        { "everything wrong at once", "using NetGen;\n[Network((Loss)50, HuberDelta = -1)]\n[Dense(0, (Activation)77, Inputs = 9)]\n[Input(-1)]\n[Input(0)]\n[Dense(1, Activation.Softmax)]\npublic struct Net<T>;", "NG0004" },
        { "call with bad lengths", Valid + "public static class Use { public static void M(Net n, float[] x) { n.Forward(stackalloc float[int.MaxValue], new float[-1]); n.Forward([.. x], [1, 2, 3]); n.Forward(null, default); n.Backward(new float[3], new float[] { }, stackalloc float[] { 1 }); } }", "NG0025" },
        { "call with a non-constant length", Valid + "public static class Use { public static void M(Net n, int k) { n.Forward(new float[k], stackalloc float[k]); int broken = \"x\"; } }", Quiet },
        { "training call on a broken network", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(0)]\n[Dense(1, Activation.Step)]\npublic partial class Net;\npublic static class Use { public static void M(Net n) { n.Backward(null, null, null); n.Hyperparameters.LearningRate = 1; } }", "NG0009" },
        { "training member used inside the network", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Step)]\npublic partial class Net { public void Train() => Backward(default, default, default); }", "NG0023" },
    };

    private const string Valid = "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;\n";

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Broken_source_is_reported_and_nothing_throws(string name, string source, string expectedId)
    {
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(source);

        Assert.True(result.Exceptions.Count == 0, name + ": " + string.Join("\n", result.Exceptions));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "NG9999");

        bool anyError = result.AnalyzerDiagnostics.Concat(result.Output.GetDiagnostics()).Any(d => d.Severity == DiagnosticSeverity.Error)
            || result.AnalyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.True(anyError, name + ": nothing was reported");

        if (expectedId == Quiet)
        {
            Assert.Empty(result.AnalyzerDiagnostics);
        }
        else
        {
            Assert.Contains(result.AnalyzerDiagnostics, d => d.Id == expectedId);
        }
    }
}
