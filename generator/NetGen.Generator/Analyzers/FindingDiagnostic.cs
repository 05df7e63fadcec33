using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// Turns one <see cref="Finding"/> of <see cref="NetworkRules"/> into a diagnostic: its descriptor, the
/// syntax to underline (the offending argument where there is one), the message arguments and the
/// properties a code fix needs.
/// </summary>
internal sealed class FindingDiagnostic
{
    private const int UnitsParameter = 0;
    private const int ActivationParameter = 1;
    private const int LossParameter = 0;
    private const int RateParameter = 0;

    private readonly INamedTypeSymbol _type;
    private readonly NetworkDeclaration _declaration;
    private readonly ImmutableArray<AttributeData> _attributes;
    private readonly AttributeData? _networkAttribute;
    private readonly CancellationToken _cancellationToken;

    public FindingDiagnostic(INamedTypeSymbol type, NetworkDeclaration declaration, AttributeData? networkAttribute, CancellationToken cancellationToken)
    {
        _type = type;
        _declaration = declaration;
        _attributes = type.GetAttributes();
        _networkAttribute = networkAttribute;
        _cancellationToken = cancellationToken;
    }

    public Diagnostic Create(Finding finding)
    {
        string[] arguments = ToArray(finding.Arguments);
        AttributeData? attribute = finding.AttributeIndex >= 0 && finding.AttributeIndex < _attributes.Length
            ? _attributes[finding.AttributeIndex]
            : null;

        switch (finding.Rule)
        {
            case Rule.NotPartial:
                return Diagnostic.Create(DiagnosticDescriptors.NotPartial, TypeDeclarationLocator.NonPartialIdentifier(_type, _cancellationToken) ?? ClassIdentifier(), arguments);

            case Rule.ContainingTypeNotPartial:
                if (TypeDeclarationLocator.NonPartialContainingType(_type, _cancellationToken) is { } outer)
                {
                    return Diagnostic.Create(DiagnosticDescriptors.ContainingTypeNotPartial, outer.Location, arguments[0], outer.Type.Name);
                }

                return Diagnostic.Create(DiagnosticDescriptors.ContainingTypeNotPartial, ClassIdentifier(), arguments[0], _type.ContainingType?.Name ?? "?");

            case Rule.Generic:
                return Diagnostic.Create(DiagnosticDescriptors.Generic, ClassIdentifier(), arguments);

            case Rule.NotAClass:
                return Diagnostic.Create(DiagnosticDescriptors.NotAClass, ClassIdentifier(), arguments);

            case Rule.NoInput:
                return Diagnostic.Create(DiagnosticDescriptors.NoInput, ClassIdentifier(), arguments);

            case Rule.MultipleInputs:
                return Diagnostic.Create(DiagnosticDescriptors.MultipleInputs, AttributeOrClass(attribute), arguments[0], Text(LayerAt(finding.AttributeIndex)?.Size ?? 0));

            case Rule.DenseBeforeInput:
                return Diagnostic.Create(DiagnosticDescriptors.DenseBeforeInput, AttributeOrClass(attribute), arguments);

            case Rule.NoDense:
                return Diagnostic.Create(DiagnosticDescriptors.NoDense, ClassIdentifier(), arguments);

            case Rule.NonPositiveWidth:
                return Diagnostic.Create(DiagnosticDescriptors.NonPositiveWidth, Argument(attribute, UnitsParameter), arguments);

            case Rule.TooLarge:
                return Diagnostic.Create(DiagnosticDescriptors.TooLarge, ClassIdentifier(), arguments);

            case Rule.FanInMismatch:
                return Diagnostic.Create(
                    DiagnosticDescriptors.FanInMismatch,
                    Named(attribute, "Inputs"),
                    ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.PreviousWidth, arguments[3]),
                    arguments);

            case Rule.AttributesSpread:
                return Diagnostic.Create(DiagnosticDescriptors.AttributesSpread, SpreadAttributeLocation(), arguments);

            case Rule.SoftmaxSingleUnit:
                return Diagnostic.Create(DiagnosticDescriptors.SoftmaxSingleUnit, Argument(attribute, ActivationParameter), arguments);

            case Rule.SoftmaxHidden:
                return Diagnostic.Create(DiagnosticDescriptors.SoftmaxHidden, Argument(attribute, ActivationParameter), arguments);

            case Rule.UndefinedActivation:
                return Diagnostic.Create(DiagnosticDescriptors.UndefinedActivation, Argument(attribute, ActivationParameter), arguments);

            case Rule.UndefinedNetworkOption:
                return Diagnostic.Create(DiagnosticDescriptors.UndefinedNetworkOption, NetworkOptionLocation(arguments[1]), arguments);

            case Rule.InvalidAlpha:
                return InvalidAlpha(attribute, finding, arguments);

            case Rule.InvalidHuberDelta:
                return Diagnostic.Create(DiagnosticDescriptors.InvalidHuberDelta, NetworkOptionLocation("HuberDelta"), arguments);

            case Rule.PairingError:
            case Rule.PairingWarning:
            case Rule.PairingInfo:
                return Pairing(finding, attribute, arguments);

            case Rule.InferenceOnly:
                return Diagnostic.Create(DiagnosticDescriptors.InferenceOnly, Argument(attribute, ActivationParameter), arguments);

            case Rule.VanishingGradients:
                return Diagnostic.Create(DiagnosticDescriptors.VanishingGradients, ClassIdentifier(), arguments);

            case Rule.InvalidDropoutRate:
                return Diagnostic.Create(DiagnosticDescriptors.InvalidDropoutRate, Argument(attribute, RateParameter), arguments);

            case Rule.MisplacedDropout:
                return Diagnostic.Create(DiagnosticDescriptors.MisplacedDropout, AttributeOrClass(attribute), arguments);

            default:
                // A rule added without a descriptor: say so on the class rather than lose it.
                return Diagnostic.Create(GeneratorDiagnostics.UnexpectedFailure, ClassIdentifier(), arguments[0], "no diagnostic for rule " + finding.Rule);
        }
    }

    private Diagnostic InvalidAlpha(AttributeData? attribute, Finding finding, string[] arguments)
    {
        var activation = (ActivationKind)(LayerAt(finding.AttributeIndex)?.Activation ?? 0);
        string range = activation == ActivationKind.ELU ? "greater than 0" : "of at least 0";
        return Diagnostic.Create(DiagnosticDescriptors.InvalidAlpha, Named(attribute, "Alpha"), arguments[0], arguments[1], activation.ToString(), arguments[2], range);
    }

    private Diagnostic Pairing(Finding finding, AttributeData? attribute, string[] arguments)
    {
        var activation = (ActivationKind)(LayerAt(finding.AttributeIndex)?.Activation ?? 0);
        var loss = (LossKind)_declaration.Loss;
        int units = LayerAt(finding.AttributeIndex)?.Size ?? 0;

        DiagnosticDescriptor descriptor;
        string why;
        switch (finding.Rule)
        {
            case Rule.PairingError:
                descriptor = DiagnosticDescriptors.PairingError;
                why = PairingExplanation.Error(activation, loss);
                break;
            case Rule.PairingWarning:
                descriptor = DiagnosticDescriptors.PairingWarning;
                why = PairingExplanation.Warning(activation, loss);
                break;
            default:
                descriptor = DiagnosticDescriptors.PairingInfo;
                why = PairingExplanation.MatchingPairs(activation, loss);
                break;
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (PairingTable.MatchingActivation(loss) is { } matchingActivation && FitsLayer(matchingActivation, units))
        {
            properties = properties.Add(DiagnosticProperties.MatchingActivation, matchingActivation.ToString());
        }

        if (PairingTable.MatchingLoss(activation) is { } matchingLoss && FitsLayer(activation, units))
        {
            properties = properties.Add(DiagnosticProperties.MatchingLoss, matchingLoss.ToString());
        }

        // The loss argument goes along, so that the "change the loss" fix finds it.
        Location? lossLocation = _networkAttribute is null
            ? null
            : AttributeArgumentLocator.ConstructorArgument(_networkAttribute, LossParameter, _cancellationToken);
        return Diagnostic.Create(
            descriptor,
            Argument(attribute, ActivationParameter),
            lossLocation is null ? null : new[] { lossLocation },
            properties,
            arguments[0],
            arguments[1],
            arguments[2],
            arguments[3],
            why);
    }

    /// <summary>False when the activation would itself be an error on a layer of <paramref name="units"/> (Softmax on one unit).</summary>
    private static bool FitsLayer(ActivationKind activation, int units) => !(activation == ActivationKind.Softmax && units == 1);

    private Location NetworkOptionLocation(string option)
    {
        if (_networkAttribute is null)
        {
            return ClassIdentifier();
        }

        Location? location = option == "Loss"
            ? AttributeArgumentLocator.ConstructorArgument(_networkAttribute, LossParameter, _cancellationToken)
            : AttributeArgumentLocator.NamedArgument(_networkAttribute, option, _cancellationToken);
        return location ?? ClassIdentifier();
    }

    /// <summary>The first NetGen attribute on a different declaration from the first one.</summary>
    private Location SpreadAttributeLocation()
    {
        SyntaxNode? firstOwner = null;
        foreach (LayerOrNetworkAttribute item in NetGenAttributes())
        {
            if (item.Owner is null)
            {
                continue;
            }

            if (firstOwner is null)
            {
                firstOwner = item.Owner;
            }
            else if (item.Owner != firstOwner)
            {
                return item.Syntax.GetLocation();
            }
        }

        return ClassIdentifier();
    }

    private IEnumerable<LayerOrNetworkAttribute> NetGenAttributes()
    {
        var indices = new HashSet<int>();
        foreach (LayerDeclaration layer in _declaration.Layers)
        {
            indices.Add(layer.AttributeIndex);
        }

        for (int index = 0; index < _attributes.Length; index++)
        {
            AttributeData attribute = _attributes[index];
            bool ours = indices.Contains(index) || ReferenceEquals(attribute, _networkAttribute);
            if (ours && attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax syntax)
            {
                yield return new LayerOrNetworkAttribute(syntax, syntax.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>());
            }
        }
    }

    private LayerDeclaration? LayerAt(int attributeIndex)
    {
        foreach (LayerDeclaration layer in _declaration.Layers)
        {
            if (layer.AttributeIndex == attributeIndex)
            {
                return layer;
            }
        }

        return null;
    }

    private Location ClassIdentifier() => TypeDeclarationLocator.Identifier(_type, _networkAttribute, _cancellationToken);

    private Location AttributeOrClass(AttributeData? attribute) =>
        (attribute is null ? null : AttributeArgumentLocator.Attribute(attribute, _cancellationToken)) ?? ClassIdentifier();

    private Location Argument(AttributeData? attribute, int parameterIndex) =>
        (attribute is null ? null : AttributeArgumentLocator.ConstructorArgument(attribute, parameterIndex, _cancellationToken)) ?? ClassIdentifier();

    private Location Named(AttributeData? attribute, string name) =>
        (attribute is null ? null : AttributeArgumentLocator.NamedArgument(attribute, name, _cancellationToken)) ?? ClassIdentifier();

    private static string[] ToArray(EquatableArray<string> arguments)
    {
        var result = new string[arguments.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = arguments[i];
        }

        return result;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private readonly struct LayerOrNetworkAttribute
    {
        public LayerOrNetworkAttribute(AttributeSyntax syntax, SyntaxNode? owner)
        {
            Syntax = syntax;
            Owner = owner;
        }

        public AttributeSyntax Syntax { get; }

        public SyntaxNode? Owner { get; }
    }
}
