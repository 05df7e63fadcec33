using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

/// <summary>ForwardBatch and TrainBatch: sample after sample, or as matrix products through the nested BatchScratch.</summary>
internal sealed partial class NetworkEmitter
{
    /// <summary>TrainBatch runs its own phases through BatchScratch (else it is BackwardBatch + ApplyGradients).</summary>
    private bool TrainProducts => _plan.Trainable && _plan.TrainBatch == BatchStrategy.MatrixProducts;

    /// <summary><c>O¹ = max(0, X·W¹ᵀ + 1b¹ᵀ)</c>: layer l with samples as rows.</summary>
    private string BatchLayerFormula(LayerPlan layer, bool training)
    {
        string l = Sup(layer);
        string input = layer.Number == 1 ? "X" : (training && LayerAt(layer.Number - 1).HasDropout ? "H" : "O") + Superscript.Of(layer.Number - 1);
        string product = input + "·W" + l + "ᵀ + 1b" + l + "ᵀ";
        if (layer.IsMaxout)
        {
            return "Z" + l + " = " + product + ", O" + l + "ᵢ = maxⱼ Z" + l + "₍ᵢₖ₊ⱼ₎ in every row (k = " + layer.Pieces + ")";
        }

        string activation = ActivationCode.Formula(layer.Activation, l, layer.Alpha).Replace("o" + l, "O" + l).Replace("a" + l, "A" + l);
        return "A" + l + " = " + product + ", " + activation + (layer.Activation == Model.ActivationKind.Softmax ? " (row by row)" : string.Empty)
            + (training && layer.HasDropout ? ", H" + l + " = O" + l + " ⊙ mask" + l : string.Empty);
    }

    private void WriteBatchField()
    {
        _w.Lines("""
            /// <summary>Scratch space, transposed weights and summed gradient of the batched members: made by the first batch larger than any before, then reused.</summary>
            private BatchScratch? _batch;

            """);
    }

