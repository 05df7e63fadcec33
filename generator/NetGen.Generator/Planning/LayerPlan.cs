using NetGen.Generator.Model;

namespace NetGen.Generator.Planning;

/// <summary>
/// Layer l as it will be emitted: its kind, sizes and offsets in math.md's flat order, its strategy, and how
/// every member computes it. Immutable and value-equatable; built by <see cref="NetworkPlanner"/> only.
/// </summary>
internal sealed record LayerPlan
{
    /// <summary>l, counting layers with parameters from 1.</summary>
    public int Number { get; init; }

    public ParameterLayerKind Kind { get; init; }

    /// <summary>The fan-in nₗ₋₁.</summary>
    public int Inputs { get; init; }

    /// <summary>The width nₗ.</summary>
    public int Units { get; init; }

    /// <summary>Affine maps per unit: 1 for Dense, k ≥ 2 for Maxout (whose row r = i·k + j is piece j of unit i).</summary>
    public int Pieces { get; init; } = 1;

    public ActivationKind Activation { get; init; }

    /// <summary>The LeakyReLU slope or the ELU α in force (math.md's default when not declared); 0 for other activations.</summary>
    public double Alpha { get; init; }

    /// <summary>Where W⁽ˡ⁾ [Rows × Inputs] starts in θ.</summary>
    public int WeightOffset { get; init; }

    /// <summary>Where b⁽ˡ⁾ [Rows] starts in θ.</summary>
    public int BiasOffset { get; init; }

    /// <summary>The rate of the Dropout that follows this layer; 0 when there is none (or a rate of 0, the identity).</summary>
    public double DropoutRate { get; init; }

    public LayerStrategy Strategy { get; init; }

    /// <summary>True for layer L.</summary>
    public bool IsOutput { get; init; }

    /// <summary>
    /// oˡ (and hˡ, maskˡ, gˡ) as one local per unit: the layer and the layer above it (if any) are both written out.
    /// Otherwise they are spans, which the kernels need.
    /// </summary>
    public bool SharedVectorsAsLocals { get; init; }

    public ForwardActivationForm ForwardActivation { get; init; }

    /// <summary>How δˡ follows from gˡ = ∂L/∂oˡ.</summary>
    public ActivationDeltaForm ActivationDelta { get; init; }

    /// <summary>How Backward (and BackwardIntoBlock) computes δˡ of a hidden layer; unused for the output layer.</summary>
    public HiddenDeltaForm BackwardHiddenDelta { get; init; }

    /// <summary>How TrainStep computes δˡ of a hidden layer (fusing the update of layer l + 1 with SGD); unused for the output layer.</summary>
    public HiddenDeltaForm TrainStepHiddenDelta { get; init; }

    /// <summary>What TrainStep does with this layer's ∂L/∂θ.</summary>
    public Contribution TrainStepContribution { get; init; }

    /// <summary>What BackwardIntoBlock does with this layer's ∂L/∂θ.</summary>
    public Contribution BlockContribution { get; init; }

    /// <summary>Where δˡ of sample slot k starts in BackwardBatch's block: this + k·Rows; −1 when the layer is not blocked.</summary>
    public int BlockDeltaOffset { get; init; } = -1;

    /// <summary>Where the input of sample slot k starts in the block (l ≥ 2 on the kernels): this + k·Inputs; −1 otherwise.</summary>
    public int BlockInputOffset { get; init; } = -1;

    /// <summary>How ForwardBatch and TrainBatch compute this layer's forward product and activation (matrix-product networks).</summary>
    public BatchForwardForm BatchForward { get; init; }

    /// <summary>How TrainBatch computes Δˡ of this hidden layer from Δˡ⁺¹ (matrix-product networks); unused for the output layer.</summary>
    public BatchDeltaForm BatchDelta { get; init; }

    public bool IsWrittenOut => Strategy == LayerStrategy.WrittenOut;

    public bool HasDropout => DropoutRate > 0;

    public bool IsMaxout => Kind == ParameterLayerKind.Maxout;

    /// <summary>Rows of W⁽ˡ⁾, entries of b⁽ˡ⁾ and of the pre-activation: Units × Pieces.</summary>
    public int Rows => Units * Pieces;

    public int WeightCount => Inputs * Rows;

    /// <summary>The flat index of W⁽ˡ⁾ᵢⱼ.</summary>
    public int Weight(int i, int j) => WeightOffset + (i * Inputs) + j;

    /// <summary>The flat index of b⁽ˡ⁾ᵢ.</summary>
    public int Bias(int i) => BiasOffset + i;
}
