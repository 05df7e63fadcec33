namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that carry what a code fix
/// needs, so fixers never re-run the rules. Linked into the code-fix assembly.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>On a fan-in mismatch: the previous layer's width, the value <c>Inputs</c> should have.</summary>
    public const string PreviousWidth = "PreviousWidth";

    /// <summary>On a pairing diagnostic: the <c>Activation</c> member that matches the loss, when changing to it leaves a valid network.</summary>
    public const string MatchingActivation = "MatchingActivation";

    /// <summary>On a pairing diagnostic: the <c>Loss</c> member that matches the output activation, when changing to it leaves a valid network.</summary>
    public const string MatchingLoss = "MatchingLoss";
}
