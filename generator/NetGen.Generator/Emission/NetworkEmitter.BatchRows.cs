using System.Linq;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

/// <summary>
/// What one chunk of BatchScratch computes: the forward products of a range of samples, their losses and deltas
/// (TrainingRows), and a range of units' ∂L/∂W over the whole batch (WeightGradients).
/// </summary>
internal sealed partial class NetworkEmitter
{
    private string BatchKernel(string name) => "global::NetGen.Kernels.BatchMatrix." + name + "<" + T + ">";

    /// <summary><c>Rows(O2, start, rows, Layer2Size)</c>: a chunk's rows of a scratch array.</summary>
    private static string Slab(string array, string width) => "Rows(" + array + ", start, rows, " + width + ")";

    /// <summary>The chunk's rows of layer l's input: x, or the layer below's O (H while training after a dropout).</summary>
    private static string BatchInput(LayerPlan layer, LayerPlan? below, bool training) =>
        below is null ? "x" : (training && below.HasDropout ? "h" : "o") + below.Number;

    private void WriteForwardRows()
    {
        _w.Line();
        _w.Line("/// <summary>The forward pass of samples start … start + rows − 1 (ForwardBatch: no dropout).</summary>");
        using (_w.Block("private void ForwardRows(int start, int rows, " + S.ReadOnlySpan + " inputs)"))
        {
            WriteBatchForward(training: false);
        }
    }

    private void WriteTrainingRows()
    {
        _w.Line();
        _w.Line("/// <summary>Samples start … start + rows − 1 of TrainBatch: the forward pass with dropout, each sample's L and Δᴸ, then every hidden Δ.</summary>");
        using (_w.Block("private void TrainingRows(int start, int rows, " + S.ReadOnlySpan + " inputs, " + S.ReadOnlySpan + " targets)"))
        {
            WriteBatchForward(training: true);
            WriteBatchOutputRows();
            for (int index = _plan.Layers.Count - 2; index >= 0; index--)
            {
                WriteBatchHiddenDelta(_plan.Layers[index], _plan.Layers[index + 1]);
            }
        }
    }

    private void WriteBatchForward(bool training)
    {
        _w.Line(S.ReadOnlySpan + " w = _network._w; // θ, in math.md's flat order (the products read Wᵀ, the biases come from here)");
        _w.Line(S.ReadOnlySpan + " x = inputs.Slice(start * InputSize, rows * InputSize);");
        _w.Line();
        LayerPlan? below = null;
        foreach (LayerPlan layer in _plan.Layers)
        {
            WriteBatchLayer(layer, below, training);
            below = layer;
        }
    }

