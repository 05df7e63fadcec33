using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Options;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Validation;

/// <summary>
/// Validation: the checks that decide whether a declaration is a valid network, each making its complete
/// <see cref="Finding"/> (descriptor, target, message arguments, code-fix properties) where it detects it.
/// The analyzers report every finding; the generator plans and emits only a readable declaration without an
/// error, so a user sees the NG error and no cascade of compiler errors.
/// </summary>
internal static class NetworkRules
{
    // Constructor parameters of the attributes, as the locator finds their arguments.
    private const int SizeParameter = 0;
    private const int ActivationParameter = 1;
    private const int RateParameter = 0;
    private const int PiecesParameter = 1;

    /// <summary>Every finding of <paramref name="network"/>, in declaration order.</summary>
    public static IReadOnlyList<Finding> Check(NetworkDeclaration network)
    {
        var findings = new Findings(network.Hierarchy.Name);
        CheckType(network, findings);
        CheckNetworkOptions(network, findings);
        CheckLayers(network, findings);
        CheckDropouts(network, findings);
        return findings.All;
    }

    /// <summary>True when code can be generated: every attribute readable, and no error.</summary>
    public static bool CanGenerate(NetworkDeclaration network)
    {
        if (!network.Shape.IsReadable)
        {
            return false;
        }

        foreach (Finding finding in Check(network))
        {
            if (finding.IsError)
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckType(NetworkDeclaration network, Findings add)
    {
        TypeShape shape = network.Shape;
        if (!shape.IsClass)
        {
            add.On(DiagnosticDescriptors.NotAClass, FindingTarget.Class, network.Hierarchy.Keyword);
        }
        else
        {
            if (shape.IsStatic)
            {
                add.On(DiagnosticDescriptors.StaticClass, FindingTarget.Class);
            }

            if (!shape.IsPartial)
            {
                add.On(DiagnosticDescriptors.NotPartial, new FindingTarget(TargetKind.NonPartialDeclaration));
            }
        }

        if (shape.NonPartialContainingType is { } outer)
        {
            add.On(DiagnosticDescriptors.ContainingTypeNotPartial, new FindingTarget(TargetKind.NonPartialContainingType), outer);
        }

        if (shape.IsGeneric)
        {
            add.On(DiagnosticDescriptors.Generic, FindingTarget.Class);
        }

        if (shape.AttributesSpreadOverDeclarations)
        {
            add.On(DiagnosticDescriptors.AttributesSpread, new FindingTarget(TargetKind.SpreadAttribute));
        }

        if (shape.HasPrimaryConstructor && shape.IsClass)
        {
            add.On(DiagnosticDescriptors.PrimaryConstructor, new FindingTarget(TargetKind.PrimaryConstructor));
        }

        HashSet<string> generated = GeneratedMemberNames.For(network);
        if (generated.Contains(network.Hierarchy.Name))
        {
            add.On(DiagnosticDescriptors.ClassNamedLikeMember, FindingTarget.Class);
        }

        foreach (string member in shape.MembersNamedLikeGenerated)
        {
            if (GeneratedMemberNames.Clashes(member, generated, network.Precision))
            {
                string name = GeneratedMemberNames.NameOf(member);
                add.On(DiagnosticDescriptors.MemberClash, FindingTarget.Member(name), name);
            }
        }
    }

    private static void CheckNetworkOptions(NetworkDeclaration network, Findings add)
    {
        if (!LossFacts.IsDefined(network.Loss))
        {
            add.On(DiagnosticDescriptors.UndefinedNetworkOption, FindingTarget.NetworkArgument("Loss"), "Loss", Text((int)network.Loss));
        }

        if (network.Precision is not (PrecisionKind.Single or PrecisionKind.Double))
        {
            add.On(DiagnosticDescriptors.UndefinedNetworkOption, FindingTarget.NetworkArgument("Precision"), "Precision", Text((int)network.Precision));
        }

        if (network.Optimizer is < OptimizerKind.Sgd or > OptimizerKind.Adam)
        {
            add.On(DiagnosticDescriptors.UndefinedNetworkOption, FindingTarget.NetworkArgument("Optimizer"), "Optimizer", Text((int)network.Optimizer));
        }

        if (network.Loss == LossKind.Huber && !LossFacts.IsValidHuberDelta(network.HuberDelta))
        {
            add.On(DiagnosticDescriptors.InvalidHuberDelta, FindingTarget.NetworkArgument("HuberDelta"), Real(network.HuberDelta));
        }
    }

    private static void CheckLayers(NetworkDeclaration network, Findings add)
    {
        IReadOnlyList<NumberedLayer> numbered = network.ParameterLayers();
        bool hasInput = false;
        foreach (LayerDeclaration layer in network.Layers)
        {
            hasInput |= layer is InputDeclaration;
        }

        int inputs = 0, number = 0, previousWidth = 0;
        long parameters = 0, units = 0;
        foreach (LayerDeclaration layer in network.Layers)
        {
            switch (layer)
            {
                case InputDeclaration input:
                    inputs++;
                    if (inputs > 1)
                    {
                        add.On(DiagnosticDescriptors.MultipleInputs, FindingTarget.Attribute(input.AttributeIndex), Text(input.Size));
                        continue;
                    }

                    if (input.Size <= 0)
                    {
                        add.On(DiagnosticDescriptors.NonPositiveWidth, FindingTarget.Argument(input.AttributeIndex, SizeParameter), "the input layer ([Input])", Text(input.Size));
                    }

                    previousWidth = input.Size;
                    break;

                case ParameterLayerDeclaration dense:
                    number++;
                    if (inputs == 0 && hasInput)
                    {
                        // Without any [Input], NoInput below says it once for the whole network.
                        add.On(DiagnosticDescriptors.DenseBeforeInput, FindingTarget.Attribute(dense.AttributeIndex), Text(number), dense.AttributeName);
                    }

                    if (dense.Units <= 0)
                    {
                        add.On(DiagnosticDescriptors.NonPositiveWidth, FindingTarget.Argument(dense.AttributeIndex, SizeParameter), "layer " + Text(number) + " (" + dense.AttributeName + ")", Text(dense.Units));
                    }

                    if (dense.DeclaredInputs != 0 && inputs > 0 && previousWidth > 0 && dense.DeclaredInputs != previousWidth)
                    {
                        add.On(
                            DiagnosticDescriptors.FanInMismatch,
                            FindingTarget.Named(dense.AttributeIndex, "Inputs"),
                            new[] { new FindingProperty(DiagnosticProperties.PreviousWidth, Text(previousWidth)) },
                            Text(number),
                            Text(dense.DeclaredInputs),
                            Text(previousWidth),
                            dense.AttributeName);
                    }

                    if (dense is DenseDeclaration withActivation)
                    {
                        CheckActivation(withActivation, number, add);
                    }

                    if (dense is MaxoutDeclaration maxout && maxout.Pieces < 2)
                    {
                        add.On(DiagnosticDescriptors.MaxoutPieces, FindingTarget.Argument(maxout.AttributeIndex, PiecesParameter), Text(number), Text(maxout.Pieces));
                    }

                    // A Maxout layer stores units × pieces rows, and keeps that many values per sample on the stack.
                    long rows = (long)dense.Units * System.Math.Max(dense.PiecesPerUnit, 1);
                    if (previousWidth > 0 && dense.Units > 0)
                    {
                        parameters += ((long)previousWidth * rows) + rows;
                    }

                    units += dense.Units > 0 ? rows : 0;
                    previousWidth = dense.Units;
                    break;
            }
        }

        if (inputs == 0)
        {
            add.On(DiagnosticDescriptors.NoInput, FindingTarget.Class);
        }

        if (numbered.Count == 0)
        {
            add.On(DiagnosticDescriptors.NoDense, FindingTarget.Class);
            return;
        }

        if (parameters > GeneratorOptions.MaxParameters)
        {
            add.On(DiagnosticDescriptors.TooLarge, FindingTarget.Class, "parameters", Text(parameters), Text(GeneratorOptions.MaxParameters));
        }

        if (units > GeneratorOptions.MaxUnits)
        {
            add.On(DiagnosticDescriptors.TooLarge, FindingTarget.Class, "units (a Maxout unit counting once per piece)", Text(units), Text(GeneratorOptions.MaxUnits));
        }

        CheckActivationsInContext(numbered, add);
        if (numbered[numbered.Count - 1].Layer is DenseDeclaration output && ActivationFacts.IsDefined(output.Activation) && LossFacts.IsDefined(network.Loss))
        {
            CheckPairing(output, numbered.Count, network.Loss, add);
        }

        if (numbered[numbered.Count - 1].Layer is MaxoutDeclaration maxoutOutput && LossFacts.NeedsBoundedOutput(network.Loss))
        {
            add.On(
                DiagnosticDescriptors.MaxoutOutputLoss,
                FindingTarget.Attribute(maxoutOutput.AttributeIndex),
                FindingTarget.NetworkArgument("Loss"),
                System.Array.Empty<FindingProperty>(),
                Text(numbered.Count),
                network.Loss.ToString());
        }
    }

    /// <summary>What an activation means where it stands: Softmax on one unit or in a hidden layer, Step, a stack of saturating layers.</summary>
    private static void CheckActivationsInContext(IReadOnlyList<NumberedLayer> numbered, Findings add)
    {
        int saturating = 0;
        foreach (NumberedLayer layer in numbered)
        {
            if (layer.Layer is not DenseDeclaration dense)
            {
                continue;
            }

            bool hidden = layer.Number < numbered.Count;
            FindingTarget activation = FindingTarget.Argument(dense.AttributeIndex, ActivationParameter);
            if (dense.Activation == ActivationKind.Softmax && dense.Units == 1)
            {
                // Wherever it is, a one-unit softmax outputs the constant 1.
                add.On(DiagnosticDescriptors.SoftmaxSingleUnit, activation, Text(layer.Number));
            }

            if (hidden && dense.Activation == ActivationKind.Softmax && dense.Units != 1)
            {
                add.On(DiagnosticDescriptors.SoftmaxHidden, activation, Text(layer.Number));
            }

            if (hidden && ActivationFacts.Saturates(dense.Activation))
            {
                saturating++;
            }

            if (!ActivationFacts.IsDifferentiable(dense.Activation))
            {
                add.On(DiagnosticDescriptors.InferenceOnly, activation, Text(layer.Number));
            }
        }

        if (saturating >= 4)
        {
            add.On(DiagnosticDescriptors.VanishingGradients, FindingTarget.Class, Text(saturating));
        }
    }

    /// <summary>A Dropout must follow a hidden Dense layer (not the input, not the output, not another Dropout), with a rate in [0, 1).</summary>
    private static void CheckDropouts(NetworkDeclaration network, Findings add)
    {
        int total = network.ParameterLayers().Count, seen = 0;
        LayerDeclaration? previous = null;
        foreach (LayerDeclaration layer in network.Layers)
        {
            if (layer is DropoutDeclaration dropout)
            {
                string? misplaced = previous switch
                {
                    DropoutDeclaration => "right after another [Dropout]",
                    ParameterLayerDeclaration when seen == total => "after the output layer " + Text(seen),
                    ParameterLayerDeclaration => null,
                    _ => "before any [Dense] layer",
                };
                if (misplaced is not null)
                {
                    add.On(DiagnosticDescriptors.MisplacedDropout, FindingTarget.Attribute(dropout.AttributeIndex), misplaced);
                }
                else if (!(dropout.Rate >= 0 && dropout.Rate < 1))
                {
                    add.On(DiagnosticDescriptors.InvalidDropoutRate, FindingTarget.Argument(dropout.AttributeIndex, RateParameter), Text(seen), Real(dropout.Rate));
                }
            }

            seen += layer is ParameterLayerDeclaration ? 1 : 0;
            previous = layer;
        }
    }

    private static void CheckActivation(DenseDeclaration layer, int number, Findings add)
    {
        if (!ActivationFacts.IsDefined(layer.Activation))
        {
            add.On(DiagnosticDescriptors.UndefinedActivation, FindingTarget.Argument(layer.AttributeIndex, ActivationParameter), Text(number), Text((int)layer.Activation));
            return;
        }

        if (double.IsNaN(layer.Alpha) || !ActivationFacts.HasAlpha(layer.Activation) || ActivationFacts.IsValidAlpha(layer.Activation, layer.Alpha))
        {
            return;
        }

        string range = layer.Activation == ActivationKind.ELU ? "greater than 0" : "of at least 0";
        add.On(DiagnosticDescriptors.InvalidAlpha, FindingTarget.Named(layer.AttributeIndex, "Alpha"), Text(number), layer.Activation.ToString(), Real(layer.Alpha), range);
    }

    private static void CheckPairing(DenseDeclaration output, int number, LossKind loss, Findings add)
    {
        ActivationKind activation = output.Activation;
        (DiagnosticDescriptor descriptor, string why) = PairingTable.Of(activation, loss) switch
        {
            PairingVerdict.Error => (DiagnosticDescriptors.PairingError, PairingExplanation.Error(activation, loss)),
            PairingVerdict.Warning => (DiagnosticDescriptors.PairingWarning, PairingExplanation.Warning(activation, loss)),
            PairingVerdict.Info => (DiagnosticDescriptors.PairingInfo, PairingExplanation.MatchingPairs(activation, loss)),
            _ => (null!, string.Empty),
        };
        if (descriptor is null)
        {
            return;
        }

        // What the "switch to the matching activation / loss" fixes offer, when the change leaves a valid layer.
        var properties = new List<FindingProperty>();
        if (PairingTable.MatchingActivation(loss) is { } matchingActivation && FitsLayer(matchingActivation, output.Units))
        {
            properties.Add(new FindingProperty(DiagnosticProperties.MatchingActivation, matchingActivation.ToString()));
        }

        if (PairingTable.MatchingLoss(activation) is { } matchingLoss && FitsLayer(activation, output.Units))
        {
            properties.Add(new FindingProperty(DiagnosticProperties.MatchingLoss, matchingLoss.ToString()));
        }

        add.On(
            descriptor,
            FindingTarget.Argument(output.AttributeIndex, ActivationParameter),
            FindingTarget.NetworkArgument("Loss"),
            properties,
            Text(number),
            activation.ToString(),
            loss.ToString(),
            why);
    }

    /// <summary>False when the activation would itself be an error on a layer of <paramref name="units"/> (Softmax on one unit).</summary>
    private static bool FitsLayer(ActivationKind activation, int units) => !(activation == ActivationKind.Softmax && units == 1);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The findings of one declaration; each message's first argument is the class name.</summary>
    private sealed class Findings
    {
        private readonly string _name;

        public Findings(string name) => _name = name;

        public List<Finding> All { get; } = new();

        public void On(DiagnosticDescriptor descriptor, FindingTarget target, params string[] arguments) =>
            On(descriptor, target, null, System.Array.Empty<FindingProperty>(), arguments);

        public void On(DiagnosticDescriptor descriptor, FindingTarget target, IEnumerable<FindingProperty> properties, params string[] arguments) =>
            On(descriptor, target, null, properties, arguments);

        public void On(DiagnosticDescriptor descriptor, FindingTarget target, FindingTarget? additional, IEnumerable<FindingProperty> properties, params string[] arguments)
        {
            var all = new List<string> { _name };
            all.AddRange(arguments);
            All.Add(new Finding(descriptor, target, new EquatableArray<string>(all), additional, new EquatableArray<FindingProperty>(properties)));
        }
    }
}
