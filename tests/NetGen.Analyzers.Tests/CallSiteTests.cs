using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// On Microsoft.CodeAnalysis.Testing (every other diagnostic, compiler errors included, fails a test):
/// NG0025 for every way of writing a length known at compile time, and NG0023 for every way of reaching a training member.
/// </summary>
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
        [Dense(3, {|NG0022:Activation.Step|})]
        [Dense(1, Activation.Linear)]
        public partial class Net;

        """;

    [Theory]
    [InlineData("n.Forward({|#0:new float[3]|}, new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 3")]
    [InlineData("n.Forward({|#0:stackalloc float[5]|}, new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 5")]
    [InlineData("n.Forward(new float[2], {|#0:stackalloc float[] { 1, 2 }|});", "'Net.Forward' needs 'output' of length 1 (OutputSize), but this argument has length 2")]
    [InlineData("n.Forward({|#0:[1f]|}, new float[1]);", "'Net.Forward' needs 'input' of length 2 (InputSize), but this argument has length 1")]
    [InlineData("n.ComputeLoss(new float[1], {|#0:new[] { 1f, 2f }|});", "'Net.ComputeLoss' needs 'target' of length 1 (OutputSize), but this argument has length 2")]
    [InlineData("n.TrainStep(new float[2], {|#0:[]|});", "'Net.TrainStep' needs 'target' of length 1 (OutputSize), but this argument has length 0")]
    [InlineData("n.Backward(new float[2], new float[1], {|#0:new float[12]|});", "'Net.Backward' needs 'gradient' of length 13 (ParameterCount), but this argument has length 12")]
    [InlineData("n.Forward(input: new float[2], {|#0:output: new float[Net.InputSize]|});", "'Net.Forward' needs 'output' of length 1 (OutputSize), but this argument has length 2")]
    public Task Length_known_at_compile_time_is_checked(string call, string message) =>
        NetGenAnalyzerTest.VerifyAsync(
            Network + "public static class Use { public static void M(Net n) { " + call + " } }",
            NetGenAnalyzerTest.Diagnostic("NG0025").WithLocation(0).WithMessage(message));

    [Theory]
    [InlineData("n.Forward(new float[2], stackalloc float[Net.OutputSize]);")]
    [InlineData("n.Forward([1f, 2f], [0f]);")]
    [InlineData("n.Forward(x, new float[1]);")]
    [InlineData("n.Forward([.. x], new float[1]);")]
    [InlineData("n.Forward(new float[k], new float[1]);")]
    [InlineData("n.Backward(x, x, new float[Net.ParameterCount]);")]
    public Task Right_or_unknown_lengths_are_not_reported(string call) =>
        NetGenAnalyzerTest.VerifyAsync(Network + "public static class Use { public static void M(Net n, float[] x, int k) { " + call + " } }");

    [Theory]
    [InlineData("public static class Use { public static void M(Net n) { n.{|#0:{|#1:Backward|}|}(default, default, default); } }", "Backward", "CS1061")]
    [InlineData("public static class Use { public static void M(Net? n) { n?{|#1:.{|#0:ApplyGradients|}|}(default, 1); } }", "ApplyGradients", "CS1061")]
    [InlineData("public static class Use { public static float M(Net n) => n.{|#0:{|#1:BackwardBatch|}|}(default, default, default); }", "BackwardBatch", "CS1061")]
    [InlineData("public static class Use { public static double M(Net n) => n.{|#0:{|#1:Hyperparameters|}|}.LearningRate; }", "Hyperparameters", "CS1061")]
    [InlineData("public static class Use { public static object M() => Net.{|#0:{|#1:OptimizerAlgorithm|}|}; }", "OptimizerAlgorithm", "CS0117")]
    [InlineData("public partial class Net { public void Reset() => {|#0:{|#1:ResetOptimizerState|}|}(); }", "ResetOptimizerState", "CS0103")]
    public Task Training_member_of_an_inference_only_network_is_an_error(string code, string member, string compilerError) =>
        NetGenAnalyzerTest.VerifyAsync(
            StepNetwork + code,
            NetGenAnalyzerTest.Diagnostic("NG0023").WithLocation(0)
                .WithMessage("Network 'Net' is inference-only because layer 1 ([Dense]) uses Step, so it has no " + member),
            DiagnosticResult.CompilerError(compilerError).WithLocation(1)); // the member is not generated, and the compiler says so too

    [Fact]
    public Task A_member_the_user_wrote_is_not_reported() =>
        NetGenAnalyzerTest.VerifyAsync(
            StepNetwork + "public partial class Net { public void Backward() { } }\npublic static class Use { public static void M(Net n) => n.Backward(); }");
}