    private void WriteBatchLayer(LayerPlan layer, LayerPlan? below, bool training)
    {
        int l = layer.Number;
        string s = Sup(layer), x = BatchInput(layer, below, training), fanIn = below is null ? "InputSize" : SizeName(below);
        string bias = "w.Slice(" + BiasRange(layer) + ")", wt = BatchField("WT", layer);
        string activation = "global::NetGen.Activation." + layer.Activation;
        _w.Line("// Layer " + l + ": " + BatchLayerFormula(layer, training));
        _w.Line(S.Span + " o" + l + " = " + Slab(BatchField("O", layer), SizeName(layer)) + ";");
        bool keepA = training && KeepsPreActivation(layer);
        switch (layer.BatchForward)
        {
            case BatchForwardForm.ProductThenMax:
                WriteBatchMax(layer, x, fanIn, bias, training);
                break;
            case BatchForwardForm.ProductThenSoftmax:
                string target = keepA ? "a" + l : "o" + l;
                if (keepA)
                {
                    _w.Line(S.Span + " a" + l + " = " + Slab(BatchField("A", layer), SizeName(layer)) + ";");
                }

                _w.Line(BatchKernel("ForwardTransposed") + "(" + x + ", " + wt + ", " + bias + ", " + target + ", " + fanIn + "); // A" + s + " as above, in register tiles");
                if (keepA)
                {
                    _w.Line("a" + l + ".CopyTo(o" + l + ");");
                }

                _w.Line("global::NetGen.Kernels.BatchActivations.SoftmaxRows<" + T + ">(o" + l + ", " + SizeName(layer) + "); // O" + s + " = softmax of each row, max subtracted first");
                break;
            case BatchForwardForm.ProductThenActivation when keepA:
                _w.Line(S.Span + " a" + l + " = " + Slab(BatchField("A", layer), SizeName(layer)) + ";");
                _w.Line(BatchKernel("ForwardTransposed") + "(" + x + ", " + wt + ", " + bias + ", a" + l + ", " + fanIn + "); // A" + s + ", kept for the loss and f′");
                _w.Line("a" + l + ".CopyTo(o" + l + ");");
                _w.Line("global::NetGen.Kernels.BatchActivations.Apply<" + T + ">(" + activation + ", o" + l + ", " + S.Literal(layer.Alpha) + "); // O" + s + " = f(A" + s + "), in SIMD");
                break;
            default:
                string fused = layer.Activation == ActivationKind.Linear ? string.Empty : ", " + activation + (layer.Alpha != 0 ? ", " + S.Literal(layer.Alpha) : string.Empty);
                _w.Line(BatchKernel("ForwardTransposed") + "(" + x + ", " + wt + ", " + bias + ", o" + l + ", " + fanIn + fused + "); // O" + s
                    + (fused.Length == 0 ? " = A" + s : " = f(A" + s + "), f applied as the tiles are stored"));
                break;
        }

        if (training && layer.HasDropout)
        {
            string size = SizeName(layer);
            _w.Line(S.ReadOnlySpan + " mask" + l + " = " + Slab(BatchField("Mask", layer), size) + ";");
            _w.Line(S.Span + " h" + l + " = " + Slab(BatchField("H", layer), size) + ";");
            _w.Line(Kernel("MultiplyEach") + "(o" + l + ", mask" + l + ", h" + l + "); // H" + s + " = O" + s + " ⊙ mask" + s + " (inverted dropout, rate " + InvariantNumber.Text(layer.DropoutRate) + "), in SIMD");
        }

        _w.Line();
    }

    /// <summary>Z = X·Wᵀ + 1bᵀ, then each unit's max over its k pieces, the first piece reaching it winning (its row kept while training).</summary>
    private void WriteBatchMax(LayerPlan layer, string x, string fanIn, string bias, bool training)
    {
        int l = layer.Number, k = layer.Pieces;
        string size = SizeName(layer);
        _w.Line(S.Span + " z" + l + " = " + Slab(BatchField("Z", layer), RowsName(layer)) + ";");
        if (training)
        {
            _w.Line("global::System.Span<int> win" + l + " = " + Slab(BatchField("Win", layer), size) + ";");
        }

        _w.Line(BatchKernel("ForwardTransposed") + "(" + x + ", " + BatchField("WT", layer) + ", " + bias + ", z" + l + ", " + fanIn + "); // Z" + Sup(layer) + ", one row per piece");
        WriteMaxOverPieces("u", "o" + l + ".Length", "z" + l, "o" + l, k,
            training ? "win" + l + "[u] = ((u % " + size + ") * " + k + ") + best; // the winning row within its sample" : null);
    }

