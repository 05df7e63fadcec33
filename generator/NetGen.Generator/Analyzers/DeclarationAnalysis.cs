using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>Runs validation on a readable [Network] type and reports each finding where <see cref="FindingLocator"/> points.</summary>
internal static class DeclarationAnalysis
{
    public static void Analyze(SymbolAnalysisContext context, NetworkDeclarationCache declarations)
    {
        if (context.Symbol is not INamedTypeSymbol type
            || declarations.Get(type, context.CancellationToken) is not { } declaration)
        {
            return;
        }

        var locator = new FindingLocator(type, declarations.Types.NetworkAttributeOf(type), context.CancellationToken);
        foreach (Finding finding in NetworkRules.Check(declaration))
        {
            context.ReportDiagnostic(locator.Diagnostic(finding));
        }
    }
}
