using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Options;

namespace NetGen.Generator.Planning;

/// <summary>
/// Planning: a valid declaration and the options in force become a <see cref="NetworkPlan"/>. Every decision about
/// how the code is written is taken here, once: each layer's strategy, how each member computes its deltas and
/// updates its parameters, BackwardBatch's block layout.
/// </summary>
internal static class NetworkPlanner
{
    /// <summary>VectorMath.OuterBlockSize: the samples BackwardBatch folds into one pass over a gradient matrix.</summary>
    public const int BlockSamples = 4;

    /// <summary>The longest Σⱼ Wⱼᵢδⱼ folded into δᵢ's statement between two written-out layers (a longer one gets gᵢ first).</summary>
    private const int MaxFoldedTerms = 4;

    /// <summary>Plans a declaration that <c>NetworkRules.CanGenerate</c> accepted.</summary>
    public static NetworkPlan Plan(NetworkDeclaration declaration, GeneratorOptions options)
    {
        List<LayerPlan> layers = Resolve(declaration, out int inputSize, out int parameterCount);
        List<LayerStrategy> strategies = ChooseStrategies(layers, options);
        NetworkStrategy network = strategies.All(s => s == LayerStrategy.WrittenOut) ? NetworkStrategy.WrittenOut
            : strategies.All(s => s == LayerStrategy.Kernels) ? NetworkStrategy.Kernels
            : NetworkStrategy.Mixed;
        bool fusedSgd = network != NetworkStrategy.WrittenOut && declaration.Optimizer == OptimizerKind.Sgd;
        TrainStepForm trainStep = fusedSgd ? TrainStepForm.FusedSgd
            : network == NetworkStrategy.WrittenOut ? (declaration.Optimizer == OptimizerKind.Sgd ? TrainStepForm.WrittenOutSgd : TrainStepForm.WrittenOutBuffered)
            : TrainStepForm.PerLayerUpdate;

        int blockSize = 0;
        for (int k = 0; k < layers.Count; k++)
        {
            LayerStrategy strategy = strategies[k];
            LayerStrategy? next = k + 1 < layers.Count ? strategies[k + 1] : null;
            LayerPlan layer = layers[k] with { Strategy = strategy };
            LayerPlan? above = k + 1 < layers.Count ? layers[k + 1] : null;
            HiddenDeltaForm backward = above is null ? HiddenDeltaForm.WrittenOutSums : HiddenDelta(layer, above, next!.Value);
            int deltaOffset = -1, inputOffset = -1;
            if (strategy == LayerStrategy.Kernels)
            {
                deltaOffset = blockSize;
                blockSize += BlockSamples * layer.Rows;
                if (layer.Number > 1)
                {
                    inputOffset = blockSize;
                    blockSize += BlockSamples * layer.Inputs;
                }
            }

            layers[k] = layer with
            {
                SharedVectorsAsLocals = strategy == LayerStrategy.WrittenOut && next is null or LayerStrategy.WrittenOut,
                ForwardActivation = layer.IsMaxout ? ForwardActivationForm.Maxout : ForwardActivation(layer, strategy, declaration.Precision),
                ActivationDelta = layer.IsMaxout ? ActivationDeltaForm.MaxoutRouting
                    : layer.Activation == ActivationKind.Softmax ? ActivationDeltaForm.SoftmaxJacobian
                    : layer.Activation == ActivationKind.ReLU && strategy == LayerStrategy.Kernels && !layer.HasDropout ? ActivationDeltaForm.ReLUKernel
                    : ActivationDeltaForm.Elementwise,
                BackwardHiddenDelta = backward,
                TrainStepHiddenDelta = fusedSgd && next == LayerStrategy.Kernels ? HiddenDeltaForm.KernelFusedSgd : backward,
                TrainStepContribution = TrainStepContribution(trainStep, strategy, layer.Number),
                BlockContribution = strategy == LayerStrategy.WrittenOut ? Contribution.AddToGradient : Contribution.IntoBlock,
                BatchForward = BatchForward(layer),
                BatchDelta = layer.IsMaxout ? BatchDeltaForm.ProductThenRouting
                    : layer.Activation == ActivationKind.Softmax ? BatchDeltaForm.ProductThenJacobian
                    : layer.HasDropout ? BatchDeltaForm.FusedDerivativeThenMask
                    : BatchDeltaForm.FusedDerivative,
                BlockDeltaOffset = deltaOffset,
                BlockInputOffset = inputOffset,
            };
        }

        LayerPlan output = layers[layers.Count - 1];
        return new NetworkPlan
        {
            Hierarchy = declaration.Hierarchy,
            HasParameterlessConstructor = declaration.Shape.HasParameterlessConstructor,
            Precision = declaration.Precision,
            Loss = declaration.Loss,
            HuberDelta = declaration.HuberDelta,
            Optimizer = declaration.Optimizer,
            Options = options,
            InputSize = inputSize,
            ParameterCount = parameterCount,
            Layers = new EquatableArray<LayerPlan>(layers),
            Strategy = network,
            Trainable = layers.All(l => ActivationFacts.IsDifferentiable(l.Activation)),
            // No pair collapses through a Maxout output: g = ∂L/∂o is routed to the winning pieces.
            OutputDelta = output.IsMaxout ? OutputDeltaForm.ThroughActivation
                : PairingTable.IsMatching(output.Activation, declaration.Loss) ? OutputDeltaForm.Matching
                : output.Activation == ActivationKind.Linear ? OutputDeltaForm.LossGradient
                : OutputDeltaForm.ThroughActivation,
            LossFromPreActivation = !output.IsMaxout && PairingTable.HasPreActivationLoss(output.Activation, declaration.Loss),
            TrainStep = trainStep,
            ApplyGradients = !fusedSgd ? ApplyGradientsForm.Whole : network == NetworkStrategy.Kernels ? ApplyGradientsForm.WholeFma : ApplyGradientsForm.PerLayer,
            BackwardBatch = network == NetworkStrategy.WrittenOut ? BackwardBatchForm.PerSample : BackwardBatchForm.Blocked,
            BlockSize = blockSize,
            ForwardBatch = BatchStrategy.MatrixProducts,
            TrainBatch = network == NetworkStrategy.WrittenOut && layers.Sum(l => (long)l.WeightCount) <= GeneratorOptions.SampleBySampleTrainBatchMaxWeights
                ? BatchStrategy.SampleBySample
                : BatchStrategy.MatrixProducts,
        };
    }

