using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Emission;

/// <summary>
/// A valid declaration resolved for emission: fan-ins, parameter offsets in math.md's flat order,
/// and the strategy (unrolled or constant-bound loops). Built in the output step, never cached.
/// </summary>
internal sealed class NetworkPlan
{
    private NetworkPlan(NetworkDeclaration declaration, IReadOnlyList<DenseLayerPlan> layers, int inputSize, int parameterCount, GeneratorOptions options)
    {
        Declaration = declaration;
        Layers = layers;
        InputSize = inputSize;
        ParameterCount = parameterCount;
        Scalar = Scalar.For((PrecisionKind)declaration.Precision);
        Loss = (LossKind)declaration.Loss;
        Optimizer = (OptimizerKind)declaration.Optimizer;
        Trainable = true;
        long weights = 0;
        int maxFanIn = 0;
        foreach (DenseLayerPlan layer in layers)
        {
            Trainable &= layer.Activation != ActivationKind.Step;
            weights += (long)layer.Inputs * layer.Units;
            maxFanIn = System.Math.Max(maxFanIn, layer.Inputs);
        }

        Options = options;
        Unrolled = weights <= options.UnrollMaxWeights && maxFanIn <= options.UnrollMaxFanIn;
    }

    public NetworkDeclaration Declaration { get; }

    public TypeHierarchy Hierarchy => Declaration.Hierarchy;

    public IReadOnlyList<DenseLayerPlan> Layers { get; }

    public DenseLayerPlan Output => Layers[Layers.Count - 1];

    public int InputSize { get; }

    public int OutputSize => Output.Units;

    public int ParameterCount { get; }

    public Scalar Scalar { get; }

    public LossKind Loss { get; }

    public double HuberDelta => Declaration.HuberDelta;

    public OptimizerKind Optimizer { get; }

    /// <summary>False when a Step layer makes the network inference-only.</summary>
    public bool Trainable { get; }

    /// <summary>The unroll thresholds in force (build properties, or <see cref="GeneratorLimits"/>' defaults).</summary>
    public GeneratorOptions Options { get; }

    /// <summary>Every multiply-add written out, or constant-bound loops for larger networks.</summary>
    public bool Unrolled { get; }

    /// <summary>True when a Dropout layer follows some Dense layer.</summary>
    public bool HasDropout => Layers.Any(l => l.HasDropout);

    /// <summary>True when the output delta collapses to δ = o − y.</summary>
    public bool MatchingPair => PairingTable.IsMatching(Output.Activation, Loss);

    /// <summary>The interface the class implements, e.g. <c>global::NetGen.ITrainableNetwork&lt;float&gt;</c>.</summary>
    public string InterfaceName => (Trainable ? "global::NetGen.ITrainableNetwork<" : "global::NetGen.INetwork<") + Scalar.Name + ">";

    /// <summary>Builds the plan of a declaration that <see cref="NetworkRules.CanGenerate"/> accepted.</summary>
    public static NetworkPlan Create(NetworkDeclaration declaration, GeneratorOptions? options = null)
    {
        var layers = new List<DenseLayerPlan>();
        int inputSize = 0, previous = 0, offset = 0;
        foreach (LayerDeclaration layer in declaration.Layers)
        {
            if (layer.Kind == LayerKind.Input)
            {
                inputSize = previous = layer.Size;
                continue;
            }

            if (layer.Kind == LayerKind.Dropout)
            {
                layers[layers.Count - 1].DropoutRate = layer.Rate;
                continue;
            }

            var activation = (ActivationKind)layer.Activation;
            var plan = new DenseLayerPlan(layers.Count + 1, previous, layer.Size, activation, AlphaOf(activation, layer.Alpha), offset);
            layers.Add(plan);
            offset = plan.BiasOffset + plan.Units;
            previous = layer.Size;
        }

        return new NetworkPlan(declaration, layers, inputSize, offset, options ?? new GeneratorOptions(GeneratorLimits.UnrollMaxWeights, GeneratorLimits.UnrollMaxFanIn));
    }

    private static double AlphaOf(ActivationKind activation, double declared) =>
        !double.IsNaN(declared) ? declared : activation == ActivationKind.ELU ? 1.0 : 0.01;
}

/// <summary>One Dense layer l: W⁽ˡ⁾ [Units × Inputs] at <see cref="WeightOffset"/>, then b⁽ˡ⁾ at <see cref="BiasOffset"/>.</summary>
internal sealed class DenseLayerPlan
{
    public DenseLayerPlan(int number, int inputs, int units, ActivationKind activation, double alpha, int weightOffset)
    {
        Number = number;
        Inputs = inputs;
        Units = units;
        Activation = activation;
        Alpha = alpha;
        WeightOffset = weightOffset;
    }

    /// <summary>l, counting Dense layers from 1.</summary>
    public int Number { get; }

    public int Inputs { get; }

    public int Units { get; }

    public ActivationKind Activation { get; }

    /// <summary>The LeakyReLU slope or the ELU α, with math.md's defaults applied.</summary>
    public double Alpha { get; }

    public int WeightOffset { get; }

    public int BiasOffset => WeightOffset + (Inputs * Units);

    /// <summary>The flat index of W⁽ˡ⁾ᵢⱼ.</summary>
    public int Weight(int i, int j) => WeightOffset + (i * Inputs) + j;

    public int Bias(int i) => BiasOffset + i;

    /// <summary>The rate of the Dropout that follows this layer; 0 when there is none (or a rate of 0, the identity).</summary>
    public double DropoutRate { get; set; }

    public bool HasDropout => DropoutRate > 0;

    /// <summary>The superscript layer number: ¹, ², …</summary>
    public string Sup => Superscript.Of(Number);
}
