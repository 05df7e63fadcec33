using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private bool HasFirstMoment => _plan.Optimizer is OptimizerKind.Momentum or OptimizerKind.Adam;

    private bool HasSecondMoment => _plan.Optimizer is OptimizerKind.RmsProp or OptimizerKind.Adam;

    /// <summary>
    /// True for an SGD network with layers on the kernels: TrainStep updates each such Wˡ in the pass that
    /// backpropagates through it, and for those layers both TrainStep and ApplyGradients use the fused
    /// multiply-add updates of <c>SgdUpdate</c>, so that they leave the same bits (written-out layers keep the
    /// plain update on both paths).
    /// </summary>
    private bool FusedSgd => !_plan.Unrolled && _plan.Optimizer == OptimizerKind.Sgd;

    /// <summary>True while TrainStep's deltas are written for <see cref="FusedSgd"/>: backpropagation through Wˡ also updates it.</summary>
    private bool _fusingUpdates;

    /// <summary>The optimizer's whole moment spans as arguments: <c>m, v, </c> for Adam, empty for SGD.</summary>
    private string Moments => (HasFirstMoment ? "m, " : string.Empty) + (HasSecondMoment ? "v, " : string.Empty);

    private string UpdateType => "global::NetGen.Optimizers." + _plan.Optimizer + "Update<" + T + ">";

    private void WriteOptimizerStorage()
    {
        if (HasFirstMoment)
        {
            _w.Line("/// <summary>m: the optimizer's first moment of every parameter.</summary>");
            _w.Line("private ParameterStorage _m;");
            _w.Line();
        }

        if (HasSecondMoment)
        {
            _w.Line("/// <summary>v: the optimizer's second moment of every parameter.</summary>");
            _w.Line("private ParameterStorage _v;");
            _w.Line();
        }

        _w.Line("/// <summary>t: optimizer steps taken since the last reset.</summary>");
        _w.Line("private long _step;");
        _w.Line();
        if (_plan.HasDropout)
        {
            _w.Line("/// <summary>The sequence dropout masks are drawn from while training (see <see cref=\"SeedDropout\"/>).</summary>");
            _w.Line("private global::NetGen.DeterministicRandom _dropout = new(DefaultSeed);");
            _w.Line();
        }
    }

    private string OptimizerEquation => _plan.Optimizer switch
    {
        OptimizerKind.Momentum => "m ← βm + (1−β)g; w ← w − ηm",
        OptimizerKind.RmsProp => "v ← βv + (1−β)g²; w ← w − ηg/(√v + ε)",
        OptimizerKind.Adam => "m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − η m̂/(√v̂ + ε)",
        _ => "w ← w − ηg",
    };

    /// <summary>The optimizer's SIMD update of a slice of θ (and of its moments): <c>update.ApplyOuter(w.Slice(…), m.Slice(…), …)</c>.</summary>
    private string MatrixUpdateCall(string method, string range, string arguments)
    {
        string slice(string storage) => storage + ".Slice(" + range + ")";
        string moments = (HasFirstMoment ? slice("m") + ", " : string.Empty) + (HasSecondMoment ? slice("v") + ", " : string.Empty);
        return "update." + method + "(" + slice("w") + ", " + moments + arguments + ");";
    }

    private void WriteTraining()
    {
        _w.Line("/// <summary>The optimizer's run-time settings: learning rate, β's, ε and weight decay (math.md's defaults).</summary>");
        _w.Line(GeneratedCode);
        _w.Line("public global::NetGen.Hyperparameters Hyperparameters { get; } = new();");
        _w.Line();
        _w.Line("static global::NetGen.Optimizer global::NetGen.ITrainableNetwork<" + T + ">.OptimizerAlgorithm => global::NetGen.Optimizer." + _plan.Optimizer + ";");
        _w.Line();
        WriteTrainStep();
        WriteApplyGradients();
        _w.Line("/// <summary>Zeroes the optimizer's moments and its step count t.</summary>");
        _w.Line(GeneratedCode);
        using (_w.Block("public void ResetOptimizerState()"))
        {
            if (HasFirstMoment)
            {
                _w.Line("_m = default;");
            }

            if (HasSecondMoment)
            {
                _w.Line("_v = default;");
            }

            _w.Line("_step = 0;");
        }

        _w.Line();
        if (_plan.HasDropout)
        {
            _w.Line("/// <summary>Restarts the sequence the dropout masks are drawn from: the same seed gives the same masks.</summary>");
            _w.Line(GeneratedCode);
            _w.Line("public void SeedDropout(int seed) => _dropout = new global::NetGen.DeterministicRandom(seed);");
        }
        else
        {
            _w.Line("/// <summary>This network has no Dropout layer: there are no masks to seed.</summary>");
            _w.Line("void global::NetGen.ITrainableNetwork<" + T + ">.SeedDropout(int seed)");
            _w.Line("{");
            _w.Line("}");
        }

        _w.Line();
    }

    private void WriteStorageSpans()
    {
        _w.Line("Span<" + T + "> w = _w; // θ, in math.md's flat order");
        if (HasFirstMoment)
        {
            _w.Line("Span<" + T + "> m = _m;");
        }

        if (HasSecondMoment)
        {
            _w.Line("Span<" + T + "> v = _v;");
        }

        _w.Line();
    }

    private void WriteTrainStep()
    {
        _training = true;
        _w.Line("/// <summary>");
        _w.Line("/// Forward, backward and one " + _plan.Optimizer + " update for one sample, fused and allocation-free: every");
        _w.Line("/// delta is computed from the current weights first, then each parameter is updated with its own");
        _w.Line("/// gradient. Equal to <see cref=\"Backward\"/> into a zeroed gradient and <see cref=\"ApplyGradients\"/> with a batch size of 1.");
        _w.Line("/// </summary>");
        _w.Line("/// <remarks>" + OptimizerEquation + ", with λw added to g first (L2 weight decay).</remarks>");
        _w.Line("/// <param name=\"input\">The <see cref=\"InputSize\"/> input values x.</param>");
        _w.Line("/// <param name=\"target\">The <see cref=\"OutputSize\"/> target values y.</param>");
        _w.Line("/// <returns>The sample's loss before the update; NaN, with nothing changed, when an input or target value is NaN or infinite.</returns>");
        _w.Line("/// <exception cref=\"ArgumentException\">A span's length differs from <see cref=\"InputSize\"/> or <see cref=\"OutputSize\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public " + T + " TrainStep(ReadOnlySpan<" + T + "> input, ReadOnlySpan<" + T + "> target)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("target", "OutputSize");
            WriteNonFiniteGuard("input", "target");
            WriteStorageSpans();
            WriteForwardPass(outputSpan: null, withTarget: true);
            WriteBackwardLoss();
            if (FusedSgd)
            {
                // Plain SGD with layers on the kernels: each such Wˡ (l ≥ 2) is updated in the pass that carries δˡ back through it.
                _w.Line("// w ← w − η(g + λw), each matrix on the kernels in one SIMD pass: Wˡ (l ≥ 2) in the pass that computes gˡ⁻¹ = Wˡᵀδˡ from its old values"
                    + (_plan.Looped ? string.Empty : "; written-out layers parameter by parameter, at the end"));
                _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                if (!_plan.Looped)
                {
                    WriteSgdRates();
                }

                _w.Line();
            }

            _fusingUpdates = FusedSgd;
            WriteDeltas();
            _fusingUpdates = false;
            if (FusedSgd)
            {
                WriteParameterGradients(layer => layer.Unrolled ? Contribution.InlineSgd
                    : layer.Number == 1 ? Contribution.FusedSgdUpdate
                    : Contribution.UpdatedDuringBackpropagation);
            }
            else if (_plan.Unrolled && _plan.Optimizer == OptimizerKind.Sgd)
            {
                // The per-sample fast path: each parameter's update written out where its gradient is known.
                _w.Line("// w ← w − η(g + λw), parameter by parameter, right where g = ∂L/∂θ is known (every δ above used the old weights)");
                WriteSgdRates();
                _w.Line("_step++;");
                _w.Line();
                WriteParameterGradients(_ => Contribution.InlineSgd);
            }
            else if (_plan.Unrolled)
            {
                // One statement per parameter into a small stack buffer, then one SIMD update: a call
                // per parameter would make the method too large for the JIT to optimise.
                _w.Line("// This sample's ∂L/∂θ in a stack buffer, as in Backward; then one update of every parameter.");
                DeclareZeroedSpan("gradient", "ParameterCount");
                _w.Line();
                WriteParameterGradients(_ => Contribution.AddToGradient);
                _w.Line("// " + OptimizerEquation + ", for every parameter at once (SIMD)");
                _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                _w.Line("update.ApplyScaled(w, " + Moments + S.One + ", gradient);");
                _w.Line();
            }
            else
            {
                // Layers on the kernels update whole matrices; written-out layers (if any) through a stack buffer of their own parameters.
                _w.Line("// " + OptimizerEquation + ", row by row (SIMD)");
                _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                _w.Line();
                WriteParameterGradients(layer => layer.Unrolled ? Contribution.LayerBuffer : Contribution.OptimizerUpdate);
            }

            _w.Line("return loss;");
        }

        _w.Line();
        _training = false;
    }

    /// <summary>η and λ, read once into locals for the written-out SGD updates.</summary>
    private void WriteSgdRates() =>
        _w.Line(T + " rate = (" + T + ")Hyperparameters.LearningRate, decay = (" + T + ")Hyperparameters.WeightDecay;");

    private void WriteApplyGradients()
    {
        _w.Line("/// <summary>One " + _plan.Optimizer + " update from a gradient summed over <paramref name=\"batchSize\"/> samples: g = gradient / batchSize.</summary>");
        _w.Line("/// <remarks>" + OptimizerEquation + ", with λw added to g first (L2 weight decay).</remarks>");
        _w.Line("/// <param name=\"gradient\">The <see cref=\"ParameterCount\"/> summed partial derivatives, as <see cref=\"Backward\"/> accumulates them.</param>");
        _w.Line("/// <param name=\"batchSize\">How many samples were summed (at least 1).</param>");
        _w.Line("/// <exception cref=\"ArgumentException\"><paramref name=\"gradient\"/>'s length differs from <see cref=\"ParameterCount\"/>.</exception>");
        _w.Line("/// <exception cref=\"ArgumentOutOfRangeException\"><paramref name=\"batchSize\"/> is less than 1.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public void ApplyGradients(ReadOnlySpan<" + T + "> gradient, int batchSize)"))
        {
            WriteLengthCheck("gradient", "ParameterCount");
            _w.Line("ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);");
            _w.Line();
            WriteStorageSpans();
            _w.Line("// " + OptimizerEquation);
            _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
            if (FusedSgd && !_plan.Looped)
            {
                // Layer by layer, each with the update TrainStep gives it.
                foreach (DenseLayerPlan layer in _plan.Layers)
                {
                    string range = layer.WeightOffset + ", " + (layer.BiasOffset + layer.Units - layer.WeightOffset);
                    _w.Line("update.ApplyScaled" + (layer.Unrolled ? string.Empty : "Fma") + "(w.Slice(" + range + "), " + S.One + " / batchSize, gradient.Slice(" + range
                        + ")); // W" + layer.Sup + " and b" + layer.Sup + (layer.Unrolled ? ", as written out in TrainStep" : ", with fused multiply-adds as in TrainStep"));
                }
            }
            else
            {
                _w.Line("update.ApplyScaled" + (FusedSgd ? "Fma" : string.Empty) + "(w, " + Moments + S.One + " / batchSize, gradient); // gₖ = gradientₖ / batchSize, in SIMD"
                    + (FusedSgd ? ", with fused multiply-adds as in TrainStep" : string.Empty));
            }
        }

        _w.Line();
    }
}