    /// <summary>Each sample's loss and Δᴸ, row by row, with the per-sample equations of Backward.</summary>
    private void WriteBatchOutputRows()
    {
        LayerPlan output = _plan.Output;
        int l = output.Number;
        string size = SizeName(output), rows = RowsName(output);
        bool keptA = KeepsPreActivation(output);
        _w.Line("// L and Δ" + Sup(output) + " sample by sample: " + LossCode.Formula(_plan.Loss, _plan.HuberDelta) + "; " + OutputDeltaComment(output));
        _w.Line(S.ReadOnlySpan + " y = targets.Slice(start * OutputSize, rows * OutputSize);");
        _w.Line(S.Span + " d" + l + " = " + Slab(BatchField("D", output), rows) + ";");
        if (output.IsMaxout)
        {
            _w.Line(S.Span + " g" + l + " = " + Slab(BatchField("G", output), size) + ";");
            _w.Line("d" + l + ".Clear(); // the losing pieces receive no Δ");
        }

        using (_w.Block("for (int s = 0; s < rows; s++)"))
        {
            if (keptA)
            {
                _w.Line(S.ReadOnlySpan + " a = a" + l + ".Slice(s * " + size + ", " + size + ");");
            }

            _w.Line(S.ReadOnlySpan + " o = o" + l + ".Slice(s * " + size + ", " + size + "), t = y.Slice(s * " + size + ", " + size + ");");
            _w.Line(S.Span + " d = d" + l + ".Slice(s * " + ActivationCode.Parenthesize(rows) + ", " + rows + ");");
            if (output.IsMaxout)
            {
                _w.Line(S.Span + " g = g" + l + ".Slice(s * " + size + ", " + size + ");");
                _w.Line("global::System.ReadOnlySpan<int> win = win" + l + ".Slice(s * " + size + ", " + size + ");");
            }

            string lse = "lse";
            if (_plan.LossFromPreActivation && output.Activation == ActivationKind.Softmax)
            {
                _w.Lines($$"""
                    {{T}} max = a[0];
                    for (int i = 1; i < {{size}}; i++)
                    {
                        max = {{S.Math}}.Max(max, a[i]);
                    }

                    {{T}} sum = {{S.Zero}};
                    for (int i = 0; i < {{size}}; i++)
                    {
                        sum += {{S.Math}}.Exp(a[i] - max);
                    }

                    {{T}} lse = max + {{S.Math}}.Log(sum); // log Σ e^a, for L from the pre-activation

                    """);
            }

            _w.Line(T + " loss = " + S.Zero + ";");
            using (_w.Block("for (int i = 0; i < " + size + "; i++)"))
            {
                bool residual = LossFacts.UsesResidual(_plan.Loss);
                if (residual)
                {
                    _w.Line(T + " r = o[i] - t[i];");
                }

                string r = residual ? "r" : "(o[i] - t[i])";
                _w.Line(_plan.LossFromPreActivation
                    ? "loss += " + LossCode.MatchingTerm(output.Activation, _plan.Loss, "a[i]", "o[i]", "t[i]", lse, S) + ";"
                    : "loss += " + LossCode.Term(_plan.Loss, "o[i]", "t[i]", r, S) + ";");
                string gradient = LossCode.Gradient(_plan.Loss, "o[i]", "t[i]", r, S);
                switch (_plan.OutputDelta)
                {
                    case OutputDeltaForm.Matching:
                        _w.Line("d[i] = " + (residual ? "r" : "o[i] - t[i]") + ";");
                        break;
                    case OutputDeltaForm.LossGradient:
                        _w.Line("d[i] = " + gradient + ";");
                        break;
                    default:
                        if (output.IsMaxout)
                        {
                            _w.Line("g[i] = " + gradient + ";");
                            _w.Line("d[win[i]] = g[i];");
                        }
                        else if (output.Activation == ActivationKind.Softmax)
                        {
                            _w.Line("d[i] = " + gradient + "; // gᵢ, before the softmax Jacobian below");
                        }
                        else
                        {
                            _w.Line(T + " g = " + gradient + ";");
                            _w.Line("d[i] = " + ActivationCode.Delta(output.Activation, keptA ? "a[i]" : "o[i]", "o[i]", "g", output.Alpha, S) + ";");
                        }

                        break;
                }
            }

            if (_plan.OutputDelta == OutputDeltaForm.ThroughActivation && output.Activation == ActivationKind.Softmax && !output.IsMaxout)
            {
                _w.Line();
                WriteRowJacobian(size, "d", "o", mask: null);
            }

            _w.Line();
            _w.Line("Losses[start + s] = loss;");
        }

        _w.Line();
    }

