namespace NetGen.Generator.Model;

/// <summary>
/// One layer attribute, as written. <see cref="AttributeIndex"/> is its position among the class's
/// attributes, so an analyzer can find its syntax again. One record per attribute kind.
/// </summary>
internal abstract record LayerDeclaration(int AttributeIndex)
{
    /// <summary>The attribute as the user writes it, for messages: <c>[Dense]</c>.</summary>
    public abstract string AttributeName { get; }
}

/// <summary><c>[Input(size)]</c>.</summary>
internal sealed record InputDeclaration(int Size, int AttributeIndex) : LayerDeclaration(AttributeIndex)
{
    public override string AttributeName => "[Input]";
}

/// <summary>A layer with weights and biases: <c>[Dense]</c> (and, as the next kind, <c>[Maxout]</c>).</summary>
internal abstract record ParameterLayerDeclaration(int Units, int DeclaredInputs, int AttributeIndex) : LayerDeclaration(AttributeIndex)
{
    /// <summary>What the layer computes.</summary>
    public abstract ParameterLayerKind Kind { get; }
}

/// <summary>
/// <c>[Dense(units, activation)]</c>. <paramref name="DeclaredInputs"/> is the optional <c>Inputs</c> check (0 when not
/// written); <paramref name="Alpha"/> the optional α (NaN when not written).
/// </summary>
internal sealed record DenseDeclaration(int Units, ActivationKind Activation, int DeclaredInputs, double Alpha, int AttributeIndex)
    : ParameterLayerDeclaration(Units, DeclaredInputs, AttributeIndex)
{
    public override ParameterLayerKind Kind => ParameterLayerKind.Dense;

    public override string AttributeName => "[Dense]";
}

/// <summary><c>[Dropout(rate)]</c>.</summary>
internal sealed record DropoutDeclaration(double Rate, int AttributeIndex) : LayerDeclaration(AttributeIndex)
{
    public override string AttributeName => "[Dropout]";
}
