using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    /// <summary>
    /// Where <c>BackwardIntoBlock</c> leaves, for up to four samples, what BackwardBatch needs to add ∂L/∂Wˡ of a
    /// layer on the kernels: δˡ [4 × units], and for l ≥ 2 the layer's input [4 × inputs] (layer 1's is the
    /// batch's own inputs). Offsets in the stack buffer <c>block</c>; Size is its length.
    /// </summary>
    private sealed class BlockLayout
    {
        public BlockLayout(IEnumerable<DenseLayerPlan> layers)
        {
            foreach (DenseLayerPlan layer in layers.Where(l => !l.Unrolled))
            {
                DeltaOffset[layer.Number] = Size;
                Size += BlockSamples * layer.Units;
                if (layer.Number > 1)
                {
                    InputOffset[layer.Number] = Size;
                    Size += BlockSamples * layer.Inputs;
                }
            }
        }

        /// <summary>VectorMath.OuterBlockSize: the samples folded into one pass over a gradient matrix.</summary>
        public const int BlockSamples = 4;

        public Dictionary<int, int> DeltaOffset { get; } = new();

        public Dictionary<int, int> InputOffset { get; } = new();

        public int Size { get; }
    }

    private BlockLayout? _blockLayout;

    /// <summary>The block layout of this network (a function of its layers, computed once).</summary>
    private BlockLayout Block => _blockLayout ??= new BlockLayout(_plan.Layers);

    private void WriteBackwardBatch()
    {
        _w.Line("/// <summary>");
        _w.Line("/// <see cref=\"Backward\"/> for every sample of a mini-batch stored one after another: <b>adds</b> their ∂L/∂θ to");
        _w.Line("/// <paramref name=\"gradient\"/> and returns the sum of their losses." + (_plan.Unrolled
            ? string.Empty
            : " Layers on the SIMD kernels add ∂L/∂Wˡ = Σₖ δˡₖ(xˡₖ)ᵀ four samples per pass over the gradient;"));
        _w.Line("/// every parameter receives the samples' contributions in order, so the result equals calling Backward for each sample in turn, bit for bit.");
        _w.Line("/// </summary>");
        _w.Line("/// <param name=\"inputs\">count × <see cref=\"InputSize\"/> input values, sample after sample.</param>");
        _w.Line("/// <param name=\"targets\">count × <see cref=\"OutputSize\"/> target values, in the same order.</param>");
        _w.Line("/// <param name=\"gradient\">The <see cref=\"ParameterCount\"/> partial derivatives, in math.md's flat order; the samples' are added.</param>");
        _w.Line("/// <returns>The sum of the samples' losses; NaN, with nothing added, when an input or target value is NaN or infinite.</returns>");
        _w.Line("/// <exception cref=\"ArgumentException\"><paramref name=\"inputs\"/> is not a whole number of samples, or <paramref name=\"targets\"/> or <paramref name=\"gradient\"/> has the wrong length.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public " + T + " BackwardBatch(ReadOnlySpan<" + T + "> inputs, ReadOnlySpan<" + T + "> targets, Span<" + T + "> gradient)"))
        {
            _w.Line("int count = global::NetGen.SpanLength.SampleCount(nameof(inputs), inputs.Length, InputSize, nameof(targets), targets.Length, OutputSize);");
            _w.Line();
            WriteLengthCheck("gradient", "ParameterCount");
            WriteNonFiniteGuard("inputs", "targets");
            _w.Line(T + " loss = " + S.Zero + ";");
            if (_plan.Unrolled)
            {
                using (_w.Block("for (int s = 0; s < count; s++)"))
                {
                    _w.Line("loss += Backward(inputs.Slice(s * InputSize, InputSize), targets.Slice(s * OutputSize, OutputSize), gradient);");
                }

                _w.Line();
                _w.Line("return loss;");
                return;
            }

            BlockLayout layout = Block;
            _w.Line("Span<" + T + "> block = stackalloc " + T + "[" + layout.Size + "]; // δˡ and the inputs of the layers on the kernels, for up to four samples");
            using (_w.Block("for (int start = 0; start < count; start += global::NetGen.Kernels.VectorMath.OuterBlockSize)"))
            {
                _w.Line("int samples = Math.Min(global::NetGen.Kernels.VectorMath.OuterBlockSize, count - start);");
                using (_w.Block("for (int slot = 0; slot < samples; slot++)"))
                {
                    _w.Line("int s = start + slot;");
                    _w.Line("loss += BackwardIntoBlock(inputs.Slice(s * InputSize, InputSize), targets.Slice(s * OutputSize, OutputSize), gradient, block, slot);");
                }

                _w.Line();
                _w.Line("// ∂L/∂Wˡ += Σₖ δˡₖ (xˡₖ)ᵀ over the block: each row of ∂L/∂Wˡ read and written once for up to four samples");
                foreach (DenseLayerPlan layer in _plan.Layers.Where(l => !l.Unrolled))
                {
                    string inputsOfLayer = layer.Number == 1
                        ? "inputs.Slice(start * InputSize, samples * InputSize)"
                        : "block.Slice(" + layout.InputOffset[layer.Number] + ", samples * " + SizeName(LayerAt(layer.Number - 1)) + ")";
                    _w.Line(Kernel("AddOuterBlock") + "(gradient.Slice(" + layer.WeightOffset + ", " + (layer.Inputs * layer.Units) + "), block.Slice("
                        + layout.DeltaOffset[layer.Number] + ", samples * " + SizeName(layer) + "), " + inputsOfLayer + ", samples); // ∂L/∂W" + layer.Sup);
                }
            }

            _w.Line();
            _w.Line("return loss;");
        }

        _w.Line();
        WriteBackwardIntoBlock();
    }

    /// <summary>Backward's body for one sample of BackwardBatch: what a layer on the kernels adds to ∂L/∂Wˡ is left in the block instead.</summary>
    private void WriteBackwardIntoBlock()
    {
        _training = true;
        _w.Line("/// <summary>");
        _w.Line("/// <see cref=\"Backward\"/> for sample <paramref name=\"slot\"/> of a block of <see cref=\"BackwardBatch\"/>: ∂L/∂b and the written-out");
        _w.Line("/// layers' ∂L/∂W are added as Backward adds them; for each layer on the kernels δˡ and its input go to <paramref name=\"block\"/>.");
        _w.Line("/// </summary>");
        _w.Line(GeneratedCode);
        using (_w.Block("private " + T + " BackwardIntoBlock(ReadOnlySpan<" + T + "> input, ReadOnlySpan<" + T + "> target, Span<" + T + "> gradient, Span<" + T + "> block, int slot)"))
        {
            WriteBackwardBody(layer => layer.Unrolled ? Contribution.AddToGradient : Contribution.IntoBlock);
        }

        _w.Line();
        _training = false;
    }

    /// <summary>δˡ (and the layer's input for l ≥ 2) of this sample into the block; ∂L/∂bˡ added at once.</summary>
    private void WriteIntoBlock(DenseLayerPlan layer, Vector x, Vector d, string biases)
    {
        BlockLayout layout = Block;
        _w.Line(d.Name + ".CopyTo(block.Slice(" + Offset(layout.DeltaOffset[layer.Number], "slot * " + SizeName(layer)) + ", " + SizeName(layer) + ")); // δ"
            + layer.Sup + ", for ∂L/∂W" + layer.Sup + " += δ" + layer.Sup + " " + InputTransposed(layer) + " in BackwardBatch");
        if (layer.Number > 1)
        {
            string inputSize = SizeName(LayerAt(layer.Number - 1));
            _w.Line(x.Name + ".CopyTo(block.Slice(" + Offset(layout.InputOffset[layer.Number], "slot * " + inputSize) + ", " + inputSize + ")); // " + InputSymbol(layer));
        }

        _w.Line(Kernel("AddScaled") + "(gradient.Slice(" + biases + "), " + S.One + ", " + d.Name + "); // ∂L/∂b" + layer.Sup + " += δ" + layer.Sup);
    }
}
