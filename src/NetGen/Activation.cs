namespace NetGen;

/// <summary>The non-linearity f applied after a layer's affine part: o = f(a).</summary>
/// <remarks>The numeric values are part of the contract: do not reorder.</remarks>
public enum Activation
{
    /// <summary>f(a) = a; f′ = 1.</summary>
    Linear = 0,

    /// <summary>f(a) = 1/(1+e⁻ᵃ); f′ = o(1−o).</summary>
    Sigmoid = 1,

    /// <summary>f(a) = tanh a; f′ = 1−o².</summary>
    Tanh = 2,

    /// <summary>f(a) = max(0, a); f′ = 1 if a &gt; 0 else 0.</summary>
    ReLU = 3,

    /// <summary>f(a) = a if a &gt; 0 else αa (α = <see cref="DenseAttribute.Alpha"/>, default 0.01).</summary>
    LeakyReLU = 4,

    /// <summary>f(a) = a if a &gt; 0 else α(eᵃ−1) (α = <see cref="DenseAttribute.Alpha"/>, default 1); f′ = 1 or o+α.</summary>
    ELU = 5,

    /// <summary>f(a) = ln(1+eᵃ); f′ = σ(a).</summary>
    Softplus = 6,

    /// <summary>f(a) = eᵃ; f′ = o.</summary>
    Exponential = 7,

    /// <summary>oᵢ = eᵃⁱ/Σⱼeᵃʲ over the layer; Jacobian oᵢ(δᵢₖ − oₖ).</summary>
    Softmax = 8,

    /// <summary>Heaviside step: 1 if a &gt; 0 else 0. Its derivative is 0 everywhere, so a network with a Step layer is inference-only.</summary>
    Step = 9,
}
