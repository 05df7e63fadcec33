using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Tests.Infrastructure;

/// <summary>One run of the generator: its run result, the compilation with the generated files added, and what it reported.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Generated files by hint name, in ordinal order.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The text of the one file generated under <paramref name="hintName"/>.</summary>
    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Text;

    public void AssertGeneratorSucceeded()
    {
        foreach (GeneratorRunResult result in Result.Results)
        {
            if (result.Exception is not null)
            {
                throw new InvalidOperationException("The generator threw.", result.Exception);
            }
        }

        var errors = Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generator reported errors:\n" + string.Join("\n", errors));
        }
    }
}
