namespace NetGen;

/// <summary>The per-sample loss L(o, y) a network is trained on (a mini-batch averages it).</summary>
/// <remarks>The numeric values are part of the contract: do not reorder.</remarks>
public enum Loss
{
    /// <summary>L = ½ Σᵢ (oᵢ−yᵢ)². The ½ makes ∂L/∂o = o − y (libraries without it differ by a factor 2/n).</summary>
    MeanSquaredError = 0,

    /// <summary>L = Σᵢ |oᵢ−yᵢ|.</summary>
    MeanAbsoluteError = 1,

    /// <summary>L = Σᵢ ½r² if |r| ≤ δ else δ(|r| − ½δ), r = oᵢ−yᵢ (δ = <see cref="NetworkAttribute.HuberDelta"/>, default 1).</summary>
    Huber = 2,

    /// <summary>L = −Σᵢ [yᵢ ln oᵢ + (1−yᵢ) ln(1−oᵢ)]; outputs in (0, 1).</summary>
    BinaryCrossEntropy = 3,

    /// <summary>L = −Σᵢ yᵢ ln oᵢ; the output is a distribution (Softmax) and Σy = 1.</summary>
    CategoricalCrossEntropy = 4,

    /// <summary>L = Σᵢ yᵢ ln(yᵢ/oᵢ), with 0·ln 0 = 0; the output is a distribution (Softmax).</summary>
    KLDivergence = 5,

    /// <summary>L = Σᵢ max(0, 1−yᵢoᵢ); targets in {−1, +1}.</summary>
    Hinge = 6,

    /// <summary>L = Σᵢ (oᵢ − yᵢ ln oᵢ); outputs &gt; 0, targets are counts ≥ 0.</summary>
    Poisson = 7,
}
