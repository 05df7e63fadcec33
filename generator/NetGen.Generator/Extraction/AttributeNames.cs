using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Extraction;

/// <summary>Metadata names of the attributes in <c>src/NetGen</c> that declare a network.</summary>
internal static class AttributeNames
{
    public const string Network = "NetGen.NetworkAttribute";
    public const string Input = "NetGen.InputAttribute";
    public const string Dense = "NetGen.DenseAttribute";
    public const string Dropout = "NetGen.DropoutAttribute";
    public const string Maxout = "NetGen.MaxoutAttribute";

    /// <summary>
    /// True for one of NetGen's attributes: bound (by its full name), or written but unbound (an error type with
    /// one of their short names: half-typed code, a missing using).
    /// </summary>
    public static bool IsNetGen(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null
        && (IsNetGenName(attributeClass.ToDisplayString())
            || (attributeClass.TypeKind == TypeKind.Error && IsShortName(attributeClass.Name)));

    /// <summary>True for the full names of [Network], [Input], [Dense], [Maxout] and [Dropout].</summary>
    public static bool IsNetGenName(string? fullName) => fullName is Network or Input or Dense or Dropout or Maxout;

    private static bool IsShortName(string name) =>
        name is "Input" or "InputAttribute" or "Dense" or "DenseAttribute" or "Network" or "NetworkAttribute" or "Dropout" or "DropoutAttribute" or "Maxout" or "MaxoutAttribute";
}
