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

    /// <summary>Rows of W and entries of b per unit: 1 for Dense, the pieces of a Maxout.</summary>
    public virtual int PiecesPerUnit => 1;
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

/// <summary><c>[Maxout(units, pieces)]</c>: oᵢ = maxⱼ z₍ᵢₖ₊ⱼ₎ over <paramref name="Pieces"/> affine maps per unit.</summary>
internal sealed record MaxoutDeclaration(int Units, int Pieces, int DeclaredInputs, int AttributeIndex)
    : ParameterLayerDeclaration(Units, DeclaredInputs, AttributeIndex)
{
    public override ParameterLayerKind Kind => ParameterLayerKind.Maxout;

    public override int PiecesPerUnit => Pieces;

    public override string AttributeName => "[Maxout]";
}

/// <summary><c>[Dropout(rate)]</c>.</summary>
internal sealed record DropoutDeclaration(double Rate, int AttributeIndex) : LayerDeclaration(AttributeIndex)
{
    public override string AttributeName => "[Dropout]";
}
