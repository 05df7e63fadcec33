using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private Vector D(int l) => _plan.Unrolled ? Vector.Locals("d" + l) : Vector.Span("d" + l);

    private Vector G(int l) => _plan.Unrolled ? Vector.Locals("g" + l) : Vector.Span("g" + l);

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
        _w.Line("/// <returns>The sample's loss L.</returns>");
        _w.Line("/// <exception cref=\"ArgumentException\">A span's length differs from <see cref=\"InputSize\"/>, <see cref=\"OutputSize\"/> or <see cref=\"ParameterCount\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public " + T + " Backward(ReadOnlySpan<" + T + "> input, ReadOnlySpan<" + T + "> target, Span<" + T + "> gradient)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("target", "OutputSize");
            WriteLengthCheck("gradient", "ParameterCount");
            if (_plan.Unrolled)
            {
                _w.Line("gradient = gradient.Slice(0, ParameterCount); // a constant length: the JIT drops the bounds checks of the constant indices below");
            }

            WriteParameterSpan();

            WriteForwardPass(outputSpan: null, withTarget: true);
            WriteBackwardLoss();
            WriteDeltas();
            WriteParameterGradients(Contribution.AddToGradient);
            _w.Line("return loss;");
        }

        _w.Line();
        _training = false;
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
        Vector a = A(l), o = O(l), d = D(l), g = G(l), y = Y, r = R(l);
        if (!_plan.Unrolled)
        {
            DeclareSpan(d, output);
        }

        if (_plan.MatchingPair)
        {
            // Linear + MSE: the residual computed for L already is o − y.
            ForEachUnit(output, at => _w.Line(Declare(at(d)) + " = " + (LossCode.UsesResidual(_plan.Loss) ? at(r) : at(o) + " - " + at(y)) + ";"));
            return;
        }

        if (output.Activation == ActivationKind.Linear)
        {
            ForEachUnit(output, at => _w.Line(Declare(at(d)) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
            return;
        }

        if (!_plan.Unrolled)
        {
            DeclareSpan(g, output);
        }

        ForEachUnit(output, at => _w.Line(Declare(at(g)) + " = " + LossCode.Gradient(_plan.Loss, at(o), at(y), at(r), S) + ";"));
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
            WriteElementSum(go, layer, _plan.Unrolled, at => ActivationCode.Parenthesize(Upstream(at)) + " * " + at(o));
            ForEachUnit(layer, at => _w.Line(Declare(at(d)) + " = " + at(o) + " * (" + Upstream(at) + " - " + go + ");"));
            return;
        }

        ForEachUnit(layer, at => _w.Line(Declare(at(d)) + " = " + ActivationCode.Delta(layer.Activation, at(a), at(o), Upstream(at), layer.Alpha, S) + ";"));
    }

    private void WriteHiddenDelta(DenseLayerPlan layer, DenseLayerPlan next)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), d = D(l), g = G(l), nextDelta = D(next.Number);
        if (!_plan.Unrolled)
        {
            WriteLoopHiddenDelta(layer, next);
            return;
        }

        bool viaLocals = next.Units > 4 || layer.Activation == ActivationKind.Softmax;
        for (int i = 0; i < layer.Units; i++)
        {
            IEnumerable<string> terms = Enumerable.Range(0, next.Units).Select(j => "w[" + next.Weight(j, i) + "] * " + nextDelta[j]);
            if (viaLocals)
            {
                WriteSum(T + " " + g[i], terms);
            }
            else if (layer.Activation != ActivationKind.Softmax)
            {
                string back = string.Join(" + ", terms);
                if (layer.HasDropout)
                {
                    back = Mask(l)[i] + " * " + ActivationCode.Parenthesize(back);
                }

                _w.Line(T + " " + d[i] + " = " + ActivationCode.Delta(layer.Activation, a[i], o[i], back, layer.Alpha, S) + ";");
            }
        }

        if (viaLocals)
        {
            WriteDeltaFromG(layer);
        }
    }

    /// <summary>gˡ = Wˡ⁺¹ᵀ δˡ⁺¹ as a sum of scaled rows of Wˡ⁺¹ (SIMD along the rows), then δˡ from it.</summary>
    private void WriteLoopHiddenDelta(DenseLayerPlan layer, DenseLayerPlan next)
    {
        int l = layer.Number;
        DeclareSpan(G(l), layer);
        _w.Line(Kernel("MultiplyTransposedAdd") + "(w.Slice(" + next.WeightOffset + ", " + (next.Inputs * next.Units) + "), " + next.Inputs + ", d" + next.Number + ", g" + l
            + "); // g" + layer.Sup + " = W" + next.Sup + "ᵀ δ" + next.Sup + ", in SIMD, four rows of W" + next.Sup + " at a time");
        _w.Line();
        DeclareSpan(D(l), layer);
        WriteDeltaFromG(layer);
    }

    /// <summary>What happens to each parameter's ∂L/∂θ once it is known.</summary>
    private enum Contribution
    {
        /// <summary><c>gradient[k] += g</c> (Backward; TrainStep's stack buffer).</summary>
        AddToGradient,

        /// <summary>The optimizer's SIMD update of whole matrices (looped TrainStep).</summary>
        OptimizerUpdate,

        /// <summary><c>w[k] -= rate * (g + decay * w[k])</c> written out (unrolled TrainStep with SGD).</summary>
        InlineSgd,
    }

    /// <summary>
    /// ∂L/∂Wˡ = δˡ(oˡ⁻¹)ᵀ and ∂L/∂bˡ = δˡ for every layer: added into <c>gradient</c>, or, in TrainStep,
    /// applied to each parameter.
    /// </summary>
    private void WriteParameterGradients(Contribution contribution)
    {
        foreach (DenseLayerPlan layer in _plan.Layers)
        {
            _w.Line("// ∂L/∂W" + layer.Sup + " = δ" + layer.Sup + " " + (layer.Number == 1 ? "xᵀ" : "(" + InputSymbol(layer) + ")ᵀ")
                + ", ∂L/∂b" + layer.Sup + " = δ" + layer.Sup);
            Vector x = Input(layer), d = D(layer.Number);
            if (_plan.Unrolled)
            {
                for (int i = 0; i < layer.Units; i++)
                {
                    for (int j = 0; j < layer.Inputs; j++)
                    {
                        _w.Line(Contribute(contribution, layer.Weight(i, j).ToString(), d[i] + " * " + x[j]));
                    }
                }

                for (int i = 0; i < layer.Units; i++)
                {
                    _w.Line(Contribute(contribution, layer.Bias(i).ToString(), d[i]));
                }
            }
            else
            {
                string weights = layer.WeightOffset + ", " + (layer.Inputs * layer.Units);
                string biases = layer.BiasOffset + ", " + layer.Units;
                if (contribution == Contribution.OptimizerUpdate)
                {
                    _w.Line(MatrixUpdateCall("ApplyOuter", weights, d.Name + ", " + x.Name) + " // W" + layer.Sup + ", with gᵢⱼ = δ" + layer.Sup + "ᵢ " + InputSymbol(layer) + "ⱼ, in SIMD");
                    _w.Line(MatrixUpdateCall("ApplyScaled", biases, S.One + ", " + d.Name) + " // b" + layer.Sup + ", with gᵢ = δ" + layer.Sup + "ᵢ");
                }
                else
                {
                    _w.Line(Kernel("AddOuter") + "(gradient.Slice(" + weights + "), " + d.Name + ", " + x.Name + "); // ∂L/∂W" + layer.Sup + " += δ" + layer.Sup + " (" + InputSymbol(layer) + ")ᵀ, in SIMD");
                    _w.Line(Kernel("AddScaled") + "(gradient.Slice(" + biases + "), " + S.One + ", " + d.Name + "); // ∂L/∂b" + layer.Sup + " += δ" + layer.Sup);
                }
            }

            _w.Line();
        }
    }

    private string Contribute(Contribution contribution, string index, string value) => contribution switch
    {
        Contribution.AddToGradient => "gradient[" + index + "] += " + value + ";",
        Contribution.InlineSgd => "w[" + index + "] -= rate * (" + value + " + decay * w[" + index + "]);",
        _ => throw new System.ArgumentOutOfRangeException(nameof(contribution), contribution, "Looped layers update whole matrices."),
    };

    /// <summary>Runs <paramref name="write"/> for every unit: once per unit when unrolled, once inside a loop otherwise.</summary>
    private void ForEachUnit(DenseLayerPlan layer, System.Action<System.Func<Vector, string>> write)
    {
        if (_plan.Unrolled)
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

    /// <summary><c>float d2_0</c> for a new local; the span element itself in loop mode.</summary>
    private string Declare(string element) => _plan.Unrolled ? T + " " + element : element;

    private void DeclareSpan(Vector vector, DenseLayerPlan layer) =>
        _w.Line("Span<" + T + "> " + vector.Name + " = stackalloc " + T + "[" + SizeName(layer) + "];");

    /// <summary>The constant that holds a layer's width: <c>Layer2Size</c>.</summary>
    private static string SizeName(DenseLayerPlan layer) => "Layer" + layer.Number + "Size";
}
