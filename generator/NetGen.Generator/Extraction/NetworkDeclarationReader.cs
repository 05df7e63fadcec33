using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Extraction;

/// <summary>
/// Reads a <see cref="NetworkDeclaration"/> off a class symbol. Never throws on broken code: a value
/// it cannot read is kept raw (for example an undefined enum value) or marks the declaration invalid.
/// </summary>
internal static class NetworkDeclarationReader
{
    public static NetworkDeclaration Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData> attributes = type.GetAttributes();
        var layers = new List<LayerDeclaration>();
        int loss = 0, precision = 0, optimizer = 0;
        double huberDelta = 1.0;
        bool invalid = false;

        for (int index = 0; index < attributes.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeData attribute = attributes[index];
            string? name = attribute.AttributeClass?.ToDisplayString();
            switch (name)
            {
                case AttributeNames.Network when attribute.AttributeConstructor is not null:
                    loss = IntArgument(attribute, 0);
                    precision = NamedInt(attribute, "Precision", 0);
                    optimizer = NamedInt(attribute, "Optimizer", 0);
                    huberDelta = NamedDouble(attribute, "HuberDelta", 1.0);
                    break;
                case AttributeNames.Input when attribute.AttributeConstructor is not null:
                    layers.Add(new LayerDeclaration(LayerKind.Input, IntArgument(attribute, 0), 0, 0, double.NaN, index));
                    break;
                case AttributeNames.Dense when attribute.AttributeConstructor is not null:
                    layers.Add(new LayerDeclaration(
                        LayerKind.Dense,
                        IntArgument(attribute, 0),
                        IntArgument(attribute, 1),
                        NamedInt(attribute, "Inputs", 0),
                        NamedDouble(attribute, "Alpha", double.NaN),
                        index));
                    break;
                case AttributeNames.Dropout when attribute.AttributeConstructor is not null:
                    layers.Add(new LayerDeclaration(LayerKind.Dropout, 0, 0, 0, double.NaN, index, DoubleArgument(attribute, 0)));
                    break;
                default:
                    // One of ours that did not bind (half-typed, wrong argument types, missing using).
                    if (attribute.AttributeConstructor is null
                        && (name is AttributeNames.Network or AttributeNames.Input or AttributeNames.Dense or AttributeNames.Dropout
                            || AttributeNames.IsLayerShortName(attribute.AttributeClass?.Name ?? string.Empty)))
                    {
                        invalid = true;
                    }

                    break;
            }
        }

        return new NetworkDeclaration(
            ReadHierarchy(type),
            ReadShape(type, attributes, invalid),
            loss,
            precision,
            optimizer,
            huberDelta,
            new EquatableArray<LayerDeclaration>(layers));
    }

    private static int IntArgument(AttributeData attribute, int position) =>
        position < attribute.ConstructorArguments.Length && attribute.ConstructorArguments[position].Value is int value
            ? value
            : 0;

    private static double DoubleArgument(AttributeData attribute, int position) =>
        position < attribute.ConstructorArguments.Length
            ? attribute.ConstructorArguments[position].Value switch
            {
                double d => d,
                float f => f,
                int i => i,
                _ => double.NaN,
            }
            : double.NaN;

    private static int NamedInt(AttributeData attribute, string name, int fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return fallback;
    }

    private static double NamedDouble(AttributeData attribute, string name, double fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value switch
                {
                    double d => d,
                    float f => f,
                    int i => i,
                    _ => fallback,
                };
            }
        }

        return fallback;
    }

    private static TypeHierarchy ReadHierarchy(INamedTypeSymbol type)
    {
        var containing = new List<ContainingType>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingType(Keyword(outer), outer.Name));
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeHierarchy(ns, new EquatableArray<ContainingType>(containing), Keyword(type), type.Name);
    }

    private static string Keyword(INamedTypeSymbol type)
    {
        if (type.IsRecord)
        {
            return type.TypeKind == TypeKind.Struct ? "record struct" : "record";
        }

        return type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };
    }

    private static TypeShape ReadShape(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, bool invalidAttributes)
    {
        bool isGeneric = false;
        bool containingPartial = true;
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            isGeneric |= t.Arity > 0;
            if (!SymbolEqualityComparer.Default.Equals(t, type))
            {
                containingPartial &= IsPartial(t);
            }
        }

        var declarations = new HashSet<(SyntaxTree Tree, int Position)>();
        foreach (AttributeData attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() is AttributeNames.Network or AttributeNames.Input or AttributeNames.Dense or AttributeNames.Dropout
                && attribute.ApplicationSyntaxReference is { } reference)
            {
                SyntaxNode? owner = reference.GetSyntax().FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
                if (owner is not null)
                {
                    declarations.Add((reference.SyntaxTree, owner.SpanStart));
                }
            }
        }

        bool hasParameterlessConstructor = type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared);

        return new TypeShape(
            IsClass: type.TypeKind == TypeKind.Class,
            IsPartial: IsPartial(type),
            IsGeneric: isGeneric,
            AllContainingTypesPartial: containingPartial,
            AttributesSpreadOverDeclarations: declarations.Count > 1,
            HasParameterlessConstructor: hasParameterlessConstructor,
            HasInvalidAttributes: invalidAttributes);
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }
}
