using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// A build of test source: the generator's run and what the analyzer reported over its output,
/// including every exception the generator or the analyzer threw (CS8785, AD0001).
/// </summary>
internal sealed class AnalyzedRun
{
    public AnalyzedRun(GeneratorRun generator, ImmutableArray<Diagnostic> analyzerDiagnostics, IReadOnlyList<Exception> exceptions)
    {
        Generator = generator;
        AllAnalyzerDiagnostics = analyzerDiagnostics;
        AnalyzerDiagnostics = analyzerDiagnostics
            .Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Exceptions = exceptions;
    }

    /// <summary>The generator's run.</summary>
    public GeneratorRun Generator { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output => Generator.Output;

    /// <summary>Everything the analyzer driver reported, AD0001 included.</summary>
    public ImmutableArray<Diagnostic> AllAnalyzerDiagnostics { get; }

    /// <summary>What the analyzer reported, NG ids only, in source order.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>What the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Generator.Diagnostics;

    /// <summary>The text of each generated file, in hint-name order.</summary>
    public IReadOnlyList<string> GeneratedSources => Generator.Sources.Select(s => s.Text).ToList();

    /// <summary>Exceptions from the analyzer (AD0001) and the generator (CS8785).</summary>
    public IReadOnlyList<Exception> Exceptions { get; }

    /// <summary>Compiler errors and warnings of the output compilation (generated code included).</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}
