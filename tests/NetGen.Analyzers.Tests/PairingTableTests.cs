using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// Every output activation × every loss, compiled through the real analyzer and compared with the
/// table in docs/diagnostics.md: a change to the analyzer's table or to the documented one alone fails.
/// </summary>
public sealed class PairingTableTests
{
    private static readonly Dictionary<string, string?> IdOfCell = new()
    {
        ["matching"] = null,
        ["ok"] = null,
        ["info"] = "NG0021",
        ["warning"] = "NG0020",
        ["error"] = "NG0019",
    };

    public static TheoryData<Activation, Loss> Pairs()
    {
        var data = new TheoryData<Activation, Loss>();
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            foreach (Loss loss in Enum.GetValues<Loss>())
            {
                data.Add(activation, loss);
            }
        }

        return data;
    }

    [Fact]
    public void The_documented_table_covers_every_activation_and_loss_once()
    {
        IReadOnlyDictionary<(string Activation, string Loss), string> table = DiagnosticsDocument.Instance.PairingTable();
        var expected = Enum.GetNames<Activation>().Append("Maxout").SelectMany(a => Enum.GetNames<Loss>().Select(l => (a, l))).ToHashSet();
        Assert.Equal(expected.Count, table.Count);
        Assert.True(expected.SetEquals(table.Keys));
        Assert.All(table.Values, cell => Assert.Contains(cell, IdOfCell.Keys));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Analyzer_reports_what_the_documented_table_says(Activation activation, Loss loss)
    {
        string cell = DiagnosticsDocument.Instance.PairingTable()[(activation.ToString(), loss.ToString())];
        string source = $$"""
            using NetGen;

            [Network(Loss.{{loss}})]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Dense(2, Activation.{{activation}})]
            public partial class Net;
            """;

        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(source);

        Assert.Empty(result.Exceptions);
        string[] pairing = result.AnalyzerDiagnostics
            .Where(d => d.Id is "NG0019" or "NG0020" or "NG0021")
            .Select(d => d.Id)
            .ToArray();
        Assert.Equal(IdOfCell[cell] is { } id ? new[] { id } : Array.Empty<string>(), pairing);

        // An error means no code; anything else is generated.
        Assert.Equal(cell == "error" ? 0 : 1, result.GeneratedSources.Count);
        if (cell != "error")
        {
            // The generator emits the collapsed δ = o − y exactly for the documented matching pairs.
            Assert.Equal(cell == "matching", result.GeneratedSources[0].Contains("is a matching pair", StringComparison.Ordinal));
        }
    }

    public static TheoryData<Loss> Losses() => new(Enum.GetValues<Loss>());

    [Theory]
    [MemberData(nameof(Losses))]
    public async Task The_maxout_row_is_what_the_analyzer_reports_on_a_maxout_output(Loss loss)
    {
        string cell = DiagnosticsDocument.Instance.PairingTable()[("Maxout", loss.ToString())];
        string source = $$"""
            using NetGen;

            [Network(Loss.{{loss}})]
            [Input(2)]
            [Dense(3, Activation.ReLU)]
            [Maxout(2, 3)]
            public partial class Net;
            """;

        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(source);

        Assert.Empty(result.Exceptions);
        string[] reported = result.AnalyzerDiagnostics.Where(d => d.Id is "NG0019" or "NG0020" or "NG0021" or "NG0034").Select(d => d.Id).ToArray();
        Assert.Equal(cell == "error" ? new[] { "NG0034" } : Array.Empty<string>(), reported);
        Assert.Equal(cell == "error" ? 0 : 1, result.GeneratedSources.Count);
        Assert.NotEqual("matching", cell); // no pair collapses through a max
    }
}
