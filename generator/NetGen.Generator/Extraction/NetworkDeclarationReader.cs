using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

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

        for (int index = 0; index < attributes.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AttributeData attribute = attributes[index];
            if (attribute.AttributeConstructor is null)
            {
                continue; // unreadable: DeclarationReadability says so for the whole declaration
            }

            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case AttributeNames.Network:
                    loss = IntArgument(attribute, 0);
                    precision = NamedInt(attribute, "Precision", 0);
                    optimizer = NamedInt(attribute, "Optimizer", 0);
                    huberDelta = NamedDouble(attribute, "HuberDelta", 1.0);
                    break;
                case AttributeNames.Input:
                    layers.Add(new InputDeclaration(IntArgument(attribute, 0), index));
                    break;
                case AttributeNames.Dense:
                    layers.Add(new DenseDeclaration(
                        IntArgument(attribute, 0),
                        (ActivationKind)IntArgument(attribute, 1),
                        NamedInt(attribute, "Inputs", 0),
                        NamedDouble(attribute, "Alpha", double.NaN),
                        index));
                    break;
                case AttributeNames.Maxout:
                    layers.Add(new MaxoutDeclaration(IntArgument(attribute, 0), IntArgument(attribute, 1), NamedInt(attribute, "Inputs", 0), index));
                    break;
                case AttributeNames.Dropout:
                    layers.Add(new DropoutDeclaration(DoubleArgument(attribute, 0), index));
                    break;
            }
        }

        return new NetworkDeclaration(
            ReadHierarchy(type),
            ReadShape(type, attributes, cancellationToken),
            (LossKind)loss,
            (PrecisionKind)precision,
            (OptimizerKind)optimizer,
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

    private static TypeShape ReadShape(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        bool isGeneric = false;
        string? nonPartialContainingType = null;
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            isGeneric |= t.Arity > 0;
            if (!SymbolEqualityComparer.Default.Equals(t, type) && nonPartialContainingType is null && !IsPartial(t))
            {
                nonPartialContainingType = t.Name;
            }
        }

        var declarations = new HashSet<(SyntaxTree Tree, int Position)>();
        foreach (AttributeData attribute in attributes)
        {
            if (AttributeNames.IsNetGenName(attribute.AttributeClass?.ToDisplayString())
                && attribute.ApplicationSyntaxReference is { } reference)
            {
                SyntaxNode? owner = reference.GetSyntax(cancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
                if (owner is not null)
                {
                    declarations.Add((reference.SyntaxTree, owner.SpanStart));
                }
            }
        }

        bool hasParameterlessConstructor = type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared);
        bool hasPrimaryConstructor = type.DeclaringSyntaxReferences
            .Any(reference => reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null });

        return new TypeShape(
            IsClass: type.TypeKind == TypeKind.Class,
            IsStatic: type.IsStatic,
            IsPartial: IsPartial(type),
            IsGeneric: isGeneric,
            NonPartialContainingType: nonPartialContainingType,
            AttributesSpreadOverDeclarations: declarations.Count > 1,
            HasParameterlessConstructor: hasParameterlessConstructor,
            HasPrimaryConstructor: hasPrimaryConstructor,
            IsReadable: DeclarationReadability.IsReadable(attributes) && DeclarationReadability.HasNames(type),
            MembersNamedLikeGenerated: new EquatableArray<string>(MembersNamedLikeGenerated(type)));
    }

    /// <summary>
    /// The user's own members whose names the generator may use (declared in source that NetGen did not generate:
    /// the analyzers see the generated file in the compilation, the generator does not).
    /// </summary>
    private static IEnumerable<string> MembersNamedLikeGenerated(INamedTypeSymbol type)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || !GeneratedMemberNames.MayBeGenerated(member.Name))
            {
                continue;
            }

            foreach (Location location in member.Locations)
            {
                if (location.IsInSource && !GeneratedSource.IsNetGenOutput(location.SourceTree))
                {
                    // A method is kept with its parameter types: an overload of a generated method is no clash.
                    names.Add(member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                        ? GeneratedMemberNames.Signature(method.Name, method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))
                        : member.Name);
                    break;
                }
            }
        }

        return names;
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
