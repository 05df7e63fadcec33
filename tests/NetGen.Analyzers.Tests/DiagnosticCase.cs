using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// One diagnostic id's test: a snippet with the expected span marked, the severity and message the
/// analyzer must report there, and the corrected snippet, which must give no NG diagnostic.
/// <paramref name="AlsoReported"/> lists other ids the wrong snippet legitimately reports too.
/// </summary>
public sealed record DiagnosticCase(
    string Id,
    DiagnosticSeverity Severity,
    string Wrong,
    string Message,
    string Right,
    params string[] AlsoReported)
{
    public override string ToString() => Id;
}
