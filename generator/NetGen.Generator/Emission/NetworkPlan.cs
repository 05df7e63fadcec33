using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Emission;

/// <summary>
/// A valid declaration resolved for emission: fan-ins, parameter offsets in math.md's flat order,
/// and each layer's strategy (unrolled or SIMD kernels in constant-bound loops). Built in the output
/// step, never cached.
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
        Trainable = layers.All(l => l.Activation != ActivationKind.Step);
        Options = options;
        ChooseStrategies(layers, options);
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

    /// <summary>True when every layer is written out multiply-add by multiply-add.</summary>
    public bool Unrolled => Layers.All(l => l.Unrolled);

    /// <summary>True when no layer is written out: every layer runs through the SIMD kernels.</summary>
    public bool Looped => Layers.All(l => !l.Unrolled);

    /// <summary>
    /// A network whose layers all have a fan-in of at most <see cref="GeneratorOptions.UnrollMaxFanIn"/> and that
    /// has at most <see cref="GeneratorOptions.UnrollMaxWeights"/> weights in all is written out whole. Otherwise
    /// the SIMD kernels carry it, and a layer is written out — layer by layer, from the first — only while its
    /// fan-in is small and the weights written out so far, its own included, stay within half that budget:
    /// next to the kernels a written-out layer pays for the hand-off (spans at the boundaries, an update the
    /// kernels would have fused), which only the smallest layers win back (docs/performance.md §4). The budget
    /// also keeps Backward and TrainStep, which hold every layer, far below the size at which the JIT stops
    /// optimising a method.
    /// </summary>
    private static void ChooseStrategies(IReadOnlyList<DenseLayerPlan> layers, GeneratorOptions options)
    {
        bool smallFanIns = layers.All(l => l.Inputs <= options.UnrollMaxFanIn);
        long total = layers.Sum(l => (long)l.Inputs * l.Units);
        if (smallFanIns && total <= options.UnrollMaxWeights)
        {
            foreach (DenseLayerPlan layer in layers)
            {
                layer.Unrolled = true;
            }

            return;
        }

        long budget = MixedUnrollMaxWeights(options), spent = 0;
        foreach (DenseLayerPlan layer in layers)
        {
            long weights = (long)layer.Inputs * layer.Units;
            layer.Unrolled = layer.Inputs <= options.UnrollMaxFanIn && spent + weights <= budget;
            if (layer.Unrolled)
            {
                spent += weights;
            }
        }
    }

    /// <summary>The most weights written out in a network that also uses the kernels: half the whole-network budget.</summary>
    public static long MixedUnrollMaxWeights(GeneratorOptions options) => options.UnrollMaxWeights / 2;

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

    /// <summary>True when every multiply-add of this layer is written out with constant indices; false when it runs through the SIMD kernels.</summary>
    public bool Unrolled { get; set; }

    /// <summary>The superscript layer number: ¹, ², …</summary>
    public string Sup => Superscript.Of(Number);
}
