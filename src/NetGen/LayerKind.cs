namespace NetGen;

/// <summary>What a trainable layer computes, as <see cref="LayerDescription"/> reports it.</summary>
/// <remarks>The numeric values are part of the contract: do not reorder.</remarks>
public enum LayerKind
{
    /// <summary><c>[Dense]</c>: o = f(W o⁽ˡ⁻¹⁾ + b), W of shape [units, inputs].</summary>
    Dense = 0,

    /// <summary><c>[Maxout]</c>: oᵢ = maxⱼ zᵢₖ₊ⱼ with z = W o⁽ˡ⁻¹⁾ + b, W of shape [units·pieces, inputs] (math.md, "Maxout layers").</summary>
    Maxout = 1,
}
