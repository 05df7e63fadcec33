using Microsoft.CodeAnalysis;
using NetGen.Generator.Extraction;

namespace NetGen.Generator.Analyzers;

/// <summary>The NetGen attribute types of one compilation, resolved once at compilation start.</summary>
internal sealed class NetworkAttributeTypes
{
    private NetworkAttributeTypes(INamedTypeSymbol network, INamedTypeSymbol? input, INamedTypeSymbol? dense, INamedTypeSymbol? dropout)
    {
        Network = network;
        Input = input;
        Dense = dense;
        Dropout = dropout;
    }

    public INamedTypeSymbol Network { get; }

    public INamedTypeSymbol? Input { get; }

    public INamedTypeSymbol? Dense { get; }

    public INamedTypeSymbol? Dropout { get; }

    /// <summary>The types, or null when the compilation does not reference NetGen (then there is nothing to analyze).</summary>
    public static NetworkAttributeTypes? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName(AttributeNames.Network) is { } network
            ? new NetworkAttributeTypes(
                network,
                compilation.GetTypeByMetadataName(AttributeNames.Input),
                compilation.GetTypeByMetadataName(AttributeNames.Dense),
                compilation.GetTypeByMetadataName(AttributeNames.Dropout))
            : null;

    /// <summary>True for [Network], [Input], [Dense] and [Dropout].</summary>
    public bool IsNetGenAttribute(INamedTypeSymbol? attributeClass) =>
        SymbolEqualityComparer.Default.Equals(attributeClass, Network)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Input)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dense)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dropout);

    /// <summary>True for [Input], [Dense] and [Dropout].</summary>
    public bool IsLayerAttribute(INamedTypeSymbol? attributeClass) =>
        SymbolEqualityComparer.Default.Equals(attributeClass, Input)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dense)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dropout);

    /// <summary>The bound [Network] attribute of <paramref name="type"/>, if it has one.</summary>
    public AttributeData? NetworkAttributeOf(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Network))
            {
                return attribute;
            }
        }

        return null;
    }
}
