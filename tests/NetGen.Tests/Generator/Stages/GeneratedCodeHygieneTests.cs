using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>
/// Valid projects the generator used to break: networks whose names differ only in case or read alike across a
/// namespace and a nested type (CS8785, duplicate hint name), and user code that declares the names generated code
/// used unqualified (Math, MathF, Span…). Each must compile with no error and no warning, every network generated.
/// </summary>
public sealed class GeneratedCodeHygieneTests
{
    private const string Layers = "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(1, Activation.Linear)]";

    // The same on the kernels: a wide first layer, so that spans, kernels and Math.Min in BackwardBatch are emitted.
    private const string WideLayers = "[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(40)] [Dense(24, Activation.ReLU)] [Dropout(0.2)] [Dense(3, Activation.Softmax)]";

    public static TheoryData<string, string, int> LookAlikes => new()
    {
        { "names that differ only in case", "namespace Demo { " + Layers + " public partial class PairNet; " + Layers + " public partial class Pairnet; }", 2 },
        { "three case variants", Layers + " public partial class NET; " + Layers + " public partial class Net; " + Layers + " public partial class net;", 3 },
        { "a namespace A.B and a nested A.Outer.B, each holding a C", "namespace A.B { " + Layers + " public partial class C; } namespace A { public partial class Outer { public partial class B { " + Layers + " public partial class C; } } }", 2 },
        { "a namespace a.b.C next to a class A.B.C", "namespace a.b { " + Layers + " public partial class C; } namespace A.B { " + Layers + " public partial class C; }", 2 },
    };

    public static TheoryData<string, string> Captures => new()
    {
        { "members named Math, MathF, Span, ReadOnlySpan, ArgumentException", "public partial class Net { public int Math; public static int MathF => 1; public class Span { } public class ReadOnlySpan { } public class ArgumentException { } public class ArgumentOutOfRangeException { } }" },
        { "a namespace with its own Span, Math, MathF and System", "namespace Demo { public class Span<T> { } public class ReadOnlySpan<T> { } public static class Math { } public static class MathF { } public class System { } public partial class Net; }" },
        { "a nested type named NetGen", "public partial class Net { public class NetGen { } }" },
        { "a member named global-looking names", "public partial class Net { public int w; public int update; public int loss; public int rate; public int random; }" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Look_alike_names_each_get_a_unique_hint_name(string what, string source, int networks)
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + source);

        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(networks, run.Sources.Count);
        Assert.Equal(networks, run.Sources.Select(s => s.HintName.ToUpperInvariant()).Distinct().Count());
        AssertCompilesCleanly(run, what);
    }

    [Fact]
    public void A_namespace_and_a_class_of_the_same_name_leave_the_compiler_its_own_error_and_every_other_network_generated()
    {
        // namespace A.B next to class A.B is CS0101 in C#; the generator must still not fail (CS8785), which would take
        // every other network's members with it.
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\nnamespace A.B { " + Layers + " public partial class C; } namespace A { public partial class B { " + Layers + " public partial class C; } } namespace Demo { " + Layers + " public partial class Other; }");

        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
        Assert.Equal(new[] { "A.B.C.g.cs", "A.B.C.2.g.cs", "Demo.Other.g.cs" }.OrderBy(n => n, System.StringComparer.Ordinal), run.Sources.Select(s => s.HintName));
        Assert.All(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.Equal("CS0101", d.Id));
    }

    [Fact]
    public void A_unique_name_keeps_its_readable_hint_name_and_a_look_alike_gets_a_number()
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\nnamespace Demo { " + Layers + " public partial class PairNet; " + Layers + " public partial class Pairnet; " + Layers + " public partial class Other; }");

        Assert.Equal(new[] { "Demo.Other.g.cs", "Demo.PairNet.g.cs", "Demo.Pairnet.2.g.cs" }, run.Sources.Select(s => s.HintName).ToArray());
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Names_the_user_declares_do_not_capture_generated_code(string what, string declaration)
    {
        foreach (string layers in new[] { Layers, WideLayers })
        {
            string source = declaration.StartsWith("namespace", System.StringComparison.Ordinal)
                ? declaration.Replace("public partial class Net;", layers + " public partial class Net;")
                : layers + " " + declaration;
            GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + source);

            Assert.Single(run.Sources);
            AssertCompilesCleanly(run, what);
        }
    }

    [Fact]
    public void The_generated_file_imports_nothing()
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\n" + WideLayers + " public partial class Net;");

        Assert.DoesNotContain(run.Sources.Single().Text.Split('\n'), line => line.StartsWith("using ", System.StringComparison.Ordinal));
    }

    private static void AssertCompilesCleanly(GeneratorRun run, string what)
    {
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, what + ":\n" + string.Join("\n", problems));
    }
}
