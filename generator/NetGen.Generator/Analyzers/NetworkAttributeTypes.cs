using Microsoft.CodeAnalysis;
using NetGen.Generator.Extraction;

namespace NetGen.Generator.Analyzers;

/// <summary>The NetGen attribute types of one compilation, resolved once at compilation start.</summary>
internal sealed class NetworkAttributeTypes
{
    private NetworkAttributeTypes(INamedTypeSymbol network, INamedTypeSymbol? input, INamedTypeSymbol? dense, INamedTypeSymbol? dropout, INamedTypeSymbol? maxout)
    {
        Network = network;
        Input = input;
        Dense = dense;
        Dropout = dropout;
        Maxout = maxout;
    }

    public INamedTypeSymbol Network { get; }

    public INamedTypeSymbol? Input { get; }

    public INamedTypeSymbol? Dense { get; }

    public INamedTypeSymbol? Dropout { get; }

    public INamedTypeSymbol? Maxout { get; }

    /// <summary>The types, or null when the compilation does not reference NetGen (then there is nothing to analyze).</summary>
    public static NetworkAttributeTypes? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName(AttributeNames.Network) is { } network
            ? new NetworkAttributeTypes(
                network,
                compilation.GetTypeByMetadataName(AttributeNames.Input),
                compilation.GetTypeByMetadataName(AttributeNames.Dense),
                compilation.GetTypeByMetadataName(AttributeNames.Dropout),
                compilation.GetTypeByMetadataName(AttributeNames.Maxout))
            : null;

    /// <summary>True for [Network], [Input], [Dense], [Maxout] and [Dropout].</summary>
    public bool IsNetGenAttribute(INamedTypeSymbol? attributeClass) =>
        SymbolEqualityComparer.Default.Equals(attributeClass, Network)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Input)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dense)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dropout)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Maxout);

    /// <summary>True for [Input], [Dense], [Maxout] and [Dropout].</summary>
    public bool IsLayerAttribute(INamedTypeSymbol? attributeClass) =>
        SymbolEqualityComparer.Default.Equals(attributeClass, Input)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dense)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Dropout)
        || SymbolEqualityComparer.Default.Equals(attributeClass, Maxout);

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
