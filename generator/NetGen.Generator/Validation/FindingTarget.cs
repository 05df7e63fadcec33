namespace NetGen.Generator.Validation;

/// <summary>What a finding underlines, in terms of the declaration (the analyzer's locator turns it into syntax).</summary>
internal enum TargetKind
{
    /// <summary>The identifier of the declaration that carries [Network].</summary>
    Class,

    /// <summary>The identifier of the first declaration of the class that is not partial.</summary>
    NonPartialDeclaration,

    /// <summary>The identifier of the innermost containing type that is not partial.</summary>
    NonPartialContainingType,

    /// <summary>The primary constructor's parameter list.</summary>
    PrimaryConstructor,

    /// <summary>A member the user declared (<see cref="FindingTarget.Name"/>).</summary>
    Member,

    /// <summary>A whole layer attribute (<see cref="FindingTarget.AttributeIndex"/>).</summary>
    Attribute,

    /// <summary>A constructor argument of a layer attribute (<see cref="FindingTarget.Parameter"/>).</summary>
    ConstructorArgument,

    /// <summary>A named argument of a layer attribute (<see cref="FindingTarget.Name"/>).</summary>
    NamedArgument,

    /// <summary>An argument of [Network]: <c>Loss</c> (its constructor argument) or a named one.</summary>
    NetworkArgument,

    /// <summary>The first NetGen attribute on another partial declaration than the first one.</summary>
    SpreadAttribute,
}

/// <summary>Where a finding points. Falls back to the class identifier when that syntax is not written.</summary>
internal sealed record FindingTarget(TargetKind Kind, int AttributeIndex = -1, int Parameter = -1, string? Name = null)
{
    public static FindingTarget Class { get; } = new(TargetKind.Class);

    public static FindingTarget Attribute(int attributeIndex) => new(TargetKind.Attribute, attributeIndex);

    public static FindingTarget Argument(int attributeIndex, int parameter) => new(TargetKind.ConstructorArgument, attributeIndex, parameter);

    public static FindingTarget Named(int attributeIndex, string name) => new(TargetKind.NamedArgument, attributeIndex, Name: name);

    public static FindingTarget NetworkArgument(string name) => new(TargetKind.NetworkArgument, Name: name);

    public static FindingTarget Member(string name) => new(TargetKind.Member, Name: name);
}
