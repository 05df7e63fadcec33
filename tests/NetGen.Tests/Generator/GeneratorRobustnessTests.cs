using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// Invalid and half-typed declarations: the generator emits nothing for them (the analyzers report
/// why) and never throws — no CS8785 ("generator failed"), no exception in the run result.
/// </summary>
public sealed class GeneratorRobustnessTests
{
    public static TheoryData<string, string> Broken => new()
    {
        { "half-typed attribute", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(] public partial class Net;" },
        { "wrong argument types", "[Network(Loss.MeanSquaredError)] [Input(\"two\")] [Dense(1.5, Activation.Linear)] public partial class Net;" },
        { "undefined activation", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, (Activation)99)] public partial class Net;" },
        { "undefined loss", "[Network((Loss)42)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net;" },
        { "int.MaxValue width", "[Network(Loss.MeanSquaredError)] [Input(int.MaxValue)] [Dense(int.MaxValue, Activation.Linear)] public partial class Net;" },
        { "negative width", "[Network(Loss.MeanSquaredError)] [Input(-3)] [Dense(0, Activation.Linear)] public partial class Net;" },
        { "no layers", "[Network(Loss.MeanSquaredError)] public partial class Net;" },
        { "dense before input", "[Network(Loss.MeanSquaredError)] [Dense(1, Activation.Linear)] [Input(2)] public partial class Net;" },
        { "two inputs", "[Network(Loss.MeanSquaredError)] [Input(2)] [Input(3)] [Dense(1, Activation.Linear)] public partial class Net;" },
        { "not partial", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public class Net;" },
        { "generic", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net<T>;" },
        { "struct", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial struct Net;" },
        { "invalid pairing", "[Network(Loss.CategoricalCrossEntropy)] [Input(2)] [Dense(3, Activation.Linear)] public partial class Net;" },
        { "fan-in mismatch", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh, Inputs = 5)] [Dense(1, Activation.Linear)] public partial class Net;" },
        { "missing using", "namespace Other { [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net; }" },
        { "nested in non-partial", "public class Outer { [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net; }" },
        { "huge alpha", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.ELU, Alpha = double.PositiveInfinity)] public partial class Net;" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Emits_nothing_and_never_throws(string what, string declaration)
    {
        string source = what == "missing using" ? declaration : "using NetGen;\n" + declaration;

        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_syntax_error_in_the_class_body_does_not_stop_generation_while_typing()
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net { void M( }");

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.Equal(new[] { "Net.g.cs" }, run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void A_valid_network_beside_a_broken_one_is_still_generated()
    {
        GeneratorRun run = GeneratorHarness.Run("""
            using NetGen;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, (Activation)99)] public partial class Broken;
            [Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Fine;
            """);

        Assert.Equal(new[] { "Fine.g.cs" }, run.Sources.Select(s => s.HintName));
    }
}
