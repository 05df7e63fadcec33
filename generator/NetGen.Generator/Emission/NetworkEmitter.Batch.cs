using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private void WriteBackwardBatch()
    {
        string blocked = _plan.BackwardBatch == BackwardBatchForm.Blocked
            ? " Layers on the SIMD kernels add ∂L/∂Wˡ = Σₖ δˡₖ(xˡₖ)ᵀ four samples per pass over the gradient."
            : string.Empty;
        _w.Lines($$"""
            /// <summary>
            /// <see cref="Backward"/> for every sample of a mini-batch stored one after another: <b>adds</b> their ∂L/∂θ to
            /// <paramref name="gradient"/> and returns the sum of their losses.{{blocked}}
            /// Every parameter receives the samples' contributions in order, so the result equals calling Backward for each sample in turn, bit for bit.
            /// </summary>
            /// <param name="inputs">count × <see cref="InputSize"/> input values, sample after sample.</param>
            /// <param name="targets">count × <see cref="OutputSize"/> target values, in the same order.</param>
            /// <param name="gradient">The <see cref="ParameterCount"/> partial derivatives, in math.md's flat order; the samples' are added.</param>
            /// <returns>The sum of the samples' losses; NaN, with nothing added, when an input or target value is NaN or infinite.</returns>
            /// <exception cref="global::System.ArgumentException"><paramref name="inputs"/> is not a whole number of samples, or <paramref name="targets"/> or <paramref name="gradient"/> has the wrong length.</exception>
            {{GeneratedCode}}
            public {{T}} BackwardBatch({{S.ReadOnlySpan}} inputs, {{S.ReadOnlySpan}} targets, {{S.Span}} gradient)
            {
                int count = global::NetGen.SpanLength.SampleCount(nameof(inputs), inputs.Length, InputSize, nameof(targets), targets.Length, OutputSize);

            """);
        using (_w.Indent())
        {
            WriteLengthCheck("gradient", "ParameterCount");
            WriteNonFiniteGuard("inputs", "targets");
            _w.Line(T + " loss = " + S.Zero + ";");
            if (_plan.BackwardBatch == BackwardBatchForm.PerSample)
            {
                _w.Lines("""
                    for (int s = 0; s < count; s++)
                    {
                        loss += Backward(inputs.Slice(s * InputSize, InputSize), targets.Slice(s * OutputSize, OutputSize), gradient);
                    }

                    return loss;
                    """);
            }
            else
            {
                WriteBlockedBatch();
            }
        }

        _w.Line("}");
        _w.Line();
        if (_plan.BackwardBatch == BackwardBatchForm.Blocked)
        {
            WriteBackwardIntoBlock();
        }
    }

    /// <summary>The batch in blocks of four samples through BackwardIntoBlock, then ∂L/∂Wˡ of every layer on the kernels in one pass per block.</summary>
    private void WriteBlockedBatch()
    {
        _w.Lines($$"""
            {{S.Span}} block = stackalloc {{T}}[{{_plan.BlockSize}}]; // δˡ and the inputs of the layers on the kernels, for up to four samples
            for (int start = 0; start < count; start += global::NetGen.Kernels.VectorMath.OuterBlockSize)
            {
                int samples = global::System.Math.Min(global::NetGen.Kernels.VectorMath.OuterBlockSize, count - start);
                for (int slot = 0; slot < samples; slot++)
                {
                    int s = start + slot;
                    loss += BackwardIntoBlock(inputs.Slice(s * InputSize, InputSize), targets.Slice(s * OutputSize, OutputSize), gradient, block, slot);
                }

                // ∂L/∂Wˡ += Σₖ δˡₖ (xˡₖ)ᵀ over the block: each row of ∂L/∂Wˡ read and written once for up to four samples
            """);
        using (_w.Indent())
        {
            foreach (LayerPlan layer in _plan.Layers.Where(l => !l.IsWrittenOut))
            {
                string inputsOfLayer = layer.Number == 1
                    ? "inputs.Slice(start * InputSize, samples * InputSize)"
                    : "block.Slice(" + layer.BlockInputOffset + ", samples * " + SizeName(LayerAt(layer.Number - 1)) + ")";
                _w.Line(Kernel("AddOuterBlock") + "(gradient.Slice(" + WeightRange(layer) + "), block.Slice("
                    + layer.BlockDeltaOffset + ", samples * " + ActivationCode.Parenthesize(RowsName(layer)) + "), " + inputsOfLayer + ", samples); // ∂L/∂W" + Sup(layer));
            }
        }

        _w.Lines("""
            }

            return loss;
            """);
    }

    /// <summary>Backward's body for one sample of BackwardBatch: what a layer on the kernels adds to ∂L/∂Wˡ is left in the block instead.</summary>
    private void WriteBackwardIntoBlock()
    {
        _w.Lines($$"""
            /// <summary>
            /// <see cref="Backward"/> for sample <paramref name="slot"/> of a block of <see cref="BackwardBatch"/>: ∂L/∂b and the written-out
            /// layers' ∂L/∂W are added as Backward adds them; for each layer on the kernels δˡ and its input go to <paramref name="block"/>.
            /// </summary>
            {{GeneratedCode}}
            """);
        using (_w.Block("private " + T + " BackwardIntoBlock(" + S.ReadOnlySpan + " input, " + S.ReadOnlySpan + " target, " + S.Span + " gradient, " + S.Span + " block, int slot)"))
        {
            WriteBackwardBody(Pass.IntoBlock);
        }

        _w.Line();
    }

    /// <summary>δˡ (and the layer's input for l ≥ 2) of this sample into the block; ∂L/∂bˡ added at once.</summary>
    private void WriteIntoBlock(LayerPlan layer, Pass pass, Vector x, Vector d)
    {
        string s = Sup(layer), delta = DeltaSymbol(layer);
        _w.Line(d.Name + ".CopyTo(block.Slice(" + Offset(layer.BlockDeltaOffset, "slot * " + ActivationCode.Parenthesize(RowsName(layer))) + ", " + RowsName(layer) + ")); // "
            + delta + ", for ∂L/∂W" + s + " += " + delta + " " + InputTransposed(layer, pass) + " in BackwardBatch");
        if (layer.Number > 1)
        {
            string inputSize = SizeName(LayerAt(layer.Number - 1));
            _w.Line(x.Name + ".CopyTo(block.Slice(" + Offset(layer.BlockInputOffset, "slot * " + inputSize) + ", " + inputSize + ")); // " + InputSymbol(layer, pass));
        }

        _w.Line(Kernel("AddScaled") + "(gradient.Slice(" + BiasRange(layer) + "), " + S.One + ", " + d.Name + "); // ∂L/∂b" + s + " += " + delta);
    }
}
