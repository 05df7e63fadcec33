using Microsoft.CodeAnalysis;
using NetGen.Generator.Model;

namespace NetGen.Generator.Validation;

/// <summary>
/// One problem in a declaration, complete where it is detected: its descriptor (id, message, severity), what
/// to underline, the message arguments, and what a code fix needs. The analyzer only finds the syntax of
/// <see cref="Target"/>; it decides nothing else.
/// </summary>
internal sealed record Finding(
    DiagnosticDescriptor Descriptor,
    FindingTarget Target,
    EquatableArray<string> Arguments,
    FindingTarget? AdditionalTarget,
    EquatableArray<FindingProperty> Properties)
{
    /// <summary>An error: no code is generated for the class.</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}

/// <summary>One entry of a diagnostic's properties, for its code fix (keys in <c>DiagnosticProperties</c>).</summary>
internal sealed record FindingProperty(string Key, string Value);
