namespace NetGen;

/// <summary>The update rule a network's <c>TrainStep</c>/<c>ApplyGradients</c> apply (math.md, "Optimizers").</summary>
/// <remarks>The numeric values are part of the contract: do not reorder.</remarks>
public enum Optimizer
{
    /// <summary>w ← w − η g.</summary>
    Sgd = 0,

    /// <summary>m ← β m + (1−β) g; w ← w − η m. Equals "SGD with momentum β and dampening β" elsewhere.</summary>
    Momentum = 1,

    /// <summary>v ← β v + (1−β) g²; w ← w − η g / (√v + ε).</summary>
    RmsProp = 2,

    /// <summary>m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − η m̂ / (√v̂ + ε), with bias-corrected m̂, v̂.</summary>
    Adam = 3,
}
