using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Analyzers;

/// <summary>NG0032: [Input], [Dense] or [Dropout] on a type without [Network], which would otherwise pass in silence.</summary>
internal static class LayerWithoutNetworkAnalysis
{
    public static void Analyze(SymbolAnalysisContext context, NetworkAttributeTypes types)
    {
        if (context.Symbol is not INamedTypeSymbol type || types.NetworkAttributeOf(type) is not null)
        {
            return;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (types.IsLayerAttribute(attribute.AttributeClass))
            {
                Location location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                    ?? (type.Locations.Length > 0 ? type.Locations[0] : Location.None);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LayerWithoutNetwork, location, type.Name, "[" + attribute.AttributeClass!.Name.Replace("Attribute", string.Empty) + "]"));
                return;
            }
        }
    }
}
