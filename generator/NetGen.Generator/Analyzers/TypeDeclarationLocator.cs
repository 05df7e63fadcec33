using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Analyzers;

/// <summary>Finds the identifier of a type declaration to underline: the one carrying [Network], or one that is not partial.</summary>
internal static class TypeDeclarationLocator
{
    /// <summary>The identifier of the declaration that carries <paramref name="networkAttribute"/>, else of the first declaration.</summary>
    public static Location Identifier(INamedTypeSymbol type, AttributeData? networkAttribute, CancellationToken cancellationToken)
    {
        if (networkAttribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } owner)
        {
            return owner.Identifier.GetLocation();
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return type.Locations.Length > 0 ? type.Locations[0] : Location.None;
    }

    /// <summary>The identifier of the first declaration of <paramref name="type"/> without the <c>partial</c> modifier, if any.</summary>
    public static Location? NonPartialIdentifier(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return null;
    }

    /// <summary>The innermost containing type of <paramref name="type"/> that is not partial, with the identifier to underline.</summary>
    public static (INamedTypeSymbol Type, Location Location)? NonPartialContainingType(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (NonPartialIdentifier(outer, cancellationToken) is { } location)
            {
                return (outer, location);
            }
        }

        return null;
    }

    /// <summary>The parameter list of a primary constructor (<c>class Net(int seed)</c>), if a declaration has one.</summary>
    public static Location? PrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                return parameters.GetLocation();
            }
        }

        return null;
    }
}
