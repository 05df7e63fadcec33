using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    /// <summary>The optimizer's whole moment spans as arguments: <c>m, v, </c> for Adam, empty for SGD.</summary>
    private string Moments => (_plan.HasFirstMoment ? "m, " : string.Empty) + (_plan.HasSecondMoment ? "v, " : string.Empty);

    private string UpdateType => "global::NetGen.Optimizers." + _plan.Optimizer + "Update<" + T + ">";

    private void WriteOptimizerStorage()
    {
        if (_plan.HasFirstMoment)
        {
            _w.Lines("""
                /// <summary>The first moment m of the optimizer, for every parameter.</summary>
                private ParameterStorage _m;

                """);
        }

        if (_plan.HasSecondMoment)
        {
            _w.Lines("""
                /// <summary>The second moment v of the optimizer, for every parameter.</summary>
                private ParameterStorage _v;

                """);
        }

        _w.Lines("""
            /// <summary>The step count t: optimizer steps taken since the last reset.</summary>
            private long _step;

            """);
        if (_plan.HasDropout)
        {
            _w.Lines("""
                /// <summary>The sequence dropout masks are drawn from while training (see <see cref="SeedDropout"/>).</summary>
                private global::NetGen.DeterministicRandom _dropout = new(DefaultSeed);

                """);
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
        string moments = (_plan.HasFirstMoment ? slice("m") + ", " : string.Empty) + (_plan.HasSecondMoment ? slice("v") + ", " : string.Empty);
        return "update." + method + "(" + slice("w") + ", " + moments + arguments + ");";
    }

    private void WriteTraining()
    {
        string trainable = "global::NetGen.ITrainableNetwork<" + T + ">";
        _w.Lines($$"""
            /// <summary>The optimizer's run-time settings: learning rate, β's, ε and weight decay (math.md's defaults).</summary>
            {{GeneratedCode}}
            public global::NetGen.Hyperparameters Hyperparameters { get; } = new();

            static global::NetGen.Optimizer {{trainable}}.OptimizerAlgorithm => global::NetGen.Optimizer.{{_plan.Optimizer}};

            """);
        WriteTrainStep();
        WriteApplyGradients();
        _w.Lines($$"""
            /// <summary>Zeroes the optimizer's moments and its step count t.</summary>
            {{GeneratedCode}}
            public void ResetOptimizerState()
            {
            """);
        using (_w.Indent())
        {
            if (_plan.HasFirstMoment)
            {
                _w.Line("_m = default;");
            }

            if (_plan.HasSecondMoment)
            {
                _w.Line("_v = default;");
            }

            _w.Line("_step = 0;");
        }

        _w.Line("}");
        _w.Line();
        if (_plan.HasDropout)
        {
            _w.Lines($$"""
                /// <summary>Restarts the sequence the dropout masks are drawn from: the same seed gives the same masks.</summary>
                {{GeneratedCode}}
                public void SeedDropout(int seed) => _dropout = new global::NetGen.DeterministicRandom(seed);

                """);
        }
        else
        {
            _w.Lines($$"""
                /// <summary>This network has no Dropout layer: there are no masks to seed.</summary>
                void {{trainable}}.SeedDropout(int seed)
                {
                }

                """);
        }
    }

    private void WriteStorageSpans()
    {
        WriteWeightsChanged();
        _w.Line(S.Span + " w = _w; // θ, in math.md's flat order");
        if (_plan.HasFirstMoment)
        {
            _w.Line(S.Span + " m = _m;");
        }

        if (_plan.HasSecondMoment)
        {
            _w.Line(S.Span + " v = _v;");
        }

        _w.Line();
    }

    private void WriteTrainStep()
    {
        _w.Lines($$"""
            /// <summary>
            /// Forward, backward and one {{_plan.Optimizer}} update for one sample, fused and allocation-free: every
            /// delta is computed from the current weights first, then each parameter is updated with its own
            /// gradient. Equal to <see cref="Backward"/> into a zeroed gradient and <see cref="ApplyGradients"/> with a batch size of 1.
            /// </summary>
            /// <remarks>{{OptimizerEquation}}, with λw added to g first (L2 weight decay).</remarks>
            /// <param name="input">The <see cref="InputSize"/> input values x.</param>
            /// <param name="target">The <see cref="OutputSize"/> target values y.</param>
            /// <returns>The sample's loss before the update; NaN, with nothing changed, when an input or target value is NaN or infinite.</returns>
            /// <exception cref="global::System.ArgumentException">A span's length differs from <see cref="InputSize"/> or <see cref="OutputSize"/>.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public " + T + " TrainStep(" + S.ReadOnlySpan + " input, " + S.ReadOnlySpan + " target)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("target", "OutputSize");
            WriteNonFiniteGuard("input", "target");
            WriteStorageSpans();
            WriteForwardPass(Pass.TrainStep, outputSpan: null);
            WriteBackwardLoss();
            switch (_plan.TrainStep)
            {
                case TrainStepForm.FusedSgd:
                    _w.Line("// w ← w − η(g + λw), each matrix on the kernels in one SIMD pass: Wˡ (l ≥ 2) in the pass that computes gˡ⁻¹ = Wˡᵀδˡ from its old values"
                        + (_plan.Strategy == NetworkStrategy.Kernels ? string.Empty : "; written-out layers parameter by parameter, at the end"));
                    _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                    if (_plan.Strategy != NetworkStrategy.Kernels)
                    {
                        WriteSgdRates();
                    }

                    _w.Line();
                    WriteDeltas(Pass.TrainStep);
                    WriteParameterGradients(Pass.TrainStep);
                    break;
                case TrainStepForm.WrittenOutSgd:
                    WriteDeltas(Pass.TrainStep);
                    _w.Line("// w ← w − η(g + λw), parameter by parameter, right where g = ∂L/∂θ is known (every δ above used the old weights)");
                    WriteSgdRates();
                    _w.Line("_step++;");
                    _w.Line();
                    WriteParameterGradients(Pass.TrainStep);
                    break;
                case TrainStepForm.WrittenOutBuffered:
                    // One statement per parameter into a small stack buffer, then one SIMD update: a call per
                    // parameter would make the method too large for the JIT to optimise.
                    WriteDeltas(Pass.TrainStep);
                    _w.Line("// This sample's ∂L/∂θ in a stack buffer, as in Backward; then one update of every parameter.");
                    DeclareZeroedSpan("gradient", "ParameterCount");
                    _w.Line();
                    WriteParameterGradients(Pass.TrainStep);
                    _w.Line("// " + OptimizerEquation + ", for every parameter at once (SIMD)");
                    _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                    _w.Line("update.ApplyScaled(w, " + Moments + S.One + ", gradient);");
                    _w.Line();
                    break;
                default:
                    WriteDeltas(Pass.TrainStep);
                    _w.Line("// " + OptimizerEquation + ", row by row (SIMD)");
                    _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
                    _w.Line();
                    WriteParameterGradients(Pass.TrainStep);
                    break;
            }

            _w.Line("return loss;");
        }

        _w.Line();
    }

    /// <summary>η and λ, read once into locals for the written-out SGD updates.</summary>
    private void WriteSgdRates() =>
        _w.Line(T + " rate = (" + T + ")Hyperparameters.LearningRate, decay = (" + T + ")Hyperparameters.WeightDecay;");

    private void WriteApplyGradients()
    {
        _w.Lines($$"""
            /// <summary>One {{_plan.Optimizer}} update from a gradient summed over <paramref name="batchSize"/> samples: g = gradient / batchSize.</summary>
            /// <remarks>{{OptimizerEquation}}, with λw added to g first (L2 weight decay).</remarks>
            /// <param name="gradient">The <see cref="ParameterCount"/> summed partial derivatives, as <see cref="Backward"/> accumulates them.</param>
            /// <param name="batchSize">How many samples were summed (at least 1).</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="gradient"/>'s length differs from <see cref="ParameterCount"/>.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public void ApplyGradients(" + S.ReadOnlySpan + " gradient, int batchSize)"))
        {
            WriteLengthCheck("gradient", "ParameterCount");
            _w.Line("global::System.ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);");
            _w.Line();
            WriteStorageSpans();
            _w.Line("// " + OptimizerEquation);
            _w.Line("var update = new " + UpdateType + "(Hyperparameters, ++_step);");
            switch (_plan.ApplyGradients)
            {
                case ApplyGradientsForm.PerLayer:
                    // Layer by layer, each with the update TrainStep gives it.
                    foreach (LayerPlan layer in _plan.Layers)
                    {
                        string range = WeightOffsetName(layer) + ", " + WeightLengthName(layer) + " + " + RowsName(layer);
                        _w.Line("update.ApplyScaled" + (layer.IsWrittenOut ? string.Empty : "Fma") + "(w.Slice(" + range + "), " + S.One + " / batchSize, gradient.Slice(" + range
                            + ")); // W" + Sup(layer) + " and b" + Sup(layer) + (layer.IsWrittenOut ? ", as written out in TrainStep" : ", with fused multiply-adds as in TrainStep"));
                    }

                    break;
                case ApplyGradientsForm.WholeFma:
                    _w.Line("update.ApplyScaledFma(w, " + Moments + S.One + " / batchSize, gradient); // gₖ = gradientₖ / batchSize, in SIMD, with fused multiply-adds as in TrainStep");
                    break;
                default:
                    _w.Line("update.ApplyScaled(w, " + Moments + S.One + " / batchSize, gradient); // gₖ = gradientₖ / batchSize, in SIMD");
                    break;
            }
        }

        _w.Line();
    }
}
