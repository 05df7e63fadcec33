namespace NetGen.Generator.Validation;

/// <summary>
/// Everything the rules can find in a declaration. The analyzers give each one a diagnostic id; the
/// comment says what <see cref="Finding.Arguments"/> holds for it.
/// </summary>
internal enum Rule
{
    /// <summary>The class is not <c>partial</c>. Arguments: class.</summary>
    NotPartial,

    /// <summary>A containing type is not <c>partial</c>. Arguments: class.</summary>
    ContainingTypeNotPartial,

    /// <summary>The class or a containing type is generic. Arguments: class.</summary>
    Generic,

    /// <summary>The type is a struct, record struct or interface. Arguments: class, keyword.</summary>
    NotAClass,

    /// <summary>No [Input]. Arguments: class.</summary>
    NoInput,

    /// <summary>A second (or later) [Input]. Arguments: class.</summary>
    MultipleInputs,

    /// <summary>A [Dense] before the [Input]. Arguments: class, layer number.</summary>
    DenseBeforeInput,

    /// <summary>No [Dense]. Arguments: class.</summary>
    NoDense,

    /// <summary>A width ≤ 0. Arguments: class, layer description ("the input layer ([Input])" or "layer 2 ([Dense])"), width.</summary>
    NonPositiveWidth,

    /// <summary>Over the generator's limits. Arguments: class, what, count, limit.</summary>
    TooLarge,

    /// <summary>Declared fan-in ≠ previous width. Arguments: class, layer number, declared, previous width.</summary>
    FanInMismatch,

    /// <summary>Layer attributes on more than one partial declaration. Arguments: class.</summary>
    AttributesSpread,

    /// <summary>Softmax on a one-unit layer, hidden or output. Arguments: class, layer number.</summary>
    SoftmaxSingleUnit,

    /// <summary>Softmax in a hidden layer of more than one unit. Arguments: class, layer number.</summary>
    SoftmaxHidden,

    /// <summary>An Activation value outside the enum. Arguments: class, layer number, value.</summary>
    UndefinedActivation,

    /// <summary>A Loss, Precision or Optimizer value outside its enum. Arguments: class, enum name, value.</summary>
    UndefinedNetworkOption,

    /// <summary>An α that is not a finite number ≥ 0 (ELU: &gt; 0). Arguments: class, layer number, value.</summary>
    InvalidAlpha,

    /// <summary>A Huber δ that is not a finite number &gt; 0. Arguments: class, value.</summary>
    InvalidHuberDelta,

    /// <summary>The loss is undefined on the output activation's range. Arguments: class, output layer number, activation, loss.</summary>
    PairingError,

    /// <summary>Defined but trains poorly or can hit a boundary. Arguments: class, output layer number, activation, loss.</summary>
    PairingWarning,

    /// <summary>Valid but not a matching pair. Arguments: class, output layer number, activation, loss.</summary>
    PairingInfo,

    /// <summary>A Step layer makes the network inference-only. Arguments: class, layer number.</summary>
    InferenceOnly,

    /// <summary>Four or more Sigmoid/Tanh hidden layers. Arguments: class, count.</summary>
    VanishingGradients,

    /// <summary>A Dropout rate outside [0, 1). Arguments: class, number of the Dense layer it follows, rate.</summary>
    InvalidDropoutRate,

    /// <summary>A Dropout that does not follow a hidden Dense layer. Arguments: class, where it stands.</summary>
    MisplacedDropout,
}