    /// <summary>Sizes, offsets in math.md's flat order, activation and α in force, and the dropout of every layer.</summary>
    private static List<LayerPlan> Resolve(NetworkDeclaration declaration, out int inputSize, out int parameterCount)
    {
        inputSize = declaration.Layers.OfType<InputDeclaration>().First().Size;
        var layers = new List<LayerPlan>();
        IReadOnlyList<NumberedLayer> numbered = declaration.ParameterLayers();
        int previous = inputSize, offset = 0;
        foreach (NumberedLayer entry in numbered)
        {
            // A Maxout layer applies no activation after its max (Linear stands for "none").
            ActivationKind activation = entry.Layer is DenseDeclaration dense ? dense.Activation : ActivationKind.Linear;
            double alpha = entry.Layer is DenseDeclaration withAlpha ? ActivationFacts.AlphaInForce(activation, withAlpha.Alpha) : 0;
            int rows = entry.Layer.Units * entry.Layer.PiecesPerUnit;
            var layer = new LayerPlan
            {
                Number = entry.Number,
                Kind = entry.Layer.Kind,
                Inputs = previous,
                Units = entry.Layer.Units,
                Pieces = entry.Layer.PiecesPerUnit,
                Activation = activation,
                Alpha = alpha,
                WeightOffset = offset,
                BiasOffset = offset + (previous * rows),
                DropoutRate = entry.Dropout?.Rate ?? 0,
                IsOutput = entry.Number == numbered.Count,
            };
            layers.Add(layer);
            offset = layer.BiasOffset + rows;
            previous = layer.Units;
        }

        parameterCount = offset;
        return layers;
    }

