using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>For every id: the marked snippet reports exactly its marked diagnostics, with the documented message, and the corrected snippet reports nothing.</summary>
public sealed class DiagnosticTests
{
    /// <summary>Ids whose snippet is about a call site: their network is valid, so code is generated.</summary>
    private static readonly HashSet<string> CallSiteIds = new() { "NG0023", "NG0025" };

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticCase @case in DiagnosticCases.All())
        {
            data.Add(@case.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Wrong_snippet_reports_exactly_its_marked_diagnostics(string id) =>
        NetGenAnalyzerTest.VerifyAsync(Case(id).Wrong);

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Wrong_snippet_reports_the_documented_severity_and_message_at_the_marked_span(string id)
    {
        DiagnosticCase @case = Case(id);
        Markup source = Markup.Parse(@case.Wrong);

        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(source.Text);

        Assert.Empty(result.Exceptions);
        Diagnostic diagnostic = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == id);
        Assert.Equal(@case.Severity, diagnostic.Severity);
        Assert.Equal(Assert.Single(source.Named(id)), diagnostic.Location.SourceSpan);
        Assert.Equal(@case.Message, diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Right_snippet_reports_nothing(string id) =>
        NetGenAnalyzerTest.VerifyAsync(Case(id).Right);

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Right_snippet_generates_the_network(string id)
    {
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(Case(id).Right);

        Assert.Empty(result.Exceptions);
        Assert.Empty(result.CompilerDiagnostics);
        Assert.Single(result.GeneratedSources);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Generator_stays_quiet_for_a_network_the_analyzer_rejects(string id)
    {
        DiagnosticCase @case = Case(id);
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync(Markup.Parse(@case.Wrong).Text);

        bool rejected = @case.Severity == DiagnosticSeverity.Error && !CallSiteIds.Contains(id);
        bool noNetwork = id == "NG0032"; // layer attributes without [Network]: there is nothing to generate
        Assert.Equal(rejected || noNetwork ? 0 : 1, result.GeneratedSources.Count);
        Assert.Empty(result.GeneratorDiagnostics);
        if (rejected)
        {
            // The user sees the NG error and no cascade of compiler errors about missing members.
            Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0260");
        }
    }

    [Fact]
    public void Every_analyzer_id_has_a_case()
    {
        IEnumerable<string> supported = new NetGen.Generator.Analyzers.NetworkAnalyzer().SupportedDiagnostics
            .Select(d => d.Id)
            .Where(id => id != "NG9999");
        Assert.Equal(supported.OrderBy(x => x), DiagnosticCases.All().Select(c => c.Id).OrderBy(x => x));
    }

    private static DiagnosticCase Case(string id) => DiagnosticCases.All().Single(c => c.Id == id);
}