    /// <summary>δᵢ = oᵢ(gᵢ − Σₖ gₖoₖ) for one row, g in <paramref name="g"/> (times the mask), the result into <paramref name="d"/> (may be g).</summary>
    private void WriteRowJacobian(string size, string g, string o, string? mask)
    {
        string gi(string i) => mask is null ? g + "[" + i + "]" : g + "[" + i + "] * " + mask + "[" + i + "]";
        _w.Lines($$"""
            {{T}} go = {{S.Zero}}; // Σₖ gₖoₖ
            for (int i = 0; i < {{size}}; i++)
            {
                go += {{gi("i")}} * {{o}}[i];
            }

            for (int i = 0; i < {{size}}; i++)
            {
                d[i] = {{o}}[i] * ({{gi("i")}} - go); // the softmax Jacobian
            }
            """);
    }

    /// <summary>Δˡ of a hidden layer from Δˡ⁺¹, over the chunk's rows.</summary>
    private void WriteBatchHiddenDelta(LayerPlan layer, LayerPlan above)
    {
        int l = layer.Number;
        string s = Sup(layer), size = SizeName(layer);
        string product = BatchKernel("BackpropagateDelta") + "(d" + above.Number + ", w.Slice(" + WeightRange(above) + "), ";
        string aboveRows = RowsName(above);
        _w.Line("// " + BatchDeltaComment(layer, above));
        _w.Line(S.Span + " d" + l + " = " + Slab(BatchField("D", layer), RowsName(layer)) + ";");
        switch (layer.BatchDelta)
        {
            case BatchDeltaForm.FusedDerivative:
            case BatchDeltaForm.FusedDerivativeThenMask:
                string activation = layer.Activation == ActivationKind.Linear ? "default, d" + l + ", " + aboveRows
                    : "o" + l + ", d" + l + ", " + aboveRows + ", global::NetGen.Activation." + layer.Activation + (layer.Alpha != 0 ? ", " + S.Literal(layer.Alpha) : string.Empty);
                _w.Line(product + activation + "); // f′ applied as each tile is stored");
                if (layer.BatchDelta == BatchDeltaForm.FusedDerivativeThenMask)
                {
                    _w.Line(Kernel("MultiplyEach") + "(d" + l + ", mask" + l + ", d" + l + "); // Δ" + s + " ⊙= mask" + s + ": a dropped unit passes no gradient back");
                }

                break;
            case BatchDeltaForm.ProductThenJacobian:
                _w.Line(S.Span + " g" + l + " = " + Slab(BatchField("G", layer), size) + ";");
                _w.Line(product + "default, g" + l + ", " + aboveRows + "); // G" + s + " = Δ" + Sup(above) + "W" + Sup(above));
                using (_w.Block("for (int s = 0; s < rows; s++)"))
                {
                    _w.Line(S.ReadOnlySpan + " g = g" + l + ".Slice(s * " + size + ", " + size + "), o = o" + l + ".Slice(s * " + size + ", " + size + ");");
                    if (layer.HasDropout)
                    {
                        _w.Line(S.ReadOnlySpan + " m = mask" + l + ".Slice(s * " + size + ", " + size + ");");
                    }

                    _w.Line(S.Span + " d = d" + l + ".Slice(s * " + size + ", " + size + ");");
                    WriteRowJacobian(size, "g", "o", layer.HasDropout ? "m" : null);
                }

                break;
            default:
                _w.Line(S.Span + " g" + l + " = " + Slab(BatchField("G", layer), size) + ";");
                _w.Line(product + "default, g" + l + ", " + aboveRows + "); // G" + s + " = Δ" + Sup(above) + "W" + Sup(above));
                _w.Line("d" + l + ".Clear(); // the losing pieces receive no Δ");
                using (_w.Block("for (int e = 0; e < g" + l + ".Length; e++)"))
                {
                    string g = "g" + l + "[e]" + (layer.HasDropout ? " * mask" + l + "[e]" : string.Empty);
                    _w.Line("d" + l + "[((e / " + size + ") * " + ActivationCode.Parenthesize(RowsName(layer)) + ") + win" + l + "[e]] = " + g + "; // to the winning piece of unit e mod " + size);
                }

                break;
        }

        _w.Line();
    }

