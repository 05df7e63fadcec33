namespace NetGen.Generator.Planning;

/// <summary>How ForwardBatch or TrainBatch walks a batch.</summary>
internal enum BatchStrategy
{
    /// <summary>
    /// TrainBatch as BackwardBatch + ApplyGradients: the smallest networks written out whole, whose per-sample code
    /// keeps every value in a register (GeneratorOptions.SampleBySampleTrainBatchMaxWeights).
    /// </summary>
    SampleBySample,

    /// <summary>
    /// Every layer as matrix products over the batch on the batch kernels (NetGen.Kernels.BatchMatrix), the samples
    /// cut into chunks that may run on several threads: math.md's "Mini-batches computed as matrix products".
    /// </summary>
    MatrixProducts,
}

/// <summary>How a layer's forward product A = X·Wᵀ + 1bᵀ and its activation are computed over a batch.</summary>
internal enum BatchForwardForm
{
    /// <summary>O = f(X·Wᵀ + 1bᵀ) in one kernel call, f applied as the tiles are stored (a hidden layer's f′ is taken from O).</summary>
    FusedActivation,

    /// <summary>A kept (the output layer's loss or f′ reads it), then O = f(A) over the whole slab.</summary>
    ProductThenActivation,

    /// <summary>A kept, then O = softmax of every row.</summary>
    ProductThenSoftmax,

    /// <summary>Z = X·Wᵀ + 1bᵀ (one row per piece), then each unit's max over its pieces, the winner kept for δ.</summary>
    ProductThenMax,
}

/// <summary>How a hidden layer's Δˡ follows from Δˡ⁺¹ over a batch.</summary>
internal enum BatchDeltaForm
{
    /// <summary>Δˡ = f′(Oˡ) ⊙ Δˡ⁺¹Wˡ⁺¹ in one kernel call.</summary>
    FusedDerivative,

    /// <summary>As <see cref="FusedDerivative"/>, then ⊙ maskˡ (a Dropout follows the layer).</summary>
    FusedDerivativeThenMask,

    /// <summary>Gˡ = Δˡ⁺¹Wˡ⁺¹, then each row's softmax Jacobian (and mask).</summary>
    ProductThenJacobian,

    /// <summary>Gˡ = Δˡ⁺¹Wˡ⁺¹, then each unit's g (times its mask) routed to its winning piece.</summary>
    ProductThenRouting,
}
