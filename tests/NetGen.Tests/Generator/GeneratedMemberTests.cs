using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// Focused checks of single generated members beside the whole-file snapshots: each test reads one
/// member (found by syntax) of a written-out network and checks it against what math.md's flat
/// parameter order implies for the declared widths — W¹ row by row, b¹, W², b², … — so that a change
/// to Forward, Backward or TrainStep fails here, in the member's own test.
/// </summary>
public sealed class GeneratedMemberTests
{
    /// <summary>Written-out networks (at most 128 weights, fan-ins at most 16): input width, then each Dense width.</summary>
    public static TheoryData<string> Shapes() => new() { "2 2 1", "3 2 1", "1 8 1", "2 3 3 1", "4 5 3" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Size_constants_are_the_declared_widths_and_the_parameter_count(string shape)
    {
        int[] widths = Widths(shape);
        string source = Generate(widths);

        Assert.Equal(widths[0], GeneratedMember.Constant(source, "InputSize"));
        Assert.Equal(widths[^1], GeneratedMember.Constant(source, "OutputSize"));
        for (int l = 1; l < widths.Length; l++)
        {
            Assert.Equal(widths[l], GeneratedMember.Constant(source, "Layer" + l + "Size"));
        }

        Assert.Equal(ParameterCount(widths), GeneratedMember.Constant(source, "ParameterCount"));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_reads_every_parameter_once_and_writes_every_output_once(string shape)
    {
        int[] widths = Widths(shape);
        GeneratedMember forward = GeneratedMember.Method(Generate(widths), "Forward", 2);

        var w = forward.ConstantIndices("w");
        Assert.All(w, access => Assert.False(access.Written));
        Assert.Equal(Enumerable.Range(0, ParameterCount(widths)), w.Select(a => a.Index).OrderBy(i => i));

        var output = forward.ConstantIndices("output");
        Assert.All(output, access => Assert.True(access.Written));
        Assert.Equal(Enumerable.Range(0, widths[^1]), output.Select(a => a.Index).OrderBy(i => i));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_adds_to_every_gradient_entry_once_and_reads_the_later_weights_again_for_the_deltas(string shape)
    {
        int[] widths = Widths(shape);
        GeneratedMember backward = GeneratedMember.Method(Generate(widths), "Backward", 3);

        var gradient = backward.ConstantIndices("gradient");
        Assert.All(gradient, access => Assert.True(access.Written));
        Assert.Equal(Enumerable.Range(0, ParameterCount(widths)), gradient.Select(a => a.Index).OrderBy(i => i));

        // The forward pass reads every parameter once; δˡ⁻¹ = f′(aˡ⁻¹) ⊙ (Wˡᵀδˡ) reads each weight of Wˡ (l ≥ 2) once more.
        var expected = Enumerable.Range(0, ParameterCount(widths)).Concat(LaterWeights(widths)).OrderBy(i => i);
        Assert.Equal(expected, backward.ConstantIndices("w").Select(a => a.Index).OrderBy(i => i));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Sgd_TrainStep_updates_every_parameter_once_and_only_after_its_last_read(string shape)
    {
        int[] widths = Widths(shape);
        GeneratedMember trainStep = GeneratedMember.Method(Generate(widths), "TrainStep", 2);
        var w = trainStep.ConstantIndices("w");

        var updates = w.Where(a => a.Written).ToList();
        Assert.Equal(Enumerable.Range(0, ParameterCount(widths)), updates.Select(a => a.Index).OrderBy(i => i));

        // An update before a read would feed the new weight into this sample's deltas.
        foreach (var update in updates)
        {
            int lastRead = w.Where(a => !a.Written && a.Index == update.Index && !Inside(trainStep, a.Position, update.Position)).Max(a => a.Position);
            Assert.True(lastRead < update.Position, $"w[{update.Index}] is updated before it is read for a delta");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ForwardBatch_of_a_written_out_network_still_runs_the_matrix_products(string shape)
    {
        // bench/batch-strategy: the products' SIMD activations beat even a written-out Forward, so no network calls Forward per sample.
        GeneratedMember forwardBatch = GeneratedMember.Method(Generate(Widths(shape)), "ForwardBatch", 2);

        Assert.Empty(forwardBatch.Calls("Forward"));
        var transpose = Assert.Single(forwardBatch.Calls("TransposeWeightsIfChanged"));
        var run = Assert.Single(forwardBatch.Calls("Run"));
        Assert.True(transpose.SpanStart < run.SpanStart); // Wᵀ is fresh before the first product
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TrainBatch_of_a_written_out_network_is_BackwardBatch_then_ApplyGradients_with_the_count(string shape)
    {
        GeneratedMember trainBatch = GeneratedMember.Method(Generate(Widths(shape)), "TrainBatch", 2);

        var backward = Assert.Single(trainBatch.Calls("BackwardBatch"));
        var apply = Assert.Single(trainBatch.Calls("ApplyGradients"));
        Assert.True(backward.SpanStart < apply.SpanStart);
        Assert.Equal("count", apply.ArgumentList.Arguments[1].ToString());
        Assert.Empty(trainBatch.Calls("TrainStep"));
    }

    /// <summary>
    /// On the kernels ForwardBatch and TrainBatch read a cached Wᵀ: every member that writes θ (takes a writable span of
    /// it, or copies into it) must mark the cache stale before its first touch of θ, or a batched call after it would
    /// compute with the old weights.
    /// </summary>
    [Theory]
    [InlineData("[Network(Loss.CategoricalCrossEntropy)] [Input(20)] [Dense(24, Activation.Tanh)] [Dropout(0.3)] [Dense(3, Activation.Softmax)]")]
    [InlineData("[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Adam)] [Input(3)] [Dense(12, Activation.Tanh)] [Maxout(12, 2)] [Dense(2, Activation.Linear)]")]
    public void Every_member_that_writes_the_parameters_marks_the_transposed_weights_stale_first(string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\nnamespace Shapes;\n" + declaration + "\npublic partial class Net;\n");
        run.AssertGeneratorSucceeded();
        var writes = new Regex(@"(?<!ReadOnly)Span<(float|double)> w = _w|CopyTo\(_w\)");
        var writers = CSharpSyntaxTree.ParseText(run.Source("Shapes.Net.g.cs")).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Last(c => c.Identifier.Text != "BatchScratch").Members.OfType<MethodDeclarationSyntax>()
            .Where(m => m.Body is not null && writes.IsMatch(m.Body.ToString()))
            .ToList();

        Assert.Equal(new[] { "ApplyGradients", "InitializeParameters", "SetParameters", "TrainStep" }, writers.Select(m => m.Identifier.Text).OrderBy(n => n, StringComparer.Ordinal));
        foreach (MethodDeclarationSyntax method in writers)
        {
            string body = method.Body!.ToString();
            int stale = body.IndexOf("_batch?.WeightsChanged()", StringComparison.Ordinal), theta = body.IndexOf("_w", StringComparison.Ordinal);
            Assert.True(stale >= 0 && stale < theta, $"{method.Identifier.Text} writes θ without marking Wᵀ stale first");
        }
    }

    private static bool Inside(GeneratedMember member, int position, int update)
    {
        // "w[i] -= rate * (… + decay * w[i])" reads w[i] inside its own update: that read is the old value, on purpose.
        var statement = member.Syntax.FindToken(update).Parent!.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax>().First();
        return statement.Span.Contains(position);
    }

    private static IEnumerable<int> LaterWeights(int[] widths)
    {
        int offset = 0;
        for (int l = 1; l < widths.Length; l++)
        {
            int weights = widths[l] * widths[l - 1];
            if (l >= 2)
            {
                foreach (int i in Enumerable.Range(offset, weights))
                {
                    yield return i;
                }
            }

            offset += weights + widths[l];
        }
    }

    private static int[] Widths(string shape) => shape.Split(' ').Select(int.Parse).ToArray();

    private static int ParameterCount(int[] widths) =>
        Enumerable.Range(1, widths.Length - 1).Sum(l => widths[l] * (widths[l - 1] + 1));

    private static string Generate(int[] widths)
    {
        string layers = string.Concat(widths.Skip(1).Select((n, i) => "[Dense(" + n + ", Activation." + (i == widths.Length - 2 ? "Linear" : "Tanh") + ")]\n"));
        GeneratorRun run = GeneratorHarness.Run("using NetGen;\nnamespace Shapes;\n[Network(Loss.MeanSquaredError)]\n[Input(" + widths[0] + ")]\n" + layers + "public partial class Net;\n");
        run.AssertGeneratorSucceeded();
        return run.Source("Shapes.Net.g.cs");
    }
}
