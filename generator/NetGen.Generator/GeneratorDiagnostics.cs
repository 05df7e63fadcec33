using Microsoft.CodeAnalysis;

namespace NetGen.Generator;

/// <summary>The one diagnostic the generator itself reports: everything else is the analyzers' job.</summary>
internal static class GeneratorDiagnostics
{
    public const string UnexpectedFailureId = "NG9999";

    public static readonly DiagnosticDescriptor UnexpectedFailure = new(
        UnexpectedFailureId,
        "NetGen could not generate a network",
        "NetGen could not generate '{0}': {1}. Please report this with the declaration.",
        "NetGen.Generator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: "https://github.com/netgen/netgen/blob/main/docs/diagnostics.md#ng9999");
}
