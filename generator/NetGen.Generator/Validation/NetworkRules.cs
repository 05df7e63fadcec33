using System.Collections.Generic;
using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Validation;

/// <summary>
/// The checks that decide whether a declaration is a valid network. The analyzers report every
/// finding; the generator emits nothing for a declaration with an error, so a user sees the NG error
/// and no cascade of compiler errors.
/// </summary>
internal static class NetworkRules
{
    public static IReadOnlyList<Finding> Check(NetworkDeclaration network)
    {
        var findings = new List<Finding>();
        string name = network.Hierarchy.Name;
        TypeShape shape = network.Shape;

        void Add(Rule rule, Severity severity, int attributeIndex, params string[] more)
        {
            var arguments = new List<string> { name };
            arguments.AddRange(more);
            findings.Add(new Finding(rule, severity, attributeIndex, new EquatableArray<string>(arguments)));
        }

        if (!shape.IsClass)
        {
            Add(Rule.NotAClass, Severity.Error, -1, network.Hierarchy.Keyword);
        }
        else if (!shape.IsPartial)
        {
            Add(Rule.NotPartial, Severity.Error, -1);
        }

        if (!shape.AllContainingTypesPartial)
        {
            Add(Rule.ContainingTypeNotPartial, Severity.Error, -1);
        }

        if (shape.IsGeneric)
        {
            Add(Rule.Generic, Severity.Error, -1);
        }

        if (shape.AttributesSpreadOverDeclarations)
        {
            Add(Rule.AttributesSpread, Severity.Error, -1);
        }

        CheckNetworkOptions(network, Add);
        CheckLayers(network, Add);
        CheckDropouts(network, Add);
        return findings;
    }

    /// <summary>True when code can be generated: no error, and every attribute bound.</summary>
    public static bool CanGenerate(NetworkDeclaration network)
    {
        if (network.Shape.HasInvalidAttributes)
        {
            return false;
        }

        foreach (Finding finding in Check(network))
        {
            if (finding.Severity == Severity.Error)
            {
                return false;
            }
        }

        return true;
    }

    private delegate void Reporter(Rule rule, Severity severity, int attributeIndex, params string[] arguments);