    private void WriteForwardBatch()
    {
        _w.Lines("""
            /// <summary>
            /// <see cref="Forward"/> for a batch stored sample after sample, as matrix products with samples as rows, on up to
            /// <see cref="global::NetGen.Kernels.Parallelism.DegreeOfParallelism"/> threads when the batch is large enough to gain.
            /// Each output agrees with Forward to rounding and is the same bits for every thread count; scratch space lives with
            /// the network, so the steady state allocates nothing. One instance must not run two batched calls at once.
            /// </summary>
            """);
        _w.Line("/// <remarks>");
        foreach (string line in _plan.Layers.Select(l => BatchLayerFormula(l, training: false)))
        {
            _w.Line("/// " + line + "<br/>");
        }

        _w.Line("/// </remarks>");

        _w.Lines($$"""
            /// <param name="inputs">count × <see cref="InputSize"/> input values, sample after sample.</param>
            /// <param name="outputs">Receives count × <see cref="OutputSize"/> outputs, in the same order.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="inputs"/> is not a whole number of samples, or <paramref name="outputs"/> does not hold as many.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public void ForwardBatch(" + S.ReadOnlySpan + " inputs, " + S.Span + " outputs)"))
        {
            _w.Line("int count = global::NetGen.SpanLength.SampleCount(nameof(inputs), inputs.Length, InputSize, nameof(outputs), outputs.Length, OutputSize);");
            _w.Lines($$"""
                if (count == 0)
                {
                    return;
                }

                // Blocks of at most BatchScratch.ForwardBlock samples: the scratch stays small and in cache however large the batch.
                BatchScratch batch = BatchScratch.For(ref _batch, this, global::System.Math.Min(count, BatchScratch.ForwardBlock));
                batch.TransposeWeightsIfChanged();
                for (int start = 0; start < count; start += BatchScratch.ForwardBlock)
                {
                    int rows = global::System.Math.Min(BatchScratch.ForwardBlock, count - start);
                    batch.Run(BatchScratch.ForwardPhase, rows, inputs.Slice(start * InputSize, rows * InputSize), default);
                    new {{S.Span}}(batch.{{BatchField("O", _plan.Output)}}, 0, rows * OutputSize).CopyTo(outputs.Slice(start * OutputSize, rows * OutputSize));
                }
                """);
        }

        _w.Line();
    }

    private void WriteTrainBatch()
    {
        string how = TrainProducts
            ? "Forward and backward run as matrix products (math.md, \"Mini-batches computed as matrix products\") on up to\n"
              + "/// <see cref=\"global::NetGen.Kernels.Parallelism.DegreeOfParallelism\"/> threads when the batch is large enough to gain; the summed\n"
              + "/// gradient agrees with <see cref=\"BackwardBatch\"/>'s to rounding, and is the same bits for every thread count."
            : "This network is small enough to be written out whole, so the batch goes through <see cref=\"BackwardBatch\"/>\n"
              + "/// sample after sample (a matrix product would not beat it): the update equals BackwardBatch into a zeroed gradient\n"
              + "/// and ApplyGradients, bit for bit.";
        string dropout = _plan.HasDropout ? "\n/// Dropout masks are drawn as TrainStep draws them, sample after sample, layer after layer." : string.Empty;
        _w.Lines($$"""
            /// <summary>
            /// Forward, backward and one {{_plan.Optimizer}} update for a mini-batch stored sample after sample, with the gradient
            /// averaged over the batch: g = (1/n) Σₛ ∂Lₛ/∂θ, then <see cref="ApplyGradients"/>' update.
            /// {{how}}{{dropout}}
            /// Scratch space lives with the network: the steady state allocates nothing.
            /// </summary>
            """);
        if (TrainProducts)
        {
            _w.Line("/// <remarks>");
            foreach (string line in _plan.Layers.Select(l => BatchLayerFormula(l, training: true)))
            {
                _w.Line("/// " + line + "<br/>");
            }

            _w.Line("/// Δ" + Sup(_plan.Output) + " = ∂L/∂A" + Sup(_plan.Output) + " row by row (as δ" + Sup(_plan.Output) + " in Backward); Δˡ = f′(Oˡ) ⊙ Δˡ⁺¹Wˡ⁺¹" + (_plan.HasDropout ? " ⊙ maskˡ" : string.Empty) + "<br/>");
            _w.Line("/// ∂L/∂Wˡ = Σₛ ΔˡₛᵀXˡₛ = Δˡᵀ·Xˡ and ∂L/∂bˡ = the column sums of Δˡ, with Xˡ the layer's input<br/>");
            _w.Line("/// </remarks>");
        }

        _w.Lines($$"""
            /// <param name="inputs">count × <see cref="InputSize"/> input values, sample after sample (at least one sample).</param>
            /// <param name="targets">count × <see cref="OutputSize"/> target values, in the same order.</param>
            /// <returns>
            /// The mean loss of the batch before the update; NaN, with nothing changed, when an input or target value is NaN or
            /// infinite; a loss that is not finite (training diverged) is returned without making the update.
            /// </returns>
            /// <exception cref="global::System.ArgumentException"><paramref name="inputs"/> holds no sample or is not a whole number of samples, or <paramref name="targets"/> does not hold as many.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public " + T + " TrainBatch(" + S.ReadOnlySpan + " inputs, " + S.ReadOnlySpan + " targets)"))
        {
            _w.Line("int count = global::NetGen.SpanLength.SampleCount(nameof(inputs), inputs.Length, InputSize, nameof(targets), targets.Length, OutputSize);");
            _w.Line("global::NetGen.SpanLength.RequireSamples(nameof(inputs), count);");
            if (!TrainProducts)
            {
                _w.Lines($$"""
                    {{T}}[] gradient = BatchScratch.For(ref _batch, this, 1).Gradient;
                    global::System.Array.Clear(gradient);
                    {{T}} loss = BackwardBatch(inputs, targets, gradient); // NaN, with nothing added, for a NaN or infinite input or target value
                    if ({{T}}.IsFinite(loss))
                    {
                        ApplyGradients(gradient, count); // not when the loss is NaN or infinite: nothing is changed
                    }

                    return loss / count;
                    """);
            }
            else
            {
                WriteNonFiniteGuard("inputs", "targets");
                _w.Line("BatchScratch batch = BatchScratch.For(ref _batch, this, count);");
                _w.Line("batch.TransposeWeightsIfChanged();");
                if (_plan.HasDropout)
                {
                    _w.Line("batch.DrawMasks(count); // from the dropout sequence, sample after sample, layer after layer: the masks TrainStep would draw");
                }

                _w.Lines($$"""
                    batch.Run(BatchScratch.TrainingPhase, count, inputs, targets); // every layer's O, each sample's L, every Δ: chunks of samples
                    batch.Run(BatchScratch.GradientPhase, count, inputs, targets); // Σₛ ∂Lₛ/∂θ = Δᵀ·X per layer: chunks of units

                    {{T}} loss = {{S.Zero}};
                    for (int s = 0; s < count; s++)
                    {
                        loss += batch.Losses[s]; // in sample order, whatever the threads did
                    }

                    if ({{T}}.IsFinite(loss))
                    {
                        ApplyGradients(batch.Gradient, count); // g = gradient / count, then the {{_plan.Optimizer}} update (which marks Wᵀ stale); not when training diverged
                    }

                    return loss / count;
                    """);
            }
        }

        _w.Line();
    }

    /// <summary><c>_batch?.WeightsChanged();</c> in a member that writes θ: the batched members' Wᵀ must be redone.</summary>
    private void WriteWeightsChanged() =>
        _w.Line("_batch?.WeightsChanged(); // θ changes below: the batched members' Wᵀ must be redone");

    /// <summary>A scratch array of layer l: <c>O2</c>, <c>Mask1</c>.</summary>
    private static string BatchField(string name, LayerPlan layer) => name + layer.Number;

    /// <summary>Σₗ Rowsₗ × Inputsₗ: the multiply-adds of one sample's forward pass.</summary>
    private long MultiplyAddsPerSample => _plan.Layers.Sum(l => (long)l.WeightCount);
}
