using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Extraction;

/// <summary>
/// "Can this declaration be read at all": every NetGen attribute on the class binds to its constructor and
/// every argument is a well-typed constant. Half-typed or mistyped attributes are the compiler's errors
/// already; the generator then emits nothing and the analyzer reports nothing for the class, so the user sees
/// only the compiler's own error. One predicate for both.
/// </summary>
internal static class DeclarationReadability
{
    public static bool IsReadable(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (!AttributeNames.IsNetGen(attribute.AttributeClass))
            {
                continue;
            }

            if (attribute.AttributeConstructor is null)
            {
                return false;
            }

            foreach (TypedConstant argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Error)
                {
                    return false;
                }
            }

            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Value.Kind == TypedConstantKind.Error)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>False while a name is still being typed (<c>public partial class</c> with no identifier yet): the compiler's CS1001.</summary>
    public static bool HasNames(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (string.IsNullOrEmpty(t.Name))
            {
                return false;
            }
        }

        return true;
    }
}
