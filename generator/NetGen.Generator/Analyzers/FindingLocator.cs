using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Extraction;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// Where to underline a <see cref="Finding"/>: turns its <see cref="FindingTarget"/> into the syntax of the class,
/// an attribute or one argument (falling back to the class identifier when that syntax is not written), and
/// makes the diagnostic. Everything else about the diagnostic was decided where the finding was made.
/// </summary>
internal sealed class FindingLocator
{
    private readonly INamedTypeSymbol _type;
    private readonly ImmutableArray<AttributeData> _attributes;
    private readonly AttributeData? _networkAttribute;
    private readonly CancellationToken _cancellationToken;

    public FindingLocator(INamedTypeSymbol type, AttributeData? networkAttribute, CancellationToken cancellationToken)
    {
        _type = type;
        _attributes = type.GetAttributes();
        _networkAttribute = networkAttribute;
        _cancellationToken = cancellationToken;
    }

    public Diagnostic Diagnostic(Finding finding)
    {
        var arguments = new object?[finding.Arguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = finding.Arguments[i];
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        foreach (FindingProperty property in finding.Properties)
        {
            properties = properties.Add(property.Key, property.Value);
        }

        Location? additional = finding.AdditionalTarget is { } other ? Find(other) : null;
        return Microsoft.CodeAnalysis.Diagnostic.Create(
            finding.Descriptor,
            Locate(finding.Target),
            additional is null ? null : new[] { additional },
            properties,
            arguments);
    }

    private Location Locate(FindingTarget target) => Find(target) ?? ClassIdentifier();

    private Location? Find(FindingTarget target)
    {
        AttributeData? attribute = target.AttributeIndex >= 0 && target.AttributeIndex < _attributes.Length ? _attributes[target.AttributeIndex] : null;
        return target.Kind switch
        {
            TargetKind.NonPartialDeclaration => TypeDeclarationLocator.NonPartialIdentifier(_type, _cancellationToken),
            TargetKind.NonPartialContainingType => TypeDeclarationLocator.NonPartialContainingType(_type, _cancellationToken)?.Location,
            TargetKind.PrimaryConstructor => TypeDeclarationLocator.PrimaryConstructor(_type, _cancellationToken),
            TargetKind.Member => MemberIdentifier(target.Name!),
            TargetKind.Attribute => attribute is null ? null : AttributeArgumentLocator.Attribute(attribute, _cancellationToken),
            TargetKind.ConstructorArgument => attribute is null ? null : AttributeArgumentLocator.ConstructorArgument(attribute, target.Parameter, _cancellationToken),
            TargetKind.NamedArgument => attribute is null ? null : AttributeArgumentLocator.NamedArgument(attribute, target.Name!, _cancellationToken),
            TargetKind.NetworkArgument => NetworkArgument(target.Name!),
            TargetKind.SpreadAttribute => SpreadAttribute(),
            _ => null,
        };
    }

    private Location ClassIdentifier() => TypeDeclarationLocator.Identifier(_type, _networkAttribute, _cancellationToken);

    /// <summary><c>Loss</c> is [Network]'s constructor argument; the other options are named arguments.</summary>
    private Location? NetworkArgument(string name) =>
        _networkAttribute is null ? null
        : name == "Loss" ? AttributeArgumentLocator.ConstructorArgument(_networkAttribute, 0, _cancellationToken)
        : AttributeArgumentLocator.NamedArgument(_networkAttribute, name, _cancellationToken);

    /// <summary>The first source location of the user's member <paramref name="name"/> (not NetGen's output of the same name).</summary>
    private Location? MemberIdentifier(string name)
    {
        foreach (ISymbol member in _type.GetMembers(name))
        {
            foreach (Location location in member.Locations)
            {
                if (location.IsInSource && !GeneratedSource.IsNetGenOutput(location.SourceTree))
                {
                    return location;
                }
            }
        }

        return null;
    }

    /// <summary>The first NetGen attribute on a different declaration from the first one.</summary>
    private Location? SpreadAttribute()
    {
        SyntaxNode? firstOwner = null;
        foreach (AttributeData attribute in _attributes)
        {
            if (!AttributeNames.IsNetGenName(attribute.AttributeClass?.ToDisplayString())
                || attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax syntax
                || syntax.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is not { } owner)
            {
                continue;
            }

            if (firstOwner is null)
            {
                firstOwner = owner;
            }
            else if (owner != firstOwner)
            {
                return syntax.GetLocation();
            }
        }

        return null;
    }
}
