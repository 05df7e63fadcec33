using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// One diagnostic id's test: a snippet with every expected diagnostic marked (<c>{|NG0011:…|}</c>; the
/// case's own id exactly once), the severity and message the analyzer must report for <paramref name="Id"/>,
/// and the corrected snippet, which must give no diagnostic at all.
/// </summary>
public sealed record DiagnosticCase(
    string Id,
    DiagnosticSeverity Severity,
    string Wrong,
    string Message,
    string Right)
{
    public override string ToString() => Id;
}
