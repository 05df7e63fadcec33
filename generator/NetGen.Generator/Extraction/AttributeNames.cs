namespace NetGen.Generator.Extraction;

/// <summary>Metadata names of the attributes in <c>src/NetGen</c> that declare a network.</summary>
internal static class AttributeNames
{
    public const string Network = "NetGen.NetworkAttribute";
    public const string Input = "NetGen.InputAttribute";
    public const string Dense = "NetGen.DenseAttribute";
    public const string Dropout = "NetGen.DropoutAttribute";

    /// <summary>The short names a user may write, recognised even when the attribute does not bind (half-typed code).</summary>
    public static bool IsLayerShortName(string name) =>
        name is "Input" or "InputAttribute" or "Dense" or "DenseAttribute" or "Network" or "NetworkAttribute" or "Dropout" or "DropoutAttribute";
}
