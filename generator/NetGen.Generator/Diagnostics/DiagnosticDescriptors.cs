using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>
/// The catalogue of every NetGen diagnostic: one descriptor per id, each documented in
/// docs/diagnostics.md (the help link goes to its section). Every message starts with the network
/// class, names the layer by position and attribute (layer 0 is the input, Dense layers count from 1,
/// as in math.md) and gives the values involved. The comment above each descriptor lists its
/// message arguments. The severity of a finding is its descriptor's; <see cref="All"/> (the analyzer's
/// SupportedDiagnostics) is read off this class, so adding a rule is a descriptor here, its check in
/// validation, its docs section and its test case.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string DeclarationCategory = "NetGen.Declaration";
    private const string LayersCategory = "NetGen.Layers";
    private const string TrainingCategory = "NetGen.Training";
    private const string UsageCategory = "NetGen.Usage";
    private const string GeneratorCategory = "NetGen.Generator";

    private const string HelpBase = "https://github.com/netgen/netgen/blob/main/docs/diagnostics.md#";

    // {0} class.
    public static readonly DiagnosticDescriptor NotPartial = new(
        id: DiagnosticIds.NotPartial,
        title: "Network class must be partial",
        messageFormat: "Network '{0}' must be declared partial so that NetGen can generate its members",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds Forward, Backward and the parameter storage to the class in a second partial declaration, so the class must be partial.",
        helpLinkUri: HelpBase + "ng0001");

    // {0} class, {1} containing type.
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = new(
        id: DiagnosticIds.ContainingTypeNotPartial,
        title: "Type containing a network must be partial",
        messageFormat: "Network '{0}' is nested in '{1}', which must be declared partial too",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated partial declaration of a nested network repeats every containing type, so each of them must be partial.",
        helpLinkUri: HelpBase + "ng0002");

    // {0} class.
    public static readonly DiagnosticDescriptor Generic = new(
        id: DiagnosticIds.Generic,
        title: "Network class cannot be generic",
        messageFormat: "Network '{0}' is generic or nested in a generic type, but a network's sizes and scalar type are fixed by its attributes",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A network's layer sizes and precision are fixed at compile time; declare a non-generic class for each network.",
        helpLinkUri: HelpBase + "ng0003");

    // {0} class, {1} keyword.
    public static readonly DiagnosticDescriptor NotAClass = new(
        id: DiagnosticIds.NotAClass,
        title: "Network must be a class",
        messageFormat: "Network '{0}' is declared as a {1}, but a network must be a class",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A network holds its parameters inline and is passed by reference, so it must be a class (a record class is fine).",
        helpLinkUri: HelpBase + "ng0004");

    // {0} class.
    public static readonly DiagnosticDescriptor NoInput = new(
        id: DiagnosticIds.NoInput,
        title: "Network has no [Input]",
        messageFormat: "Network '{0}' has no [Input] layer; add [Input(n)] above its first [Dense]",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every network declares the number of values per sample with exactly one [Input], before its [Dense] layers.",
        helpLinkUri: HelpBase + "ng0005");

    // {0} class, {1} size of the extra [Input].
    public static readonly DiagnosticDescriptor MultipleInputs = new(
        id: DiagnosticIds.MultipleInputs,
        title: "Network has more than one [Input]",
        messageFormat: "Network '{0}' declares a second [Input] ({1} values), but a network has exactly one input layer",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A network has exactly one [Input].",
        helpLinkUri: HelpBase + "ng0006");

    // {0} class, {1} layer number, {2} attribute ("[Dense]", "[Maxout]").
    public static readonly DiagnosticDescriptor DenseBeforeInput = new(
        id: DiagnosticIds.DenseBeforeInput,
        title: "[Dense] before [Input]",
        messageFormat: "Network '{0}': layer {1} ({2}) comes before the [Input], but attribute order is layer order",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Attribute order is layer order: [Input] first, then the [Dense] layers from input to output.",
        helpLinkUri: HelpBase + "ng0007");

    // {0} class.
    public static readonly DiagnosticDescriptor NoDense = new(
        id: DiagnosticIds.NoDense,
        title: "Network has no [Dense] layer",
        messageFormat: "Network '{0}' has no [Dense] layer; add at least one [Dense(units, activation)] after its [Input]",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A network needs at least one [Dense] layer: the last one is its output.",
        helpLinkUri: HelpBase + "ng0008");

    // {0} class, {1} layer ("the input layer ([Input])" or "layer 2 ([Dense])"), {2} width.
    public static readonly DiagnosticDescriptor NonPositiveWidth = new(
        id: DiagnosticIds.NonPositiveWidth,
        title: "Layer width must be positive",
        messageFormat: "Network '{0}': {1} has width {2}, but every layer needs at least 1 unit",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The size of [Input] and the units of every [Dense] must be at least 1.",
        helpLinkUri: HelpBase + "ng0009");

    // {0} class, {1} what ("parameters" or "units (a Maxout unit counting once per piece)"), {2} count, {3} limit.
    public static readonly DiagnosticDescriptor TooLarge = new(
        id: DiagnosticIds.TooLarge,
        title: "Network is too large for the generator",
        messageFormat: "Network '{0}' has {2} {1}, more than the generator's limit of {3}",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Parameters live inline in the network object (at most 4,194,304) and activations on the stack during a call (at most 16,384 units over all Dense layers).",
        helpLinkUri: HelpBase + "ng0010");

    // {0} class, {1} layer number, {2} declared Inputs, {3} previous width, {4} attribute ("[Dense]", "[Maxout]").
    public static readonly DiagnosticDescriptor FanInMismatch = new(
        id: DiagnosticIds.FanInMismatch,
        title: "Declared fan-in differs from the previous layer's width",
        messageFormat: "Network '{0}': layer {1} ({4}) declares Inputs = {2}, but the previous layer is {3} wide",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Inputs, when given, documents the fan-in of a [Dense] layer and must equal the width of the layer before it.",
        helpLinkUri: HelpBase + "ng0011");

    // {0} class.
    public static readonly DiagnosticDescriptor AttributesSpread = new(
        id: DiagnosticIds.AttributesSpread,
        title: "Network attributes are spread over several partial declarations",
        messageFormat: "Network '{0}' has its network attributes on more than one partial declaration, so their order, the layer order, is undefined",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Attribute order is layer order, and the order of attributes from different partial declarations is not defined: put [Network], [Input] and every [Dense] on one declaration.",
        helpLinkUri: HelpBase + "ng0012");

    // {0} class, {1} Dense layer number.
    public static readonly DiagnosticDescriptor SoftmaxSingleUnit = new(
        id: DiagnosticIds.SoftmaxSingleUnit,
        title: "Softmax on a one-unit layer",
        messageFormat: "Network '{0}': layer {1} ([Dense]) applies Softmax to a single unit, whose output is always 1, so nothing can be learned",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Softmax normalises over the units of a layer; over one unit it is the constant 1. For one probability use Sigmoid.",
        helpLinkUri: HelpBase + "ng0013");

    // {0} class, {1} Dense layer number.
    public static readonly DiagnosticDescriptor SoftmaxHidden = new(
        id: DiagnosticIds.SoftmaxHidden,
        title: "Softmax in a hidden layer",
        messageFormat: "Network '{0}': hidden layer {1} ([Dense]) uses Softmax, which squeezes its features into a distribution; use it on the output layer only",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Softmax makes a layer's outputs sum to 1, which suits an output distribution and starves the next layer of signal in a hidden one.",
        helpLinkUri: HelpBase + "ng0014");

    // {0} class, {1} Dense layer number, {2} value.
    public static readonly DiagnosticDescriptor UndefinedActivation = new(
        id: DiagnosticIds.UndefinedActivation,
        title: "Undefined Activation value",
        messageFormat: "Network '{0}': layer {1} ([Dense]) has activation {2}, which is not a defined Activation value",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The activation of a [Dense] must be one of the members of NetGen.Activation.",
        helpLinkUri: HelpBase + "ng0015");

    // {0} class, {1} option (Loss, Precision, Optimizer), {2} value.
    public static readonly DiagnosticDescriptor UndefinedNetworkOption = new(
        id: DiagnosticIds.UndefinedNetworkOption,
        title: "Undefined Loss, Precision or Optimizer value",
        messageFormat: "Network '{0}': {1} {2} is not a defined {1} value",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The Loss, Precision and Optimizer of [Network] must be members of their enums.",
        helpLinkUri: HelpBase + "ng0016");

    // {0} class, {1} Dense layer number, {2} activation, {3} value, {4} the valid range.
    public static readonly DiagnosticDescriptor InvalidAlpha = new(
        id: DiagnosticIds.InvalidAlpha,
        title: "Invalid Alpha",
        messageFormat: "Network '{0}': layer {1} ([Dense]) has Alpha = {3}, but {2} needs a finite α {4}",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Alpha is the negative slope of LeakyReLU (finite, at least 0) or the saturation of ELU (finite, greater than 0).",
        helpLinkUri: HelpBase + "ng0017");

    // {0} class, {1} value.
    public static readonly DiagnosticDescriptor InvalidHuberDelta = new(
        id: DiagnosticIds.InvalidHuberDelta,
        title: "Invalid HuberDelta",
        messageFormat: "Network '{0}': HuberDelta = {1}, but the Huber loss needs a finite δ greater than 0",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "HuberDelta is the residual at which the Huber loss turns from quadratic to linear; it must be finite and positive.",
        helpLinkUri: HelpBase + "ng0018");

    // {0} class, {1} output layer number, {2} activation, {3} loss, {4} why. Additional location: the loss argument of [Network].
    public static readonly DiagnosticDescriptor PairingError = new(
        id: DiagnosticIds.PairingError,
        title: "Loss is undefined for the output activation",
        messageFormat: "Network '{0}': {3} is undefined on the output of layer {1} ([Dense], {2}): {4}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The loss needs outputs in a range the output activation does not keep to (see the pairing table in docs/diagnostics.md).",
        helpLinkUri: HelpBase + "ng0019");

    // {0} class, {1} output layer number, {2} activation, {3} loss, {4} why. Additional location: the loss argument of [Network].
    public static readonly DiagnosticDescriptor PairingWarning = new(
        id: DiagnosticIds.PairingWarning,
        title: "Loss trains poorly with the output activation",
        messageFormat: "Network '{0}': {3} after the output of layer {1} ([Dense], {2}) {4}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The loss is defined on the output activation's range, but trains poorly or can hit a boundary of it (see the pairing table in docs/diagnostics.md).",
        helpLinkUri: HelpBase + "ng0020");

    // {0} class, {1} output layer number, {2} activation, {3} loss, {4} the matching pair(s). Additional location: the loss argument of [Network].
    public static readonly DiagnosticDescriptor PairingInfo = new(
        id: DiagnosticIds.PairingInfo,
        title: "Output activation and loss are not a matching pair",
        messageFormat: "Network '{0}': {2} output (layer {1}) with {3} is valid but not a matching pair; {4} gives the simpler, more stable output delta o − y",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Matching pairs (Linear + MeanSquaredError, Sigmoid + BinaryCrossEntropy, Softmax + CategoricalCrossEntropy or KLDivergence, Exponential + Poisson) have the output delta o − y.",
        helpLinkUri: HelpBase + "ng0021");

    // {0} class, {1} Dense layer number.
    public static readonly DiagnosticDescriptor InferenceOnly = new(
        id: DiagnosticIds.InferenceOnly,
        title: "Network with a Step layer is inference-only",
        messageFormat: "Network '{0}': layer {1} ([Dense]) uses Step, whose derivative is 0 everywhere, so the network is inference-only and has no Backward or TrainStep",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Step has no useful derivative, so no gradient flows through it: the generator emits Forward and the parameter members only, for weights trained elsewhere.",
        helpLinkUri: HelpBase + "ng0022");

    // {0} class, {1} Dense layer number of the Step layer, {2} member.
    public static readonly DiagnosticDescriptor TrainingMemberOnInferenceOnly = new(
        id: DiagnosticIds.TrainingMemberOnInferenceOnly,
        title: "Training member used on an inference-only network",
        messageFormat: "Network '{0}' is inference-only because layer {1} ([Dense]) uses Step, so it has no {2}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A network with a Step layer has no Backward, TrainStep, ApplyGradients, ResetOptimizerState or Hyperparameters.",
        helpLinkUri: HelpBase + "ng0023");

    // {0} class, {1} count.
    public static readonly DiagnosticDescriptor VanishingGradients = new(
        id: DiagnosticIds.VanishingGradients,
        title: "Many saturating hidden layers",
        messageFormat: "Network '{0}' has {1} Sigmoid/Tanh hidden layers, through which gradients can vanish; consider ReLU, LeakyReLU or ELU for hidden layers",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Each Sigmoid or Tanh layer multiplies the gradient by a derivative of at most 1/4 or 1; after four or more the early layers barely learn.",
        helpLinkUri: HelpBase + "ng0024");

    // {0} method ("XorNet.Forward"), {1} parameter, {2} expected length, {3} constant name, {4} actual length.
    public static readonly DiagnosticDescriptor ArgumentLength = new(
        id: DiagnosticIds.ArgumentLength,
        title: "Argument length differs from the network's size",
        messageFormat: "'{0}' needs '{1}' of length {2} ({3}), but this argument has length {4}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generated members check the length of every span argument and throw an ArgumentException when it differs.",
        helpLinkUri: HelpBase + "ng0025");

    // {0} class, {1} number of the Dense layer the [Dropout] follows, {2} rate.
    public static readonly DiagnosticDescriptor InvalidDropoutRate = new(
        id: DiagnosticIds.InvalidDropoutRate,
        title: "Invalid Dropout rate",
        messageFormat: "Network '{0}': the [Dropout] after layer {1} ([Dense]) has rate {2}, but a dropout rate must be at least 0 and less than 1",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The rate of a [Dropout] is the probability that a unit is dropped while training; it must be in [0, 1), and the kept units are scaled by 1/(1 − rate).",
        helpLinkUri: HelpBase + "ng0026");

    // {0} class, {1} where the [Dropout] stands ("before any [Dense] layer", "after the output layer 2", "right after another [Dropout]").
    public static readonly DiagnosticDescriptor MisplacedDropout = new(
        id: DiagnosticIds.MisplacedDropout,
        title: "[Dropout] must follow a hidden [Dense] layer",
        messageFormat: "Network '{0}' has a [Dropout] {1}, but a [Dropout] must directly follow a hidden [Dense] layer",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Dropout] applies to the output of the [Dense] layer just before it, which must be a hidden layer: not the input, not the output layer, not another [Dropout].",
        helpLinkUri: HelpBase + "ng0027");

    // {0} class, {1} layer number, {2} pieces.
    public static readonly DiagnosticDescriptor MaxoutPieces = new(
        id: DiagnosticIds.MaxoutPieces,
        title: "Maxout needs at least 2 pieces",
        messageFormat: "Network '{0}': layer {1} ([Maxout]) has {2} pieces, but a Maxout unit is the maximum of at least 2 affine maps",
        category: LayersCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A Maxout unit outputs maxⱼ (wⱼᵀx + bⱼ) over its pieces; with one piece it is a Linear Dense unit, with none it has no output.",
        helpLinkUri: HelpBase + "ng0033");

    // {0} class, {1} output layer number, {2} loss. Additional location: the loss argument of [Network].
    public static readonly DiagnosticDescriptor MaxoutOutputLoss = new(
        id: DiagnosticIds.MaxoutOutputLoss,
        title: "Loss is undefined on a Maxout output",
        messageFormat: "Network '{0}': {2} is undefined on the output of layer {1} ([Maxout]), which is unbounded like Linear; use MeanSquaredError, MeanAbsoluteError, Huber or Hinge, or end with a [Dense] layer",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A Maxout output can be any real number. The probability and count losses (BinaryCrossEntropy, CategoricalCrossEntropy, KLDivergence, Poisson) need outputs in (0, 1), a distribution or positive values (math.md).",
        helpLinkUri: HelpBase + "ng0034");

    // {0} class.
    public static readonly DiagnosticDescriptor StaticClass = new(
        id: DiagnosticIds.StaticClass,
        title: "Network class cannot be static",
        messageFormat: "Network '{0}' is declared static, but a network is an object that holds its parameters; remove 'static'",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds instance members (the parameters, Forward, Backward) and the INetwork<T> interface, which a static class cannot have.",
        helpLinkUri: HelpBase + "ng0028");

    // {0} class.
    public static readonly DiagnosticDescriptor ClassNamedLikeMember = new(
        id: DiagnosticIds.ClassNamedLikeMember,
        title: "Network class is named like a generated member",
        messageFormat: "Network '{0}' has the name of a member NetGen generates into it, and a member cannot have its class's name; rename the class",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "C# forbids a member named like its enclosing type (CS0542), so a network class cannot be called Forward, Backward, InputSize or any other generated member.",
        helpLinkUri: HelpBase + "ng0029");

    // {0} class.
    public static readonly DiagnosticDescriptor PrimaryConstructor = new(
        id: DiagnosticIds.PrimaryConstructor,
        title: "Network class cannot have a primary constructor",
        messageFormat: "Network '{0}' has a primary constructor, but NetGen generates the parameterless constructor that initialises the parameters; declare the parameters as members or a constructor in the class body",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every other constructor of a class with a primary constructor must call it (CS8862), so the generated constructor could not initialise the network.",
        helpLinkUri: HelpBase + "ng0030");

    // {0} class, {1} member name.
    public static readonly DiagnosticDescriptor MemberClash = new(
        id: DiagnosticIds.MemberClash,
        title: "Member clashes with a generated member",
        messageFormat: "Network '{0}' declares '{1}', a name NetGen generates into the class; rename the member",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds members such as Forward, Backward, InputSize, Layer1Size and _w to the class; a member of the same name declared by hand would clash with it.",
        helpLinkUri: HelpBase + "ng0031");

    // {0} type, {1} attribute.
    public static readonly DiagnosticDescriptor LayerWithoutNetwork = new(
        id: DiagnosticIds.LayerWithoutNetwork,
        title: "Layer attribute on a type without [Network]",
        messageFormat: "'{0}' has {1} but no [Network], so no network is generated; add [Network(loss)] or remove the layer attributes",
        category: DeclarationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "[Input], [Dense] and [Dropout] only declare layers of a class that also carries [Network(loss)].",
        helpLinkUri: HelpBase + "ng0032");

    // {0} class, {1} what went wrong.
    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        id: DiagnosticIds.GeneratorFailure,
        title: "NetGen could not generate a network",
        messageFormat: "NetGen could not generate '{0}': {1}. Please report this with the declaration.",
        category: GeneratorCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "ng9999");

    /// <summary>Every descriptor of this class, in id order: what the analyzer supports.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();
}