    /// <summary><c>Δ¹ = f′(O¹) ⊙ (Δ²·W²), with ReLU′ …</c>: how TrainBatch's Δˡ follows from the layer above, for its comment.</summary>
    private static string BatchDeltaComment(LayerPlan layer, LayerPlan above)
    {
        string l = Sup(layer), s = Sup(above);
        string back = "(" + DeltaSymbol(above).Replace("δ", "Δ") + "·W" + s + ")" + (layer.HasDropout ? " ⊙ mask" + l : string.Empty);
        return layer.BatchDelta switch
        {
            BatchDeltaForm.ProductThenJacobian => "Δ" + l + "ᵢ = O" + l + "ᵢ(Gᵢ − Σₖ GₖO" + l + "ₖ) in every row, with G" + l + " = " + back,
            BatchDeltaForm.ProductThenRouting => "Δz" + l + "ᵣ = G" + l + "ᵢ if r = j*ᵢ else 0 in every row, with G" + l + " = " + back + ": only each unit's winning piece receives Δ",
            _ when layer.Activation == ActivationKind.Linear => "Δ" + l + " = " + back + " (f′ = 1)",
            _ => "Δ" + l + " = f′(O" + l + ") ⊙ " + back + ", with " + ActivationCode.DerivativeFormula(layer.Activation, layer.Alpha) + " (f′ from the output, as math.md gives it)",
        };
    }

    /// <summary>Σₛ ∂Lₛ/∂Wˡ = Δˡᵀ·Xˡ and Σₛ ∂Lₛ/∂bˡ for this chunk's units of every layer, over the whole batch.</summary>
    private void WriteWeightGradients()
    {
        _w.Line();
        _w.Line("/// <summary>This chunk's units of every layer: their rows of ∂L/∂W = Δᵀ·X and entries of ∂L/∂b, summed over the batch in sample order.</summary>");
        using (_w.Block("private void WeightGradients(int chunk, int chunkCount, " + S.ReadOnlySpan + " inputs)"))
        {
            _w.Line("int n = _count;");
            _w.Line(S.Span + " gradient = Gradient;");
            LayerPlan? below = null;
            foreach (LayerPlan layer in _plan.Layers)
            {
                int l = layer.Number;
                string s = Sup(layer), rows = "rows" + l, fanIn = below is null ? "InputSize" : SizeName(below);
                string x = below is null ? "inputs" : "Rows(" + BatchField(below.HasDropout ? "H" : "O", below) + ", 0, n, " + SizeName(below) + ")";
                _w.Line();
                _w.Line("// Σₛ ∂Lₛ/∂W" + s + " = Δ" + s + "ᵀ·" + (below is null ? "X" : (below.HasDropout ? "H" : "O") + Sup(below)) + " and Σₛ ∂Lₛ/∂b" + s + " = Σₛ Δ" + s + "ₛ, for this chunk's " + rows + " of W" + s + "'s rows (zeroed first)");
                _w.Line("global::NetGen.Kernels.ChunkRange " + rows + " = global::NetGen.Kernels.ChunkRange.Of(" + RowsName(layer) + ", chunkCount, chunk, 4);");
                _w.Line("gradient.Slice(" + WeightOffsetName(layer) + " + (" + rows + ".Start * " + fanIn + "), " + rows + ".Length * " + fanIn + ").Clear();");
                _w.Line("gradient.Slice(" + BiasOffsetName(layer) + " + " + rows + ".Start, " + rows + ".Length).Clear();");
                _w.Line(BatchKernel("AddWeightGradient") + "(Rows(" + BatchField("D", layer) + ", 0, n, " + RowsName(layer) + "), " + x + ", gradient.Slice(" + WeightRange(layer)
                    + "), gradient.Slice(" + BiasRange(layer) + "), " + fanIn + ", " + rows + ".Start, " + rows + ".Length);");
                below = layer;
            }
        }
    }
}
