using NetGen.Generator.Model;
using NetGen.Generator.Options;

namespace NetGen.Generator.Planning;

/// <summary>
/// A complete, immutable, value-equatable description of what will be emitted for one valid network: every
/// layer's sizes, offsets and strategy, and every decision about how each member computes it. The emitter walks
/// it and decides nothing; tests check the decisions here without emitting anything.
/// </summary>
internal sealed record NetworkPlan
{
    public TypeHierarchy Hierarchy { get; init; } = null!;

    /// <summary>The user declared <c>Name()</c>: the generator adds no constructor.</summary>
    public bool HasParameterlessConstructor { get; init; }

    public PrecisionKind Precision { get; init; }

    public LossKind Loss { get; init; }

    /// <summary>δₕ of the Huber loss.</summary>
    public double HuberDelta { get; init; }

    public OptimizerKind Optimizer { get; init; }

    /// <summary>The limits in force (build properties, or the defaults).</summary>
    public GeneratorOptions Options { get; init; } = GeneratorOptions.Default;

    public int InputSize { get; init; }

    public int ParameterCount { get; init; }

    public EquatableArray<LayerPlan> Layers { get; init; }

    public NetworkStrategy Strategy { get; init; }

    /// <summary>False when a Step layer makes the network inference-only (no Backward, no TrainStep).</summary>
    public bool Trainable { get; init; }

    public OutputDeltaForm OutputDelta { get; init; }

    /// <summary>The loss of a matching pair computed from the pre-activation (sigmoid + BCE, softmax + CE/KL, exp + Poisson).</summary>
    public bool LossFromPreActivation { get; init; }

    public TrainStepForm TrainStep { get; init; }

    public ApplyGradientsForm ApplyGradients { get; init; }

    public BackwardBatchForm BackwardBatch { get; init; }

    /// <summary>How ForwardBatch walks a batch: always matrix products (their vectorised activations beat even a written-out Forward).</summary>
    public BatchStrategy ForwardBatch { get; init; }

    /// <summary>How TrainBatch walks a batch: sample by sample for the smallest written-out networks, matrix products otherwise.</summary>
    public BatchStrategy TrainBatch { get; init; }

    /// <summary>BackwardBatch's stack block: δˡ and the inputs of the layers on the kernels, for four samples.</summary>
    public int BlockSize { get; init; }

    public LayerPlan Output => Layers[Layers.Count - 1];

    public int OutputSize => Output.Units;

    public bool HasDropout
    {
        get
        {
            foreach (LayerPlan layer in Layers)
            {
                if (layer.HasDropout)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Momentum and Adam keep m.</summary>
    public bool HasFirstMoment => Optimizer is OptimizerKind.Momentum or OptimizerKind.Adam;

    /// <summary>RmsProp and Adam keep v.</summary>
    public bool HasSecondMoment => Optimizer is OptimizerKind.RmsProp or OptimizerKind.Adam;
}
