using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests.Corpus;

/// <summary>The checks every corpus case goes through.</summary>
public static class CorpusCheck
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Cases = new(() =>
        DeclarationCorpus.All().Concat(TokenMutationCorpus.All()).ToDictionary(c => c.Name, StringComparer.Ordinal));

    /// <summary>Every case, by name.</summary>
    public static IReadOnlyDictionary<string, CorpusCase> All => Cases.Value;

    /// <summary>Runs the case named <paramref name="name"/> through the generator and the analyzer and checks it.</summary>
    public static async Task CheckAsync(string name)
    {
        CorpusCase @case = Cases.Value[name];
        string? failure = Failure(@case, await GeneratorHarness.AnalyzeAsync(@case.Source));
        // NETGEN_CORPUS_STRICT=1 runs the waiting cases as ordinary ones, to show why each still fails.
        if (@case.WaitingFor is null || Environment.GetEnvironmentVariable("NETGEN_CORPUS_STRICT") == "1")
        {
            Assert.True(failure is null, @case.Name + ": " + failure + "\n" + @case.Source);
        }
        else
        {
            Assert.False(failure is null, @case.Name + " passes now: remove its mark '" + @case.WaitingFor + "'");
        }
    }

    /// <summary>Why the case fails, or null.</summary>
    private static string? Failure(CorpusCase @case, AnalyzedRun run)
    {
        if (run.Exceptions.Count > 0)
        {
            return "threw: " + string.Join("\n", run.Exceptions);
        }

        RunDiagnostics all = new(run);
        if (all.Everything.FirstOrDefault(d => d.Id is "AD0001" or "CS8785" or "NG9999") is { } crash)
        {
            return "reported " + crash;
        }

        var generatedTrees = new HashSet<SyntaxTree>(run.Generator.Result.GeneratedTrees);
        var inGenerated = all.CompilerErrors.Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)).ToList();
        if (inGenerated.Count > 0)
        {
            return "error inside generated code: " + string.Join("; ", inGenerated.Take(3));
        }

        var ngErrors = run.AnalyzerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var userErrors = all.CompilerErrors.Except(inGenerated).ToList();
        switch (@case.Expect)
        {
            case CorpusExpectation.Ng:
                return run.AnalyzerDiagnostics.Any(d => d.Id == @case.Id && d.Severity >= DiagnosticSeverity.Warning)
                    ? null
                    : "expected " + @case.Id + ", got " + Describe(run.AnalyzerDiagnostics.Concat(userErrors));
            case CorpusExpectation.Compiler:
                if (userErrors.Count == 0)
                {
                    return "expected a compiler error, got " + Describe(run.AnalyzerDiagnostics);
                }

                return @case.Id is null
                    ? (run.AnalyzerDiagnostics.Length == 0 ? null : "expected NetGen to stay quiet, got " + Describe(run.AnalyzerDiagnostics))
                    : (run.AnalyzerDiagnostics.Any(d => d.Id == @case.Id) ? null : "expected " + @case.Id + " too, got " + Describe(run.AnalyzerDiagnostics));
            case CorpusExpectation.Valid:
                if (ngErrors.Count > 0 || userErrors.Count > 0)
                {
                    return "expected a valid project, got " + Describe(ngErrors.Concat(userErrors));
                }

                int networks = Regex.Matches(@case.Source, @"\bNetwork\(").Count;
                return run.GeneratedSources.Count == networks ? null : "expected " + networks + " generated files, got " + run.GeneratedSources.Count;
            default:
                // Rejected (an NG error or a compiler error in the user's code) or valid (then generated code compiled, checked above).
                return null;
        }
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        string text = string.Join("; ", diagnostics.Take(4).Select(d => d.Id + " " + d.GetMessage()));
        return text.Length == 0 ? "nothing" : text;
    }

    public static TheoryData<string> Names(IEnumerable<CorpusCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (CorpusCase @case in cases)
        {
            data.Add(@case.Name);
        }

        return data;
    }

    /// <summary>Every diagnostic of a run, and the compiler's errors among them.</summary>
    private sealed class RunDiagnostics
    {
        public RunDiagnostics(AnalyzedRun run)
        {
            CompilerErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Everything = CompilerErrors.Concat(run.AllAnalyzerDiagnostics).Concat(run.GeneratorDiagnostics).ToList();
        }

        public IReadOnlyList<Diagnostic> CompilerErrors { get; }

        public IReadOnlyList<Diagnostic> Everything { get; }
    }
}
