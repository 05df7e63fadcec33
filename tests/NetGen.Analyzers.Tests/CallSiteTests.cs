using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>NG0025 for every way of writing a length known at compile time, and NG0023 for every way of reaching a training member.</summary>
public sealed class CallSiteTests
{
    private const string Network = """
        using System;
        using NetGen;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.ReLU)]
        [Dense(1, Activation.Linear)]
        public partial class Net;

        """;

    private const string StepNetwork = """
        using System;
        using NetGen;

        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(3, Activation.Step)]
        [Dense(1, Activation.Linear)]
        public partial class Net;

        """;

    [Theory]
    [InlineData("n.Forward([|new float[3]|], new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 3")]
    [InlineData("n.Forward([|stackalloc float[5]|], new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 5")]
    [InlineData("n.Forward(new float[2], [|stackalloc float[] { 1, 2 }|]);", "'Net.Forward' needs 'output' of length 1 (OutputSize), but this argument has length 2")]
    [InlineData("n.Forward([|[1f]|], new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 1")]
    [InlineData("n.ComputeLoss(new float[1], [|new[] { 1f, 2f }|]);", "'Net.ComputeLoss' needs 'target' of length 1 (OutputSize), but this argument has length 2")]
    [InlineData("n.TrainStep(new float[2], [|[]|]);", "'Net.TrainStep' needs 'target' of length 1 (OutputSize), but this argument has length 0")]
    [InlineData("n.Backward(new float[2], new float[1], [|new float[12]|]);", "'Net.Backward' needs 'gradient' of length 13 (ParameterCount), but this argument has length 12")]
    [InlineData("n.Forward(input: new float[2], [|output: new float[Net.InputSize]|]);", "'Net.Forward' needs 'output' of length 1 (OutputSize), but this argument has length 2")]
    public async Task Length_known_at_compile_time_is_checked(string call, string message)
    {
        MarkedSource source = MarkedSource.Parse(Network + "public static class Use { public static void M(Net n) { " + call + " } }");
        NetworkCompilation result = await NetworkCompilation.RunAsync(source.Text);

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Diagnostic diagnostic = Assert.Single(result.AnalyzerDiagnostics);
        Assert.Equal("NG0025", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(source.Spans[0], diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("n.Forward(new float[2], stackalloc float[Net.OutputSize]);")]
    [InlineData("n.Forward([1f, 2f], [0f]);")]
    [InlineData("n.Forward(x, new float[1]);")]
    [InlineData("n.Forward([.. x], new float[1]);")]
    [InlineData("n.Forward(new float[k], new float[1]);")]
    [InlineData("n.Backward(x, x, new float[Net.ParameterCount]);")]
    public async Task Right_or_unknown_lengths_are_not_reported(string call)
    {
        NetworkCompilation result = await NetworkCompilation.RunAsync(Network + "public static class Use { public static void M(Net n, float[] x, int k) { " + call + " } }");

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(result.AnalyzerDiagnostics);
    }

    [Theory]
    [InlineData("public static class Use { public static void M(Net n) { n.[|Backward|](default, default, default); } }", "Backward")]
    [InlineData("public static class Use { public static void M(Net? n) { n?.[|ApplyGradients|](default, 1); } }", "ApplyGradients")]
    [InlineData("public static class Use { public static float M(Net n) => n.[|BackwardBatch|](default, default, default); }", "BackwardBatch")]
    [InlineData("public static class Use { public static double M(Net n) => n.[|Hyperparameters|].LearningRate; }", "Hyperparameters")]
    [InlineData("public static class Use { public static object M() => Net.[|OptimizerAlgorithm|]; }", "OptimizerAlgorithm")]
    [InlineData("public partial class Net { public void Reset() => [|ResetOptimizerState|](); }", "ResetOptimizerState")]
    public async Task Training_member_of_an_inference_only_network_is_an_error(string code, string member)
    {
        MarkedSource source = MarkedSource.Parse(StepNetwork + code);
        NetworkCompilation result = await NetworkCompilation.RunAsync(source.Text);

        Assert.Empty(result.Exceptions);
        Diagnostic diagnostic = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == "NG0023");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(source.Spans[0], diagnostic.Location.SourceSpan);
        Assert.Equal("Network 'Net' is inference-only because layer 1 ([Dense]) uses Step, so it has no " + member, diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_member_the_user_wrote_is_not_reported()
    {
        NetworkCompilation result = await NetworkCompilation.RunAsync(
            StepNetwork + "public partial class Net { public void Backward() { } }\npublic static class Use { public static void M(Net n) => n.Backward(); }");

        Assert.Empty(result.Exceptions);
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "NG0023");
    }
}
