using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private Vector D(int l) => Own("d", l);

    /// <summary>gˡ = Wˡ⁺¹ᵀδˡ⁺¹ (or ∂L/∂oᴸ for the output layer): layer l + 1 computes it, layer l reads it.</summary>
    private Vector G(int l) => Shared("g", l);

    private void WriteBackward()
    {
        _training = true;
        _w.Line("/// <summary>One sample of backpropagation: <b>adds</b> ∂L/∂θ to <paramref name=\"gradient\"/> (so mini-batches accumulate) and returns L.</summary>");
        _w.Line("/// <remarks>");
        foreach (string line in DerivationLines())
        {
            _w.Line("/// " + line + "<br/>");
        }

        _w.Line("/// </remarks>");
        _w.Line("/// <param name=\"input\">The <see cref=\"InputSize\"/> input values x.</param>");
        _w.Line("/// <param name=\"target\">The <see cref=\"OutputSize\"/> target values y.</param>");
        _w.Line("/// <param name=\"gradient\">The <see cref=\"ParameterCount\"/> partial derivatives, in math.md's flat order; this sample's are added.</param>");
        _w.Line("/// <returns>The sample's loss L; NaN, with nothing added, when an input or target value is NaN or infinite.</returns>");
        _w.Line("/// <exception cref=\"ArgumentException\">A span's length differs from <see cref=\"InputSize\"/>, <see cref=\"OutputSize\"/> or <see cref=\"ParameterCount\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public " + T + " Backward(ReadOnlySpan<" + T + "> input, ReadOnlySpan<" + T + "> target, Span<" + T + "> gradient)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("target", "OutputSize");
            WriteLengthCheck("gradient", "ParameterCount");
            WriteNonFiniteGuard("input", "target");
            WriteBackwardBody(_ => Contribution.AddToGradient);
        }

        _w.Line();
        _training = false;
    }

    /// <summary>
    /// One sample's backpropagation into <c>gradient</c>, after the length checks: the forward pass, L, every δ,
    /// then each layer's ∂L/∂θ as <paramref name="contributionOf"/> says; returns L.
    /// </summary>
    private void WriteBackwardBody(System.Func<DenseLayerPlan, Contribution> contributionOf)
    {
        if (!_plan.Looped)
        {
            _w.Line("gradient = gradient.Slice(0, ParameterCount); // a constant length: the JIT drops the bounds checks of the constant indices below");
        }

        WriteParameterSpan();
        WriteForwardPass(outputSpan: null, withTarget: true);
        WriteBackwardLoss();
        WriteDeltas();
        WriteParameterGradients(contributionOf);
        _w.Line("return loss;");
    }

    /// <summary>The network's own derivation, for the XML docs of Backward.</summary>
    private IEnumerable<string> DerivationLines()
    {
        foreach (DenseLayerPlan layer in _plan.Layers)
        {
            yield return AffineFormula(layer) + ", " + ActivationCode.Formula(layer.Activation, layer.Sup, layer.Alpha);
            if (layer.HasDropout)
            {
                yield return "h" + layer.Sup + " = o" + layer.Sup + " ⊙ mask" + layer.Sup + " (dropout, rate " + InvariantNumber.Text(layer.DropoutRate) + ", inverted)";
            }
        }

        yield return LossCode.Formula(_plan.Loss, _plan.HuberDelta);
        DenseLayerPlan output = _plan.Output;
        yield return OutputDeltaComment(output);
        for (int i = _plan.Layers.Count - 2; i >= 0; i--)
        {
            yield return HiddenDeltaComment(_plan.Layers[i]);
        }

        yield return _plan.HasDropout
            ? "∂L/∂Wˡ = δˡ (hˡ⁻¹)ᵀ, ∂L/∂bˡ = δˡ, with h⁰ = x and hˡ = oˡ where no dropout follows"
            : "∂L/∂Wˡ = δˡ (oˡ⁻¹)ᵀ, ∂L/∂bˡ = δˡ, with o⁰ = x";
    }

    private string OutputDeltaComment(DenseLayerPlan output)
    {
        string l = output.Sup;
        if (_plan.MatchingPair)
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

    private string MatchingReason(ActivationKind activation) => (activation, _plan.Loss) switch
    {
        (ActivationKind.Sigmoid, _) => "so σ′ = o(1 − o) cancels the denominator of ∂L/∂o = (o − y)/(o(1 − o))",
        (ActivationKind.Linear, _) => "so f′ = 1 and δ = ∂L/∂o = o − y",
        (ActivationKind.Exponential, _) => "so f′ = o cancels the 1/o of ∂L/∂o = 1 − y/o",
        _ => "so the softmax Jacobian turns −y/o into o − y (needs Σy = 1)",
    };

    private string HiddenDeltaComment(DenseLayerPlan layer)
    {
        string l = layer.Sup, next = Superscript.Of(layer.Number + 1);
        string back = (layer.HasDropout ? "mask" + l + " ⊙ " : string.Empty) + "W" + next + "ᵀ δ" + next;
        return layer.Activation switch
        {
            ActivationKind.Linear => "δ" + l + " = " + back + " (f′ = 1)" + (layer.HasDropout ? ": a dropped unit passes no gradient back" : string.Empty),
            ActivationKind.Softmax => "δ" + l + "ᵢ = o" + l + "ᵢ(gᵢ − Σₖ gₖo" + l + "ₖ) with g = " + back,
            _ => "δ" + l + " = f′(a" + l + ") ⊙ (" + back + "), with " + ActivationCode.DerivativeFormula(layer.Activation, layer.Alpha),
        };
    }

    /// <summary>Writes δᴸ and then δˡ for every hidden layer, from the output backwards.</summary>
    private void WriteDeltas()
    {
        DenseLayerPlan output = _plan.Output;
        _w.Line("// " + OutputDeltaComment(output));
        WriteOutputDelta(output);
        _w.Line();
        for (int index = _plan.Layers.Count - 2; index >= 0; index--)
        {
            DenseLayerPlan layer = _plan.Layers[index];
            _w.Line("// " + HiddenDeltaComment(layer));
            WriteHiddenDelta(layer, _plan.Layers[index + 1]);
            _w.Line();
        }
    }

    private void WriteOutputDelta(DenseLayerPlan output)
    {
        int l = output.Number;
        Vector o = O(l), d = D(l), g = G(l), y = Y, r = R(l);
        DeclareIfSpan(d, output);

        if (_plan.MatchingPair)
        {
            // Linear + MSE: the residual computed for L already is o − y.
            ForEachUnit(output, at => _w.Line(Declare(d, at) + " = " + (LossCode.UsesResidual(_plan.Loss) ? at(r) : at(o) + " - " + at(y)) + ";"));
            return;
        }

        if (output.Activation == ActivationKind.Linear)
        {
            ForEachUnit(output, at => _w.Line(Declare(d, at) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
            return;
        }

        DeclareIfSpan(g, output);
        ForEachUnit(output, at => _w.Line(Declare(g, at) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
        WriteDeltaFromG(output);
    }

    /// <summary>δ from g = ∂L/∂o (∂L/∂h times the mask after a dropout): element-wise f′, or the softmax Jacobian.</summary>
    private void WriteDeltaFromG(DenseLayerPlan layer)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), d = D(l), g = G(l), mask = Mask(l);
        string Upstream(System.Func<Vector, string> at) => layer.HasDropout ? at(mask) + " * " + at(g) : at(g);
        if (layer.Activation == ActivationKind.Softmax)
        {
            string go = "go" + l;
            WriteElementSum(go, layer, at => ActivationCode.Parenthesize(Upstream(at)) + " * " + at(o));
            ForEachUnit(layer, at => _w.Line(Declare(d, at) + " = " + at(o) + " * (" + Upstream(at) + " - " + go + ");"));
            return;
        }

        if (layer.Activation == ActivationKind.ReLU && !layer.Unrolled && !layer.HasDropout)
        {
            _w.Line(Kernel("ReLUDelta") + "(a" + l + ", g" + l + ", d" + l + "); // δ" + layer.Sup + "ᵢ = a" + layer.Sup + "ᵢ > 0 ? g" + layer.Sup + "ᵢ : 0, in SIMD");
            _w.Line();
            return;
        }

        ForEachUnit(layer, at => _w.Line(Declare(d, at) + " = " + ActivationCode.Delta(layer.Activation, at(a), at(o), Upstream(at), layer.Alpha, S) + ";"));
    }

    /// <summary>
    /// gˡ = Wˡ⁺¹ᵀδˡ⁺¹ the way layer l + 1 is computed (written-out sums, or the SIMD kernel), then
    /// δˡ from it the way layer l is. Two written-out layers with a short sum fold gˡ into δˡ directly.
    /// </summary>
    private void WriteHiddenDelta(DenseLayerPlan layer, DenseLayerPlan next)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), d = D(l), g = G(l), nextDelta = D(next.Number);
        if (!next.Unrolled)
        {
            WriteLoopHiddenDelta(layer, next);
            return;
        }

        bool viaG = next.Units > 4 || layer.Activation == ActivationKind.Softmax || !layer.Unrolled;
        if (viaG)
        {
            DeclareIfSpan(g, layer);
        }

        for (int i = 0; i < layer.Units; i++)
        {
            IEnumerable<string> terms = Enumerable.Range(0, next.Units).Select(j => "w[" + next.Weight(j, i) + "] * " + nextDelta[j]);
            if (viaG)
            {
                WriteSum(Declare(g, g[i]), terms);
                continue;
            }

            string back = string.Join(" + ", terms);
            if (layer.HasDropout)
            {
                back = Mask(l)[i] + " * " + ActivationCode.Parenthesize(back);
            }

            _w.Line(Declare(d, d[i]) + " = " + ActivationCode.Delta(layer.Activation, a[i], o[i], back, layer.Alpha, S) + ";");
        }

        if (viaG)
        {
            DeclareIfSpan(d, layer);
            WriteDeltaFromG(layer);
        }
    }

    /// <summary>gˡ = Wˡ⁺¹ᵀ δˡ⁺¹ as a sum of scaled rows of Wˡ⁺¹ (SIMD along the rows), then δˡ from it.</summary>
    private void WriteLoopHiddenDelta(DenseLayerPlan layer, DenseLayerPlan next)
    {
        int l = layer.Number;
        DeclareZeroedSpan(G(l).Name, SizeName(layer));
        if (_fusingUpdates)
        {
            string weights = next.WeightOffset + ", " + (next.Inputs * next.Units);
            _w.Line("update.BackpropagateApplyOuterFma(w.Slice(" + weights + "), d" + next.Number + ", " + Input(next).Name + ", g" + l
                + "); // g" + layer.Sup + " = W" + next.Sup + "ᵀ δ" + next.Sup + " with the old W" + next.Sup + ", then W" + next.Sup + " with gᵢⱼ = δ" + next.Sup + "ᵢ "
                + InputSymbol(next) + "ⱼ, in one SIMD pass");
            _w.Line("update.ApplyScaledFma(w.Slice(" + next.BiasOffset + ", " + next.Units + "), " + S.One + ", d" + next.Number + "); // b" + next.Sup + ", with gᵢ = δ" + next.Sup + "ᵢ");
            _w.Line();
            DeclareIfSpan(D(l), layer);
            WriteDeltaFromG(layer);
            return;
        }

        _w.Line(Kernel("MultiplyTransposedAdd") + "(w.Slice(" + next.WeightOffset + ", " + (next.Inputs * next.Units) + "), " + next.Inputs + ", d" + next.Number + ", g" + l
            + "); // g" + layer.Sup + " = W" + next.Sup + "ᵀ δ" + next.Sup + ", in SIMD, four rows of W" + next.Sup + " at a time");
        _w.Line();
        DeclareIfSpan(D(l), layer);
        WriteDeltaFromG(layer);
    }

    /// <summary>What happens to each parameter's ∂L/∂θ once it is known.</summary>
    private enum Contribution
    {
        /// <summary><c>gradient[k] += g</c> (Backward; TrainStep's stack buffer of a fully written-out network).</summary>
        AddToGradient,

        /// <summary>The optimizer's SIMD update of whole matrices (a layer that runs through the kernels, in TrainStep).</summary>
        OptimizerUpdate,

        /// <summary><c>w[k] -= rate * (g + decay * w[k])</c> written out (a written-out layer in TrainStep with SGD).</summary>
        InlineSgd,

        /// <summary><c>ApplyOuterFma</c> and <c>ApplyScaledFma</c> of <c>SgdUpdate</c> on the layer (layer 1 of a fused SGD TrainStep).</summary>
        FusedSgdUpdate,

        /// <summary>Nothing left to write: the layer was updated in the pass that computed the delta below it (fused SGD TrainStep).</summary>
        UpdatedDuringBackpropagation,

        /// <summary>δˡ and the layer's input left for BackwardBatch to add four samples at a time (a layer on the kernels in BackwardIntoBlock).</summary>
        IntoBlock,

        /// <summary>
        /// <c>gradientˡ[k − offset] += g</c> into a stack buffer of the layer's own parameters, then one SIMD update
        /// of them (a written-out layer in a TrainStep whose other layers run through the kernels, other optimizers).
        /// </summary>
        LayerBuffer,
    }

    /// <summary>
    /// ∂L/∂Wˡ = δˡ(oˡ⁻¹)ᵀ and ∂L/∂bˡ = δˡ for every layer: added into <c>gradient</c>, or, in TrainStep,
    /// applied to each parameter as <paramref name="contributionOf"/> the layer says.
    /// </summary>
    private void WriteParameterGradients(System.Func<DenseLayerPlan, Contribution> contributionOf)
    {
        foreach (DenseLayerPlan layer in _plan.Layers)
        {
            Contribution contribution = contributionOf(layer);
            if (contribution == Contribution.UpdatedDuringBackpropagation)
            {
                continue;
            }

            _w.Line("// ∂L/∂W" + layer.Sup + " = δ" + layer.Sup + " " + InputTransposed(layer)
                + ", ∂L/∂b" + layer.Sup + " = δ" + layer.Sup);
            if (layer.Unrolled)
            {
                WriteUnrolledParameterGradient(layer, contribution);
            }
            else
            {
                WriteLoopParameterGradient(layer, contribution);
            }

            _w.Line();
        }
    }

    private void WriteUnrolledParameterGradient(DenseLayerPlan layer, Contribution contribution)
    {
        Vector x = Input(layer), d = D(layer.Number);
        int count = (layer.Inputs * layer.Units) + layer.Units;
        string buffer = "gradient" + layer.Number;
        if (contribution == Contribution.LayerBuffer)
        {
            _w.Line("// this layer's ∂L/∂θ, then one update of its parameters");
            DeclareZeroedSpan(buffer, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < layer.Units; i++)
        {
            for (int j = 0; j < layer.Inputs; j++)
            {
                _w.Line(Contribute(contribution, layer, layer.Weight(i, j), d[i] + " * " + x[j]));
            }
        }

        for (int i = 0; i < layer.Units; i++)
        {
            _w.Line(Contribute(contribution, layer, layer.Bias(i), d[i]));
        }

        if (contribution == Contribution.LayerBuffer)
        {
            _w.Line(MatrixUpdateCall("ApplyScaled", layer.WeightOffset + ", " + count, S.One + ", " + buffer) + " // W" + layer.Sup + " and b" + layer.Sup + ", in SIMD");
        }
    }

    private void WriteLoopParameterGradient(DenseLayerPlan layer, Contribution contribution)
    {
        Vector x = Input(layer), d = D(layer.Number);
        string weights = layer.WeightOffset + ", " + (layer.Inputs * layer.Units);
        string biases = layer.BiasOffset + ", " + layer.Units;
        switch (contribution)
        {
            case Contribution.OptimizerUpdate:
                _w.Line(MatrixUpdateCall("ApplyOuter", weights, d.Name + ", " + x.Name) + " // W" + layer.Sup + ", with gᵢⱼ = δ" + layer.Sup + "ᵢ " + InputSymbol(layer) + "ⱼ, in SIMD");
                _w.Line(MatrixUpdateCall("ApplyScaled", biases, S.One + ", " + d.Name) + " // b" + layer.Sup + ", with gᵢ = δ" + layer.Sup + "ᵢ");
                break;
            case Contribution.FusedSgdUpdate:
                _w.Line("update.ApplyOuterFma(w.Slice(" + weights + "), " + d.Name + ", " + x.Name + "); // W" + layer.Sup + ", with gᵢⱼ = δ" + layer.Sup + "ᵢ " + InputSymbol(layer) + "ⱼ, in SIMD");
                _w.Line("update.ApplyScaledFma(w.Slice(" + biases + "), " + S.One + ", " + d.Name + "); // b" + layer.Sup + ", with gᵢ = δ" + layer.Sup + "ᵢ");
                break;
            case Contribution.IntoBlock:
                WriteIntoBlock(layer, x, d, biases);
                break;
            case Contribution.AddToGradient:
                _w.Line(Kernel("AddOuter") + "(gradient.Slice(" + weights + "), " + d.Name + ", " + x.Name + "); // ∂L/∂W" + layer.Sup + " += δ" + layer.Sup + " " + InputTransposed(layer) + ", in SIMD");
                _w.Line(Kernel("AddScaled") + "(gradient.Slice(" + biases + "), " + S.One + ", " + d.Name + "); // ∂L/∂b" + layer.Sup + " += δ" + layer.Sup);
                break;
            default:
                throw new System.ArgumentOutOfRangeException(nameof(contribution), contribution, "A layer that runs through the kernels updates whole matrices.");
        }
    }

    private static string Contribute(Contribution contribution, DenseLayerPlan layer, int index, string value) => contribution switch
    {
        Contribution.AddToGradient => "gradient[" + index + "] += " + value + ";",
        Contribution.InlineSgd => "w[" + index + "] -= rate * (" + value + " + decay * w[" + index + "]);",
        Contribution.LayerBuffer => "gradient" + layer.Number + "[" + (index - layer.WeightOffset) + "] += " + value + ";",
        _ => throw new System.ArgumentOutOfRangeException(nameof(contribution), contribution, "A written-out layer contributes parameter by parameter."),
    };

    /// <summary>Runs <paramref name="write"/> for every unit: once per unit when the layer is written out, once inside a loop otherwise.</summary>
    private void ForEachUnit(DenseLayerPlan layer, System.Action<System.Func<Vector, string>> write)
    {
        if (layer.Unrolled)
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

    /// <summary>Declares a span vector on the stack; locals need no declaration ahead of their first value.</summary>
    private void DeclareIfSpan(Vector vector, DenseLayerPlan layer)
    {
        if (!vector.IsLocals)
        {
            DeclareSpan(vector, layer);
        }
    }

    /// <summary>
    /// A stack buffer the code then adds into: cleared explicitly, because <c>[SkipLocalsInit]</c> on the user's
    /// module (where the generated code lives) leaves <c>stackalloc</c> memory as the last call left it.
    /// </summary>
    private void DeclareZeroedSpan(string name, string length)
    {
        _w.Line("Span<" + T + "> " + name + " = stackalloc " + T + "[" + length + "];");
        _w.Line(name + ".Clear(); // added into below: zeroed here even under [SkipLocalsInit]");
    }

    private void DeclareSpan(Vector vector, DenseLayerPlan layer) =>
        _w.Line("Span<" + T + "> " + vector.Name + " = stackalloc " + T + "[" + SizeName(layer) + "];");

    /// <summary>The constant that holds a layer's width: <c>Layer2Size</c>.</summary>
    private static string SizeName(DenseLayerPlan layer) => "Layer" + layer.Number + "Size";
}
