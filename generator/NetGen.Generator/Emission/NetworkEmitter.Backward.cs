using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private Vector D(int l) => Own("d", l);

    /// <summary>gˡ = Wˡ⁺¹ᵀδˡ⁺¹ (or ∂L/∂oᴸ for the output layer): layer l + 1 computes it, layer l reads it.</summary>
    private Vector G(int l) => Shared("g", l);

    private void WriteBackward()
    {
        _w.Line("/// <summary>One sample of backpropagation: <b>adds</b> ∂L/∂θ to <paramref name=\"gradient\"/> (so mini-batches accumulate) and returns L.</summary>");
        _w.Line("/// <remarks>");
        foreach (string line in DerivationLines())
        {
            _w.Line("/// " + line + "<br/>");
        }

        _w.Lines($$"""
            /// </remarks>
            /// <param name="input">The <see cref="InputSize"/> input values x.</param>
            /// <param name="target">The <see cref="OutputSize"/> target values y.</param>
            /// <param name="gradient">The <see cref="ParameterCount"/> partial derivatives, in math.md's flat order; this sample's are added.</param>
            /// <returns>The sample's loss L; NaN, with nothing added, when an input or target value is NaN or infinite.</returns>
            /// <exception cref="global::System.ArgumentException">A span's length differs from <see cref="InputSize"/>, <see cref="OutputSize"/> or <see cref="ParameterCount"/>.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public " + T + " Backward(" + S.ReadOnlySpan + " input, " + S.ReadOnlySpan + " target, " + S.Span + " gradient)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("target", "OutputSize");
            WriteLengthCheck("gradient", "ParameterCount");
            WriteNonFiniteGuard("input", "target");
            WriteBackwardBody(Pass.Backward);
        }

        _w.Line();
    }

    /// <summary>
    /// One sample's backpropagation into <c>gradient</c>, after the length checks: the forward pass, L, every δ,
    /// then each layer's ∂L/∂θ as the pass and the plan say; returns L.
    /// </summary>
    private void WriteBackwardBody(Pass pass)
    {
        if (_plan.Strategy != NetworkStrategy.Kernels)
        {
            _w.Line("gradient = gradient.Slice(0, ParameterCount); // a constant length: the JIT drops the bounds checks of the constant indices below");
        }

        WriteParameterSpan();
        WriteForwardPass(pass, outputSpan: null);
        WriteBackwardLoss();
        WriteDeltas(pass);
        WriteParameterGradients(pass);
        _w.Line("return loss;");
    }

    /// <summary>The network's own derivation, for the XML docs of Backward.</summary>
    private IEnumerable<string> DerivationLines()
    {
        foreach (LayerPlan layer in _plan.Layers)
        {
            yield return LayerFormula(layer, Pass.Backward);
            if (layer.HasDropout)
            {
                yield return "h" + Sup(layer) + " = o" + Sup(layer) + " ⊙ mask" + Sup(layer) + " (dropout, rate " + InvariantNumber.Text(layer.DropoutRate) + ", inverted)";
            }
        }

        yield return LossCode.Formula(_plan.Loss, _plan.HuberDelta);
        yield return OutputDeltaComment(_plan.Output);
        for (int i = _plan.Layers.Count - 2; i >= 0; i--)
        {
            yield return HiddenDeltaComment(_plan.Layers[i]);
        }

        yield return _plan.HasDropout
            ? "∂L/∂Wˡ = δˡ (hˡ⁻¹)ᵀ, ∂L/∂bˡ = δˡ, with h⁰ = x and hˡ = oˡ where no dropout follows"
            : "∂L/∂Wˡ = δˡ (oˡ⁻¹)ᵀ, ∂L/∂bˡ = δˡ, with o⁰ = x";
    }

    private string OutputDeltaComment(LayerPlan output)
    {
        string l = Sup(output);
        if (output.IsMaxout)
        {
            return MaxoutRoutingComment(output, "∂L/∂o" + l + ", " + LossCode.GradientFormula(_plan.Loss));
        }

        if (_plan.OutputDelta == OutputDeltaForm.Matching)
        {
            return "δ" + l + " = o" + l + " − y: " + output.Activation + " output with " + _plan.Loss + " is a matching pair, " + MatchingReason(output.Activation);
        }

        string g = LossCode.GradientFormula(_plan.Loss);
        return output.Activation switch
        {
            ActivationKind.Linear => "δ" + l + " = ∂L/∂o" + l + " (f′ = 1), " + g,
            ActivationKind.Softmax => "δ" + l + "ᵢ = o" + l + "ᵢ(gᵢ − Σₖ gₖo" + l + "ₖ) with gᵢ = ∂L/∂o" + l + "ᵢ, " + g,
            _ => "δ" + l + " = f′(a" + l + ") ⊙ ∂L/∂o" + l + ", " + ActivationCode.DerivativeFormula(output.Activation, output.Alpha) + ", " + g,
        };
    }

    private string MatchingReason(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "so σ′ = o(1 − o) cancels the denominator of ∂L/∂o = (o − y)/(o(1 − o))",
        ActivationKind.Linear => "so f′ = 1 and δ = ∂L/∂o = o − y",
        ActivationKind.Exponential => "so f′ = o cancels the 1/o of ∂L/∂o = 1 − y/o",
        _ => "so the softmax Jacobian turns −y/o into o − y (needs Σy = 1)",
    };

    private string HiddenDeltaComment(LayerPlan layer)
    {
        string l = Sup(layer), next = Superscript.Of(layer.Number + 1);
        string back = (layer.HasDropout ? "mask" + l + " ⊙ " : string.Empty) + "W" + next + "ᵀ " + DeltaSymbol(LayerAt(layer.Number + 1));
        if (layer.IsMaxout)
        {
            return MaxoutRoutingComment(layer, back);
        }

        return layer.Activation switch
        {
            ActivationKind.Linear => "δ" + l + " = " + back + " (f′ = 1)" + (layer.HasDropout ? ": a dropped unit passes no gradient back" : string.Empty),
            ActivationKind.Softmax => "δ" + l + "ᵢ = o" + l + "ᵢ(gᵢ − Σₖ gₖo" + l + "ₖ) with g = " + back,
            _ => "δ" + l + " = f′(a" + l + ") ⊙ (" + back + "), with " + ActivationCode.DerivativeFormula(layer.Activation, layer.Alpha),
        };
    }

    /// <summary>δzˡ of a Maxout layer from gˡ: <c>δz¹ᵣ = g¹ᵢ if r = j*ᵢ (the winning row of unit i) else 0, with g¹ = W²ᵀ δ²</c>.</summary>
    private static string MaxoutRoutingComment(LayerPlan layer, string g)
    {
        string l = Sup(layer);
        return "δz" + l + "ᵣ = g" + l + "ᵢ if r = j*ᵢ else 0, with g" + l + " = " + g + ": oᵢ = maxⱼ zᵢⱼ, so only the winning piece j*ᵢ of each unit receives δ";
    }

    /// <summary>Writes δᴸ and then δˡ for every hidden layer, from the output backwards.</summary>
    private void WriteDeltas(Pass pass)
    {
        LayerPlan output = _plan.Output;
        _w.Line("// " + OutputDeltaComment(output));
        WriteOutputDelta(output);
        _w.Line();
        for (int index = _plan.Layers.Count - 2; index >= 0; index--)
        {
            LayerPlan layer = _plan.Layers[index];
            _w.Line("// " + HiddenDeltaComment(layer));
            WriteHiddenDelta(layer, _plan.Layers[index + 1], pass);
            _w.Line();
        }
    }

    private void WriteOutputDelta(LayerPlan output)
    {
        int l = output.Number;
        Vector o = O(l), d = D(l), g = G(l), y = Y, r = R(l);
        DeclareRowsIfSpan(d, output);
        switch (_plan.OutputDelta)
        {
            case OutputDeltaForm.Matching:
                // Linear + MSE: the residual computed for L already is o − y.
                ForEachUnit(output, at => _w.Line(Declare(d, at) + " = " + (LossFacts.UsesResidual(_plan.Loss) ? at(r) : at(o) + " - " + at(y)) + ";"));
                return;
            case OutputDeltaForm.LossGradient:
                ForEachUnit(output, at => _w.Line(Declare(d, at) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
                return;
        }

        DeclareIfSpan(g, output);
        ForEachUnit(output, at => _w.Line(Declare(g, at) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
        WriteDeltaFromG(output);
    }

    /// <summary>δ from g = ∂L/∂o (∂L/∂h times the mask after a dropout): element-wise f′, the softmax Jacobian, or the ReLU kernel.</summary>
    private void WriteDeltaFromG(LayerPlan layer)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), d = D(l), g = G(l), mask = Mask(l);
        string Upstream(System.Func<Vector, string> at) => layer.HasDropout ? at(mask) + " * " + at(g) : at(g);
        switch (layer.ActivationDelta)
        {
            case ActivationDeltaForm.SoftmaxJacobian:
                string go = "go" + l;
                WriteElementSum(go, layer, at => ActivationCode.Parenthesize(Upstream(at)) + " * " + at(o));
                ForEachUnit(layer, at => _w.Line(Declare(d, at) + " = " + at(o) + " * (" + Upstream(at) + " - " + go + ");"));
                return;
            case ActivationDeltaForm.ReLUKernel:
                _w.Line(Kernel("ReLUDelta") + "(a" + l + ", g" + l + ", d" + l + "); // δ" + Sup(layer) + "ᵢ = a" + Sup(layer) + "ᵢ > 0 ? g" + Sup(layer) + "ᵢ : 0, in SIMD");
                _w.Line();
                return;
            case ActivationDeltaForm.MaxoutRouting:
                WriteMaxoutRouting(layer, Upstream);
                return;
        }

        ForEachUnit(layer, at => _w.Line(Declare(d, at) + " = " + ActivationCode.Delta(layer.Activation, at(a), at(o), Upstream(at), layer.Alpha, S) + ";"));
    }

    /// <summary>δz of a Maxout layer: each unit's g to its winning row, 0 to the other pieces.</summary>
    private void WriteMaxoutRouting(LayerPlan layer, System.Func<System.Func<Vector, string>, string> upstream)
    {
        int l = layer.Number, k = layer.Pieces;
        Vector d = D(l), win = Winner(l);
        if (layer.IsWrittenOut)
        {
            for (int i = 0; i < layer.Units; i++)
            {
                int unit = i;
                string g = upstream(v => v[unit]);
                for (int r = i * k; r < (i + 1) * k; r++)
                {
                    _w.Line(Declare(d, d[r]) + " = " + win[i] + " == " + r + " ? " + g + " : " + S.Zero + ";");
                }
            }

            return;
        }

        _w.Line(d.Name + ".Clear(); // the losing pieces receive no δ: zeroed here even under [SkipLocalsInit]");
        using (_w.Block("for (int i = 0; i < " + SizeName(layer) + "; i++)"))
        {
            _w.Line(d.Name + "[" + win["i"] + "] = " + upstream(v => v["i"]) + ";");
        }

        _w.Line();
    }

    /// <summary>gˡ = Wˡ⁺¹ᵀδˡ⁺¹ and δˡ from it, in the form the plan gives this pass.</summary>
    private void WriteHiddenDelta(LayerPlan layer, LayerPlan next, Pass pass)
    {
        switch (pass == Pass.TrainStep ? layer.TrainStepHiddenDelta : layer.BackwardHiddenDelta)
        {
            case HiddenDeltaForm.KernelTransposed:
                WriteKernelHiddenDelta(layer, next, pass, fusedSgd: false);
                return;
            case HiddenDeltaForm.KernelFusedSgd:
                WriteKernelHiddenDelta(layer, next, pass, fusedSgd: true);
                return;
            case HiddenDeltaForm.FoldedIntoDelta:
                WriteFoldedHiddenDelta(layer, next);
                return;
        }

        int l = layer.Number;
        Vector g = G(l), nextDelta = D(next.Number);
        DeclareIfSpan(g, layer);
        for (int i = 0; i < layer.Units; i++)
        {
            WriteSum(Declare(g, g[i]), Enumerable.Range(0, next.Rows).Select(j => "w[" + next.Weight(j, i) + "] * " + nextDelta[j]));
        }

        DeclareRowsIfSpan(D(l), layer);
        WriteDeltaFromG(layer);
    }

    /// <summary>Two written-out layers with a short sum: δˡᵢ = f′ · Σⱼ Wˡ⁺¹ⱼᵢ δˡ⁺¹ⱼ in one statement per unit.</summary>
    private void WriteFoldedHiddenDelta(LayerPlan layer, LayerPlan next)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), d = D(l), nextDelta = D(next.Number);
        for (int i = 0; i < layer.Units; i++)
        {
            string back = string.Join(" + ", Enumerable.Range(0, next.Rows).Select(j => "w[" + next.Weight(j, i) + "] * " + nextDelta[j]));
            if (layer.HasDropout)
            {
                back = Mask(l)[i] + " * " + ActivationCode.Parenthesize(back);
            }

            _w.Line(Declare(d, d[i]) + " = " + ActivationCode.Delta(layer.Activation, a[i], o[i], back, layer.Alpha, S) + ";");
        }
    }

    /// <summary>
    /// gˡ = Wˡ⁺¹ᵀ δˡ⁺¹ as a sum of scaled rows of Wˡ⁺¹ (SIMD along the rows) into a zeroed span, then δˡ from it. With
    /// <paramref name="fusedSgd"/> the same pass over Wˡ⁺¹ applies its SGD update, from the old weights.
    /// </summary>
    private void WriteKernelHiddenDelta(LayerPlan layer, LayerPlan next, Pass pass, bool fusedSgd)
    {
        int l = layer.Number;
        string s = Sup(layer), n = Sup(next), dn = DeltaSymbol(next);
        DeclareZeroedSpan(G(l).Name, SizeName(layer));
        if (fusedSgd)
        {
            _w.Line("update.BackpropagateApplyOuterFma(w.Slice(" + WeightRange(next) + "), d" + next.Number + ", " + Input(next, pass).Name + ", g" + l
                + "); // g" + s + " = W" + n + "ᵀ " + dn + " with the old W" + n + ", then W" + n + " with gᵢⱼ = " + dn + "ᵢ "
                + InputSymbol(next, pass) + "ⱼ, in one SIMD pass");
            _w.Line("update.ApplyScaledFma(w.Slice(" + BiasRange(next) + "), " + S.One + ", d" + next.Number + "); // b" + n + ", with gᵢ = " + dn + "ᵢ");
        }
        else
        {
            _w.Line(Kernel("MultiplyTransposedAdd") + "(w.Slice(" + WeightRange(next) + "), " + next.Inputs + ", d" + next.Number + ", g" + l
                + "); // g" + s + " = W" + n + "ᵀ " + dn + ", in SIMD, four rows of W" + n + " at a time");
        }

        _w.Line();
        DeclareRowsIfSpan(D(l), layer);
        WriteDeltaFromG(layer);
    }

    /// <summary>δ¹ for a Dense layer, δz¹ (one value per piece) for a Maxout layer.</summary>
    private static string DeltaSymbol(LayerPlan layer) => (layer.IsMaxout ? "δz" : "δ") + Sup(layer);

    /// <summary>What this pass does with layer l's ∂L/∂θ.</summary>
    private static Contribution ContributionOf(LayerPlan layer, Pass pass) => pass switch
    {
        Pass.TrainStep => layer.TrainStepContribution,
        Pass.IntoBlock => layer.BlockContribution,
        _ => Contribution.AddToGradient,
    };

    /// <summary>∂L/∂Wˡ = δˡ(oˡ⁻¹)ᵀ and ∂L/∂bˡ = δˡ for every layer: added into <c>gradient</c>, or applied as the plan says.</summary>
    private void WriteParameterGradients(Pass pass)
    {
        foreach (LayerPlan layer in _plan.Layers)
        {
            Contribution contribution = ContributionOf(layer, pass);
            if (contribution == Contribution.UpdatedDuringBackpropagation)
            {
                continue;
            }

            _w.Line("// ∂L/∂W" + Sup(layer) + " = " + DeltaSymbol(layer) + " " + InputTransposed(layer, pass) + ", ∂L/∂b" + Sup(layer) + " = " + DeltaSymbol(layer));
            if (layer.IsWrittenOut)
            {
                WriteWrittenOutParameterGradient(layer, pass, contribution);
            }
            else
            {
                WriteKernelParameterGradient(layer, pass, contribution);
            }

            _w.Line();
        }
    }

    private void WriteWrittenOutParameterGradient(LayerPlan layer, Pass pass, Contribution contribution)
    {
        Vector x = Input(layer, pass), d = D(layer.Number);
        int count = layer.WeightCount + layer.Rows;
        string buffer = "gradient" + layer.Number;
        if (contribution == Contribution.LayerBuffer)
        {
            _w.Line("// this layer's ∂L/∂θ, then one update of its parameters");
            DeclareZeroedSpan(buffer, count.ToString(CultureInfo.InvariantCulture));
        }

        for (int r = 0; r < layer.Rows; r++)
        {
            for (int j = 0; j < layer.Inputs; j++)
            {
                _w.Line(Contribute(contribution, layer, layer.Weight(r, j), d[r] + " * " + x[j]));
            }
        }

        for (int r = 0; r < layer.Rows; r++)
        {
            _w.Line(Contribute(contribution, layer, layer.Bias(r), d[r]));
        }

        if (contribution == Contribution.LayerBuffer)
        {
            _w.Line(MatrixUpdateCall("ApplyScaled", WeightOffsetName(layer) + ", " + count, S.One + ", " + buffer) + " // W" + Sup(layer) + " and b" + Sup(layer) + ", in SIMD");
        }
    }

    private void WriteKernelParameterGradient(LayerPlan layer, Pass pass, Contribution contribution)
    {
        Vector x = Input(layer, pass), delta = D(layer.Number);
        string s = Sup(layer), d = DeltaSymbol(layer);
        switch (contribution)
        {
            case Contribution.OptimizerUpdate:
                _w.Line(MatrixUpdateCall("ApplyOuter", WeightRange(layer), delta.Name + ", " + x.Name) + " // W" + s + ", with gᵢⱼ = " + d + "ᵢ " + InputSymbol(layer, pass) + "ⱼ, in SIMD");
                _w.Line(MatrixUpdateCall("ApplyScaled", BiasRange(layer), S.One + ", " + delta.Name) + " // b" + s + ", with gᵢ = " + d + "ᵢ");
                break;
            case Contribution.FusedSgdUpdate:
                _w.Line("update.ApplyOuterFma(w.Slice(" + WeightRange(layer) + "), " + delta.Name + ", " + x.Name + "); // W" + s + ", with gᵢⱼ = " + d + "ᵢ " + InputSymbol(layer, pass) + "ⱼ, in SIMD");
                _w.Line("update.ApplyScaledFma(w.Slice(" + BiasRange(layer) + "), " + S.One + ", " + delta.Name + "); // b" + s + ", with gᵢ = " + d + "ᵢ");
                break;
            case Contribution.IntoBlock:
                WriteIntoBlock(layer, pass, x, delta);
                break;
            case Contribution.AddToGradient:
                _w.Line(Kernel("AddOuter") + "(gradient.Slice(" + WeightRange(layer) + "), " + delta.Name + ", " + x.Name + "); // ∂L/∂W" + s + " += " + d + " " + InputTransposed(layer, pass) + ", in SIMD");
                _w.Line(Kernel("AddScaled") + "(gradient.Slice(" + BiasRange(layer) + "), " + S.One + ", " + delta.Name + "); // ∂L/∂b" + s + " += " + d);
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(contribution), contribution, "A layer on the kernels updates whole matrices.");
        }
    }

    private static string Contribute(Contribution contribution, LayerPlan layer, int index, string value) => contribution switch
    {
        Contribution.AddToGradient => "gradient[" + index + "] += " + value + ";",
        Contribution.InlineSgd => "w[" + index + "] -= rate * (" + value + " + decay * w[" + index + "]);",
        Contribution.LayerBuffer => "gradient" + layer.Number + "[" + (index - layer.WeightOffset) + "] += " + value + ";",
        _ => throw new System.ArgumentOutOfRangeException(nameof(contribution), contribution, "A written-out layer contributes parameter by parameter."),
    };

    /// <summary>Runs <paramref name="write"/> for every unit: once per unit when the layer is written out, once inside a loop otherwise.</summary>
    private void ForEachUnit(LayerPlan layer, System.Action<System.Func<Vector, string>> write)
    {
        if (layer.IsWrittenOut)
        {
            for (int i = 0; i < layer.Units; i++)
            {
                int index = i;
                write(v => v[index]);
            }

            return;
        }

        using (_w.Block("for (int i = 0; i < " + SizeName(layer) + "; i++)"))
        {
            write(v => v["i"]);
        }

        _w.Line();
    }

    /// <summary><c>float d2_0</c> for a new local; the element itself (<c>d2[0]</c>, <c>d2[i]</c>) of a span declared before.</summary>
    private string Declare(Vector vector, string element) => vector.IsLocals ? T + " " + element : element;

    /// <summary><see cref="Declare(Vector, string)"/> of the element <paramref name="at"/> picks.</summary>
    private string Declare(Vector vector, System.Func<Vector, string> at) => Declare(vector, at(vector));

    /// <summary>Declares a span vector of one value per unit on the stack; locals need no declaration ahead of their first value.</summary>
    private void DeclareIfSpan(Vector vector, LayerPlan layer) => DeclareIfSpan(vector, SizeName(layer));

    /// <summary>Declares a span of one value per row of Wˡ (δˡ: a Maxout layer has one per piece).</summary>
    private void DeclareRowsIfSpan(Vector vector, LayerPlan layer) => DeclareIfSpan(vector, RowsName(layer));

    private void DeclareIfSpan(Vector vector, string length)
    {
        if (!vector.IsLocals)
        {
            _w.Line(S.Span + " " + vector.Name + " = stackalloc " + T + "[" + length + "];");
        }
    }

    /// <summary>
    /// A stack buffer the code then adds into: cleared explicitly, because <c>[SkipLocalsInit]</c> on the user's
    /// module (where the generated code lives) leaves <c>stackalloc</c> memory as the last call left it.
    /// </summary>
    private void DeclareZeroedSpan(string name, string length)
    {
        _w.Line(S.Span + " " + name + " = stackalloc " + T + "[" + length + "];");
        _w.Line(name + ".Clear(); // added into below: zeroed here even under [SkipLocalsInit]");
    }

    private void DeclareSpan(Vector vector, LayerPlan layer) =>
        _w.Line(S.Span + " " + vector.Name + " = stackalloc " + T + "[" + SizeName(layer) + "];");
}
