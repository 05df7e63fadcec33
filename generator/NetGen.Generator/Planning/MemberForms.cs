namespace NetGen.Generator.Planning;

/// <summary>How gˡ = Wˡ⁺¹ᵀδˡ⁺¹, what a hidden layer l receives from the layer above, is computed, and δˡ from it.</summary>
internal enum HiddenDeltaForm
{
    /// <summary>Both layers written out and the sum short (at most four terms): δˡᵢ = f′ · Σⱼ Wⱼᵢδⱼ in one statement, no gˡ.</summary>
    FoldedIntoDelta,

    /// <summary>Layer l + 1 written out: gˡᵢ as written-out sums, then δˡ from gˡ.</summary>
    WrittenOutSums,

    /// <summary>Layer l + 1 on the kernels: gˡ = Wˡ⁺¹ᵀδˡ⁺¹ by MultiplyTransposedAdd into a zeroed span, then δˡ.</summary>
    KernelTransposed,

    /// <summary>
    /// TrainStep with SGD, layer l + 1 on the kernels: one pass over Wˡ⁺¹ computes gˡ into a zeroed span from the old
    /// weights and applies the update (SgdUpdate.BackpropagateApplyOuterFma), then bˡ⁺¹ is updated; then δˡ.
    /// </summary>
    KernelFusedSgd,
}

/// <summary>How δ = f′(a) ⊙ g (or the softmax Jacobian) is computed from g = ∂L/∂o.</summary>
internal enum ActivationDeltaForm
{
    /// <summary>One expression per element (f′ from the output where math.md prefers it).</summary>
    Elementwise,

    /// <summary>δᵢ = oᵢ(gᵢ − Σₖ gₖoₖ): the softmax Jacobian.</summary>
    SoftmaxJacobian,

    /// <summary>The branch-free SIMD ReLUDelta kernel (a ReLU layer on the kernels without dropout).</summary>
    ReLUKernel,

    /// <summary>Maxout: δz₍ᵢₖ₊ⱼ₎ = gᵢ for the winning piece j = j*ᵢ, 0 for the others.</summary>
    MaxoutRouting,
}

/// <summary>How a layer applies its activation in the forward pass.</summary>
internal enum ForwardActivationForm
{
    /// <summary>One expression per element, written out or in a loop.</summary>
    Elementwise,

    /// <summary>max, e^(a − max), sum, divide: over the whole layer.</summary>
    Softmax,

    /// <summary>The branch-free SIMD ReLU kernel.</summary>
    ReLUKernel,

    /// <summary>
    /// tanh, sigmoid, exp, softplus or ELU over the whole layer through BatchActivations, in SIMD lanes within a few ulp
    /// of MathF: a float layer of at least eight units, on the kernels or written out (its aˡ locals through a stack span).
    /// </summary>
    ActivationKernel,

    /// <summary>Linear on the kernels: oˡ = aˡ, a copy.</summary>
    Copy,

    /// <summary>Maxout: oᵢ = maxⱼ z₍ᵢₖ₊ⱼ₎, the first j that reaches the maximum winning (kept while training, for δ).</summary>
    Maxout,
}

/// <summary>How the output delta δᴸ = ∂L/∂aᴸ is computed.</summary>
internal enum OutputDeltaForm
{
    /// <summary>A matching pair: δᴸ = o − y (the residual itself for Linear + MSE).</summary>
    Matching,

    /// <summary>A Linear output: δᴸ = ∂L/∂oᴸ.</summary>
    LossGradient,

    /// <summary>g = ∂L/∂oᴸ, then δᴸ through the activation (element-wise f′ or the softmax Jacobian).</summary>
    ThroughActivation,
}

/// <summary>What happens to each parameter's ∂L/∂θ once it is known, in one member for one layer.</summary>
internal enum Contribution
{
    /// <summary><c>gradient[k] += g</c>, written out or by the AddOuter kernel (Backward; TrainStep's stack buffer of a written-out network).</summary>
    AddToGradient,

    /// <summary>The optimizer's SIMD update of whole matrices (a layer on the kernels in TrainStep).</summary>
    OptimizerUpdate,

    /// <summary><c>w[k] -= rate * (g + decay * w[k])</c> written out (a written-out layer in an SGD TrainStep).</summary>
    InlineSgd,

    /// <summary>SgdUpdate's ApplyOuterFma and ApplyScaledFma on the layer (layer 1 of a fused SGD TrainStep).</summary>
    FusedSgdUpdate,

    /// <summary>Nothing left to write: the layer was updated in the pass that computed the delta below it (<see cref="HiddenDeltaForm.KernelFusedSgd"/>).</summary>
    UpdatedDuringBackpropagation,

    /// <summary>δˡ and the layer's input left in the block for BackwardBatch to add four samples at a time (a layer on the kernels in BackwardIntoBlock).</summary>
    IntoBlock,

    /// <summary>
    /// <c>gradientˡ[k − offset] += g</c> into a zeroed stack buffer of the layer's own parameters, then one SIMD update
    /// of them (a written-out layer in a TrainStep whose other layers run on the kernels, optimizers other than SGD).
    /// </summary>
    LayerBuffer,
}

/// <summary>How TrainStep updates the parameters.</summary>
internal enum TrainStepForm
{
    /// <summary>SGD on a written-out network: each parameter's update written out where its gradient is known.</summary>
    WrittenOutSgd,

    /// <summary>Another optimizer on a written-out network: the gradient into a zeroed stack buffer, then one SIMD update of all parameters.</summary>
    WrittenOutBuffered,

    /// <summary>SGD with layers on the kernels: each such Wˡ (l ≥ 2) updated in the pass that backpropagates through it, W¹ after; written-out layers inline.</summary>
    FusedSgd,

    /// <summary>Another optimizer with layers on the kernels: whole-matrix updates per layer, written-out layers through their own buffer.</summary>
    PerLayerUpdate,
}

/// <summary>How ApplyGradients updates the parameters, so that it leaves the bits TrainStep leaves.</summary>
internal enum ApplyGradientsForm
{
    /// <summary>One ApplyScaled over all parameters.</summary>
    Whole,

    /// <summary>One ApplyScaledFma over all parameters (SGD, every layer on the kernels).</summary>
    WholeFma,

    /// <summary>Layer by layer, each with the update TrainStep gives it (SGD, mixed network).</summary>
    PerLayer,
}

/// <summary>How BackwardBatch walks a mini-batch.</summary>
internal enum BackwardBatchForm
{
    /// <summary>Backward per sample (a written-out network).</summary>
    PerSample,

    /// <summary>Blocks of four samples through BackwardIntoBlock, then one AddOuterBlock per layer on the kernels.</summary>
    Blocked,
}
