namespace NetGen.Generator;

/// <summary>Names of the generator's incremental steps, for <c>WithTrackingName</c> and caching tests.</summary>
internal static class TrackingNames
{
    /// <summary>Network classes found by their [Network] attribute, read into value models.</summary>
    public const string Declarations = "NetGen.Declarations";

    /// <summary>The generator's build options (the unroll threshold).</summary>
    public const string Options = "NetGen.Options";

    /// <summary>The declarations code is generated for (no errors).</summary>
    public const string Generatable = "NetGen.Generatable";

    /// <summary>The identities of every generated type, from which each network's unique hint name is chosen.</summary>
    public const string HintNames = "NetGen.HintNames";
}
