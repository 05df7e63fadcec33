using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>NG0001–NG0024, NG0026, NG0027: runs <see cref="NetworkRules.Check"/> on a [Network] type and reports each finding.</summary>
internal static class DeclarationAnalysis
{
    public static void Analyze(SymbolAnalysisContext context, NetworkDeclarationCache declarations)
    {
        if (context.Symbol is not INamedTypeSymbol type
            || declarations.Get(type, context.CancellationToken) is not { } declaration)
        {
            return;
        }

        var diagnostics = new FindingDiagnostic(type, declaration, declarations.Types.NetworkAttributeOf(type), context.CancellationToken);
        foreach (Finding finding in NetworkRules.Check(declaration))
        {
            context.ReportDiagnostic(diagnostics.Create(finding));
        }
    }
}