    private static void CheckNetworkOptions(NetworkDeclaration network, Reporter add)
    {
        if (!IsDefined<LossKind>(network.Loss))
        {
            add(Rule.UndefinedNetworkOption, Severity.Error, -1, "Loss", Text(network.Loss));
        }

        if (!IsDefined<PrecisionKind>(network.Precision))
        {
            add(Rule.UndefinedNetworkOption, Severity.Error, -1, "Precision", Text(network.Precision));
        }

        if (!IsDefined<OptimizerKind>(network.Optimizer))
        {
            add(Rule.UndefinedNetworkOption, Severity.Error, -1, "Optimizer", Text(network.Optimizer));
        }

        if ((LossKind)network.Loss == LossKind.Huber && !(network.HuberDelta > 0 && !double.IsInfinity(network.HuberDelta)))
        {
            add(Rule.InvalidHuberDelta, Severity.Error, -1, network.HuberDelta.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void CheckLayers(NetworkDeclaration network, Reporter add)
    {
        int inputs = 0, denseCount = 0, saturating = 0;
        int previousWidth = 0;
        long parameters = 0, units = 0;
        LayerDeclaration? lastDense = null;
        bool hasInput = false;
        foreach (LayerDeclaration layer in network.Layers)
        {
            hasInput |= layer.Kind == LayerKind.Input;
        }

        foreach (LayerDeclaration layer in network.Layers)
        {
            if (layer.Kind == LayerKind.Input)
            {
                inputs++;
                if (inputs > 1)
                {
                    add(Rule.MultipleInputs, Severity.Error, layer.AttributeIndex);
                    continue;
                }

                if (layer.Size <= 0)
                {
                    add(Rule.NonPositiveWidth, Severity.Error, layer.AttributeIndex, "the input layer ([Input])", Text(layer.Size));
                }

                previousWidth = layer.Size;
                continue;
            }

            if (layer.Kind != LayerKind.Dense)
            {
                continue; // only Dense layers have a width, a fan-in and an activation to check
            }

            denseCount++;
            string number = Text(denseCount);
            if (inputs == 0 && hasInput)
            {
                // Without any [Input], NoInput below says it once for the whole network.
                add(Rule.DenseBeforeInput, Severity.Error, layer.AttributeIndex, number);
            }

            if (layer.Size <= 0)
            {
                add(Rule.NonPositiveWidth, Severity.Error, layer.AttributeIndex, "layer " + number + " ([Dense])", Text(layer.Size));
            }

            if (layer.DeclaredInputs != 0 && inputs > 0 && previousWidth > 0 && layer.DeclaredInputs != previousWidth)
            {
                add(Rule.FanInMismatch, Severity.Error, layer.AttributeIndex, number, Text(layer.DeclaredInputs), Text(previousWidth));
            }

            CheckActivation(layer, number, add);

            if (previousWidth > 0 && layer.Size > 0)
            {
                parameters += ((long)previousWidth * layer.Size) + layer.Size;
            }

            units += layer.Size > 0 ? layer.Size : 0;
            previousWidth = layer.Size;
            lastDense = layer;
        }

        if (inputs == 0)
        {
            add(Rule.NoInput, Severity.Error, -1);
        }

        if (denseCount == 0)
        {
            add(Rule.NoDense, Severity.Error, -1);
            return;
        }

        if (parameters > GeneratorLimits.MaxParameters)
        {
            add(Rule.TooLarge, Severity.Error, -1, "parameters", Text(parameters), Text(GeneratorLimits.MaxParameters));
        }

        if (units > GeneratorLimits.MaxUnits)
        {
            add(Rule.TooLarge, Severity.Error, -1, "units in Dense layers", Text(units), Text(GeneratorLimits.MaxUnits));
        }

        int number2 = 0;
        foreach (LayerDeclaration layer in network.Layers)
        {
            if (layer.Kind != LayerKind.Dense)
            {
                continue;
            }

            number2++;
            var activation = (ActivationKind)layer.Activation;
            if (activation == ActivationKind.Softmax && layer.Size == 1)
            {
                // Wherever it is, a one-unit softmax outputs the constant 1.
                add(Rule.SoftmaxSingleUnit, Severity.Error, layer.AttributeIndex, Text(number2));
            }

            if (!ReferenceEquals(layer, lastDense))
            {
                if (activation == ActivationKind.Softmax && layer.Size != 1)
                {
                    add(Rule.SoftmaxHidden, Severity.Warning, layer.AttributeIndex, Text(number2));
                }

                if (activation is ActivationKind.Sigmoid or ActivationKind.Tanh)
                {
                    saturating++;
                }
            }

            if (activation == ActivationKind.Step)
            {
                add(Rule.InferenceOnly, Severity.Info, layer.AttributeIndex, Text(number2));
            }
        }

        if (saturating >= 4)
        {
            add(Rule.VanishingGradients, Severity.Info, -1, Text(saturating));
        }

        if (lastDense is not null && IsDefined<ActivationKind>(lastDense.Activation) && IsDefined<LossKind>(network.Loss))
        {
            CheckPairing((ActivationKind)lastDense.Activation, (LossKind)network.Loss, lastDense.AttributeIndex, Text(denseCount), add);
        }

    }

    /// <summary>A Dropout must follow a hidden Dense layer (not the input, not the output, not another Dropout), with a rate in [0, 1).</summary>
    private static void CheckDropouts(NetworkDeclaration network, Reporter add)
    {
        int denseTotal = 0;
        foreach (LayerDeclaration layer in network.Layers)
        {
            denseTotal += layer.Kind == LayerKind.Dense ? 1 : 0;
        }

        int denseSeen = 0;
        LayerKind? previous = null;
        foreach (LayerDeclaration layer in network.Layers)
        {
            if (layer.Kind == LayerKind.Dropout)
            {
                string? misplaced = previous switch
                {
                    LayerKind.Dropout => "right after another [Dropout]",
                    LayerKind.Dense when denseSeen == denseTotal => "after the output layer " + Text(denseSeen),
                    LayerKind.Dense => null,
                    _ => "before any [Dense] layer",
                };
                if (misplaced is not null)
                {
                    add(Rule.MisplacedDropout, Severity.Error, layer.AttributeIndex, misplaced);
                }
                else if (!(layer.Rate >= 0 && layer.Rate < 1))
                {
                    add(Rule.InvalidDropoutRate, Severity.Error, layer.AttributeIndex, Text(denseSeen), layer.Rate.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            denseSeen += layer.Kind == LayerKind.Dense ? 1 : 0;
            previous = layer.Kind;
        }
    }

    private static void CheckActivation(LayerDeclaration layer, string number, Reporter add)
    {
        if (!IsDefined<ActivationKind>(layer.Activation))
        {
            add(Rule.UndefinedActivation, Severity.Error, layer.AttributeIndex, number, Text(layer.Activation));
            return;
        }

        var activation = (ActivationKind)layer.Activation;
        if (double.IsNaN(layer.Alpha) || activation is not (ActivationKind.LeakyReLU or ActivationKind.ELU))
        {
            return;
        }

        bool valid = !double.IsInfinity(layer.Alpha) && (activation == ActivationKind.ELU ? layer.Alpha > 0 : layer.Alpha >= 0);
        if (!valid)
        {
            add(Rule.InvalidAlpha, Severity.Error, layer.AttributeIndex, number, layer.Alpha.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void CheckPairing(ActivationKind activation, LossKind loss, int attributeIndex, string number, Reporter add)
    {
        Severity severity = PairingTable.Of(activation, loss);
        switch (severity)
        {
            case Severity.Error:
                add(Rule.PairingError, Severity.Error, attributeIndex, number, activation.ToString(), loss.ToString());
                break;
            case Severity.Warning:
                add(Rule.PairingWarning, Severity.Warning, attributeIndex, number, activation.ToString(), loss.ToString());
                break;
            case Severity.Info:
                add(Rule.PairingInfo, Severity.Info, attributeIndex, number, activation.ToString(), loss.ToString());
                break;
        }
    }

    private static bool IsDefined<TEnum>(int value)
        where TEnum : struct => System.Enum.IsDefined(typeof(TEnum), value);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
