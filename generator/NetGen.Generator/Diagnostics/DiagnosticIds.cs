namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Every NetGen diagnostic id, in one place. The code-fix assembly links this file as source, so a
/// fixer and the descriptor it fixes can never disagree on an id. docs/diagnostics.md has a section
/// per id (its anchor is the lower-case id).
/// </summary>
internal static class DiagnosticIds
{
    // The declaring type.
    public const string NotPartial = "NG0001";
    public const string ContainingTypeNotPartial = "NG0002";
    public const string Generic = "NG0003";
    public const string NotAClass = "NG0004";

    // The layer list.
    public const string NoInput = "NG0005";
    public const string MultipleInputs = "NG0006";
    public const string DenseBeforeInput = "NG0007";
    public const string NoDense = "NG0008";
    public const string NonPositiveWidth = "NG0009";
    public const string TooLarge = "NG0010";
    public const string FanInMismatch = "NG0011";
    public const string AttributesSpread = "NG0012";

    // Values of the attributes.
    public const string SoftmaxSingleUnit = "NG0013";
    public const string SoftmaxHidden = "NG0014";
    public const string UndefinedActivation = "NG0015";
    public const string UndefinedNetworkOption = "NG0016";
    public const string InvalidAlpha = "NG0017";
    public const string InvalidHuberDelta = "NG0018";

    // Output activation × loss, and trainability.
    public const string PairingError = "NG0019";
    public const string PairingWarning = "NG0020";
    public const string PairingInfo = "NG0021";
    public const string InferenceOnly = "NG0022";
    public const string TrainingMemberOnInferenceOnly = "NG0023";
    public const string VanishingGradients = "NG0024";

    // Call sites.
    public const string ArgumentLength = "NG0025";

    // [Dropout].
    public const string InvalidDropoutRate = "NG0026";
    public const string MisplacedDropout = "NG0027";

    // The declaring type and its members.
    public const string StaticClass = "NG0028";
    public const string ClassNamedLikeMember = "NG0029";
    public const string PrimaryConstructor = "NG0030";
    public const string MemberClash = "NG0031";
    public const string LayerWithoutNetwork = "NG0032";

    // [Maxout].
    public const string MaxoutPieces = "NG0033";
    public const string MaxoutOutputLoss = "NG0034";

    /// <summary>The generator's own id for an unexpected failure: a bug, never a user's mistake.</summary>
    public const string GeneratorFailure = "NG9999";
}
