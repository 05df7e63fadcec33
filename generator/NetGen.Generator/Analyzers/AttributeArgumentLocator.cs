using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// Finds the syntax of an attribute, or of one of its arguments, so a diagnostic underlines exactly
/// the value that is wrong. Falls back to the whole attribute when the argument is not written.
/// </summary>
internal static class AttributeArgumentLocator
{
    /// <summary>The whole attribute, e.g. <c>Dense(3, Activation.ReLU)</c>.</summary>
    public static Location? Attribute(AttributeData attribute, CancellationToken cancellationToken) =>
        Syntax(attribute, cancellationToken)?.GetLocation();

    /// <summary>The argument given for constructor parameter <paramref name="parameterIndex"/> (positional or <c>name:</c>).</summary>
    public static Location? ConstructorArgument(AttributeData attribute, int parameterIndex, CancellationToken cancellationToken) =>
        ConstructorArgumentSyntax(attribute, parameterIndex, cancellationToken)?.GetLocation() ?? Attribute(attribute, cancellationToken);

    /// <summary>The <c>Name = value</c> argument, e.g. <c>Inputs = 5</c>.</summary>
    public static Location? NamedArgument(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        AttributeSyntax? syntax = Syntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax?.GetLocation();
    }

    /// <summary>The argument syntax for constructor parameter <paramref name="parameterIndex"/>, if written.</summary>
    public static AttributeArgumentSyntax? ConstructorArgumentSyntax(AttributeData attribute, int parameterIndex, CancellationToken cancellationToken)
    {
        if (Syntax(attribute, cancellationToken)?.ArgumentList is not { } list)
        {
            return null;
        }

        IMethodSymbol? constructor = attribute.AttributeConstructor;
        string? parameterName = constructor is not null && parameterIndex < constructor.Parameters.Length
            ? constructor.Parameters[parameterIndex].Name
            : null;

        int position = 0;
        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } colon)
            {
                if (colon.Name.Identifier.ValueText == parameterName)
                {
                    return argument;
                }
            }
            else if (position == parameterIndex)
            {
                return argument;
            }

            position++;
        }

        return null;
    }

    private static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
}
