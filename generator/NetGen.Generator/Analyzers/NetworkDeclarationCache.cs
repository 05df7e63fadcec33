using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Extraction;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// The declarations of the network classes of one compilation, read once each (by the declaration check and by
/// every call site that uses the class). A class that is not readable (<see cref="DeclarationReadability"/>) is
/// left to the compiler's own errors: the analyzer stays quiet about it, as the generator emits nothing for it.
/// </summary>
internal sealed class NetworkDeclarationCache
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, NetworkDeclaration?> _declarations = new(SymbolEqualityComparer.Default);

    public NetworkDeclarationCache(NetworkAttributeTypes types) => Types = types;

    public NetworkAttributeTypes Types { get; }

    /// <summary>The declaration of a readable network class; null for any other type.</summary>
    public NetworkDeclaration? Get(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        if (_declarations.TryGetValue(definition, out NetworkDeclaration? known))
        {
            return known;
        }

        return _declarations.GetOrAdd(definition, Read(definition, cancellationToken));
    }

    private NetworkDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // [Network] on an enum or a delegate is the compiler's CS0592; on anything else, read it.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface) || Types.NetworkAttributeOf(type) is null)
        {
            return null;
        }

        NetworkDeclaration declaration = NetworkDeclarationReader.Read(type, cancellationToken);
        return declaration.Shape.IsReadable ? declaration : null;
    }
}