    /// <summary>
    /// A network whose layers all have a fan-in of at most <see cref="GeneratorOptions.UnrollMaxFanIn"/> and that
    /// has at most <see cref="GeneratorOptions.UnrollMaxWeights"/> weights in all is written out whole. Otherwise
    /// the SIMD kernels carry it, and a layer is written out — layer by layer, from the first — only while its
    /// fan-in is small and the weights written out so far, its own included, stay within
    /// <see cref="GeneratorOptions.MixedUnrollMaxWeights"/>: next to the kernels a written-out layer pays for the
    /// hand-off (spans at the boundaries, an update the kernels would have fused), which only the smallest layers
    /// win back (docs/performance.md §4). The budget also keeps Backward and TrainStep, which hold every layer,
    /// far below the size at which the JIT stops optimising a method.
    /// </summary>
    public static List<LayerStrategy> ChooseStrategies(IReadOnlyList<LayerPlan> layers, GeneratorOptions options)
    {
        bool smallFanIns = layers.All(l => l.Inputs <= options.UnrollMaxFanIn);
        long total = layers.Sum(l => (long)l.WeightCount);
        if (smallFanIns && total <= options.UnrollMaxWeights)
        {
            return layers.Select(_ => LayerStrategy.WrittenOut).ToList();
        }

        var strategies = new List<LayerStrategy>();
        long spent = 0;
        foreach (LayerPlan layer in layers)
        {
            long weights = layer.WeightCount;
            bool writtenOut = layer.Inputs <= options.UnrollMaxFanIn && spent + weights <= options.MixedUnrollMaxWeights;
            spent += writtenOut ? weights : 0;
            strategies.Add(writtenOut ? LayerStrategy.WrittenOut : LayerStrategy.Kernels);
        }

        return strategies;
    }

    private static HiddenDeltaForm HiddenDelta(LayerPlan layer, LayerPlan above, LayerStrategy aboveStrategy)
    {
        if (aboveStrategy == LayerStrategy.Kernels)
        {
            return HiddenDeltaForm.KernelTransposed;
        }

        bool viaG = above.Rows > MaxFoldedTerms || layer.Activation == ActivationKind.Softmax || layer.IsMaxout || layer.Strategy == LayerStrategy.Kernels;
        return viaG ? HiddenDeltaForm.WrittenOutSums : HiddenDeltaForm.FoldedIntoDelta;
    }

    /// <summary>
    /// A layer's batched forward form: the output layer keeps A (its loss and f′ read the pre-activation), a hidden layer
    /// has f fused into the product (its f′ is taken from O), Softmax and Maxout finish each row after the product.
    /// </summary>
    private static BatchForwardForm BatchForward(LayerPlan layer) =>
        layer.IsMaxout ? BatchForwardForm.ProductThenMax
        : layer.Activation == ActivationKind.Softmax ? BatchForwardForm.ProductThenSoftmax
        : layer.IsOutput && layer.Activation != ActivationKind.Linear ? BatchForwardForm.ProductThenActivation
        : BatchForwardForm.FusedActivation;

    /// <summary>
    /// A float layer applies tanh, sigmoid, exp, softplus or ELU through the span activation from this many units (one
    /// 256-bit vector): below it the MathF calls cost less than the vector code (two sigmoids: 15 against 46 ns).
    /// </summary>
    private const int ActivationKernelUnits = 8;

    private static ForwardActivationForm ForwardActivation(LayerPlan layer, LayerStrategy strategy, PrecisionKind precision) => (layer.Activation, strategy) switch
    {
        (ActivationKind.Softmax, _) => ForwardActivationForm.Softmax,
        // No branch per unit: aᵢ > 0 ? aᵢ : 0 in a loop is a branch mispredicted about half the time.
        (ActivationKind.ReLU, LayerStrategy.Kernels) => ForwardActivationForm.ReLUKernel,
        (ActivationKind.Linear, LayerStrategy.Kernels) => ForwardActivationForm.Copy,
        // A scalar MathF.Tanh per unit costs more than the layer's matrix–vector product (deep: 192 per sample); written
        // out or on the kernels alike. Double keeps the scalar Math forms (its span activation is the same loop).
        (ActivationKind.Tanh or ActivationKind.Sigmoid or ActivationKind.Exponential or ActivationKind.Softplus or ActivationKind.ELU, _)
            when precision == PrecisionKind.Single && layer.Units >= ActivationKernelUnits
            => ForwardActivationForm.ActivationKernel,
        _ => ForwardActivationForm.Elementwise,
    };

    private static Contribution TrainStepContribution(TrainStepForm form, LayerStrategy strategy, int number) => form switch
    {
        TrainStepForm.FusedSgd => strategy == LayerStrategy.WrittenOut ? Contribution.InlineSgd
            : number == 1 ? Contribution.FusedSgdUpdate
            : Contribution.UpdatedDuringBackpropagation,
        TrainStepForm.WrittenOutSgd => Contribution.InlineSgd,
        TrainStepForm.WrittenOutBuffered => Contribution.AddToGradient,
        _ => strategy == LayerStrategy.WrittenOut ? Contribution.LayerBuffer : Contribution.OptimizerUpdate,
    };
}
