using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Extraction;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// The declarations of the network classes of one compilation, read once each (by the declaration
/// check and by every call site that uses the class). A class whose NetGen attributes do not all bind
/// with well-typed arguments is "unreadable": the compiler already reports it, so the analyzer stays
/// quiet about it (and the generator emits nothing for it).
/// </summary>
internal sealed class NetworkDeclarationCache
{
    private readonly NetworkAttributeTypes _types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, NetworkDeclaration?> _declarations = new(SymbolEqualityComparer.Default);

    public NetworkDeclarationCache(NetworkAttributeTypes types) => _types = types;

    public NetworkAttributeTypes Types => _types;

    /// <summary>The declaration of a readable network class; null for any other type.</summary>
    public NetworkDeclaration? Get(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        if (_declarations.TryGetValue(definition, out NetworkDeclaration? known))
        {
            return known;
        }

        NetworkDeclaration? read = Read(definition, cancellationToken);
        return _declarations.GetOrAdd(definition, read);
    }

    private NetworkDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // [Network] on an enum or a delegate is the compiler's CS0592; on anything else, read it.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface)
            || _types.NetworkAttributeOf(type) is null
            || HasErroneousArguments(type.GetAttributes()))
        {
            return null;
        }

        NetworkDeclaration declaration = NetworkDeclarationReader.Read(type, cancellationToken);
        return declaration.Shape.HasInvalidAttributes ? null : declaration;
    }

    private bool HasErroneousArguments(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (!_types.IsNetGenAttribute(attribute.AttributeClass))
            {
                continue;
            }

            if (attribute.AttributeConstructor is null)
            {
                return true;
            }

            foreach (TypedConstant argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Error)
                {
                    return true;
                }
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Value.Kind == TypedConstantKind.Error)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
