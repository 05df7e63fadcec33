using System.Linq;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

/// <summary>
/// The nested BatchScratch of a matrix-product network: its arrays (samples as rows), the transposed weights, and the
/// chunks of work ParallelChunks runs. What one chunk computes: <c>.BatchRows</c>.
/// </summary>
internal sealed partial class NetworkEmitter
{
    private void WriteBatchScratch()
    {
        string network = _plan.Hierarchy.Name;
        int groups = _plan.Layers.Max(l => (l.Rows + 3) / 4);
        string phases = TrainProducts ? "ForwardPhase = 0, TrainingPhase = 1, GradientPhase = 2" : "ForwardPhase = 0";
        string counters = TrainProducts ? "_phase, _count" : "_count";
        string trainingState = TrainProducts
            ? "/// <summary>Tiles of four rows of the widest W: ∂L/∂W cannot be cut into more chunks than this.</summary>\n"
              + "    private const int GradientRowGroups = " + groups + ";\n\n    "
            : string.Empty;
        _w.Lines($$"""
            /// <summary>
            /// What ForwardBatch and TrainBatch compute with: each layer's values for up to <see cref="Capacity"/> samples (samples
            /// as rows, row-major), Wᵀ of every layer for the forward products, and the summed gradient. A batch is cut into
            /// chunks of whole tiles of four samples (or, for ∂L/∂W, of four units) whose outputs no other chunk writes, and the
            /// kernels compute every element from its operands alone: the bits never depend on the chunks or the threads.
            /// </summary>
            {{GeneratedCode}}
            private sealed class BatchScratch : global::NetGen.Kernels.ISpanChunkJob<{{T}}>
            {
                /// <summary>The phases a chunk can run.</summary>
                public const int {{phases}};

                /// <summary>The most samples ForwardBatch runs through the scratch at once (it walks a larger batch block by block).</summary>
                public const int ForwardBlock = 256;

                /// <summary>Multiply-adds of one sample's forward pass, Σₗ rowsₗ × fan-inₗ: what decides whether a batch is worth more than one thread.</summary>
                private const long MultiplyAddsPerSample = {{MultiplyAddsPerSample}};

                {{trainingState}}private readonly {{network}} _network;
                private bool _transposed;
                private int {{counters}};

            """);
        using (_w.Indent())
        {
            WriteScratchFields();
            WriteScratchConstructor(network);
            WriteScratchControl(network);
            WriteForwardRows();
            if (TrainProducts)
            {
                if (_plan.HasDropout)
                {
                    WriteDrawMasks();
                }

                WriteTrainingRows();
                WriteWeightGradients();
            }
        }

        _w.Line("}");
    }

    /// <summary>A per-layer array of the scratch: its field name, element type, what it holds and its width per sample.</summary>
    private readonly record struct ScratchArray(string Field, string Type, string What, string Width);

    /// <summary>
    /// The per-layer arrays, in order: Z of a Maxout layer, A where <see cref="KeepsPreActivation"/>, O, and while TrainBatch
    /// computes products the mask and H after a dropout, a Maxout layer's winners, G where <see cref="NeedsG"/>, and Δ.
    /// The fields and the constructor are both written from this one list.
    /// </summary>
    private System.Collections.Generic.IEnumerable<ScratchArray> ScratchArrays()
    {
        foreach (LayerPlan layer in _plan.Layers)
        {
            string l = Sup(layer), size = SizeName(layer);
            if (layer.IsMaxout)
            {
                yield return new ScratchArray(BatchField("Z", layer), T, "Z" + l + ", every piece's affine value", RowsName(layer));
            }
            else if (KeepsPreActivation(layer))
            {
                yield return new ScratchArray(BatchField("A", layer), T, "A" + l + ", kept for the loss and f′ of the output layer", size);
            }

            yield return new ScratchArray(BatchField("O", layer), T, "O" + l, size);
            if (!TrainProducts)
            {
                continue;
            }

            if (layer.HasDropout)
            {
                yield return new ScratchArray(BatchField("Mask", layer), T, "mask" + l + ", drawn by DrawMasks", size);
                yield return new ScratchArray(BatchField("H", layer), T, "H" + l + " = O" + l + " ⊙ mask" + l + ", what layer " + (layer.Number + 1) + " reads while training", size);
            }

            if (layer.IsMaxout)
            {
                yield return new ScratchArray(BatchField("Win", layer), "int", "The winning row of each unit of layer " + layer.Number + ", for the routing of Δ", size);
            }

            if (NeedsG(layer))
            {
                yield return new ScratchArray(BatchField("G", layer), T, "G" + l + " = ∂L/∂O" + l + ", before the " + (layer.IsMaxout ? "routing" : "softmax Jacobian"), size);
            }

            yield return new ScratchArray(BatchField("D", layer), T, DeltaSymbol(layer).Replace("δ", "Δ") + " = ∂L/∂" + (layer.IsMaxout ? "Z" : "A") + l, RowsName(layer));
        }
    }

    /// <summary>The arrays of <see cref="ScratchArrays"/>, Wᵀ of every layer, the losses and the gradient.</summary>
    private void WriteScratchFields()
    {
        foreach (ScratchArray array in ScratchArrays())
        {
            _w.Line("/// <summary>" + array.What + ": Capacity × " + array.Width + " values.</summary>");
            _w.Line("public readonly " + array.Type + "[] " + array.Field + ";");
            _w.Line();
        }

        foreach (LayerPlan layer in _plan.Layers)
        {
            _w.Line("/// <summary>W" + Sup(layer) + "ᵀ [" + layer.Inputs + " × TransposedStride(" + layer.Rows + ")], for the forward product.</summary>");
            _w.Line("private readonly " + T + "[] " + BatchField("WT", layer) + " = new " + T + "[" + layer.Inputs + " * global::NetGen.Kernels.BatchMatrix.TransposedStride(" + RowsName(layer) + ")];");
            _w.Line();
        }

        if (TrainProducts)
        {
            _w.Lines($$"""
                /// <summary>Each sample's loss, summed in sample order by TrainBatch.</summary>
                public readonly {{T}}[] Losses;

                """);
        }

        if (_plan.Trainable)
        {
            _w.Lines($$"""
                /// <summary>Σₛ ∂Lₛ/∂θ of the last batch, in math.md's flat order.</summary>
                public readonly {{T}}[] Gradient = new {{T}}[ParameterCount];

                """);
        }
    }

    /// <summary>Whether TrainBatch keeps Gˡ = ∂L/∂Oˡ apart from Δˡ: a hidden Softmax or Maxout layer, a Maxout output.</summary>
    private static bool NeedsG(LayerPlan layer) =>
        layer.IsOutput ? layer.IsMaxout : layer.BatchDelta is BatchDeltaForm.ProductThenJacobian or BatchDeltaForm.ProductThenRouting;

    /// <summary>Whether TrainBatch keeps Aˡ beside Oˡ: the output layer when its loss or f′ reads the pre-activation (not Linear, not Maxout).</summary>
    private bool KeepsPreActivation(LayerPlan layer) =>
        TrainProducts && layer.IsOutput && layer.BatchForward is BatchForwardForm.ProductThenActivation or BatchForwardForm.ProductThenSoftmax;

    private void WriteScratchConstructor(string network)
    {
        using (_w.Block("private BatchScratch(" + network + " network, int capacity)"))
        {
            _w.Line("_network = network;");
            _w.Line("Capacity = capacity;");
            foreach (ScratchArray array in ScratchArrays())
            {
                _w.Line(array.Field + " = new " + array.Type + "[capacity * " + ActivationCode.Parenthesize(array.Width) + "];");
            }

            if (TrainProducts)
            {
                _w.Line("Losses = new " + T + "[capacity];");
            }
        }

        _w.Line();
    }

    /// <summary>For, WeightsChanged, TransposeWeightsIfChanged, Run and RunChunk: how the members drive the scratch.</summary>
    private void WriteScratchControl(string network)
    {
        _w.Lines($$"""
            /// <summary>How many samples the arrays hold.</summary>
            public int Capacity { get; }

            /// <summary>The network's scratch, made anew when it does not exist yet or holds fewer than <paramref name="count"/> samples.</summary>
            public static BatchScratch For(ref BatchScratch? scratch, {{network}} network, int count)
            {
                if (scratch is null || scratch.Capacity < count)
                {
                    scratch = new BatchScratch(network, count);
                }

                return scratch;
            }

            /// <summary>Rows first … first + count − 1 of a scratch array of <paramref name="width"/> values per sample.</summary>
            private static global::System.Span<TValue> Rows<TValue>(TValue[] array, int first, int count, int width) => new(array, first * width, count * width);

            /// <summary>θ has changed: Wᵀ is redone before the next batch.</summary>
            public void WeightsChanged() => _transposed = false;

            /// <summary>Wᵀ of every layer from θ, unless θ has not changed since the last time.</summary>
            public void TransposeWeightsIfChanged()
            {
                if (_transposed)
                {
                    return;
                }

                {{S.ReadOnlySpan}} w = _network._w;
            """);
        using (_w.Indent())
        {
            foreach (LayerPlan layer in _plan.Layers)
            {
                _w.Line("global::NetGen.Kernels.BatchMatrix.TransposeWeights<" + T + ">(w.Slice(" + WeightRange(layer) + "), " + layer.Inputs + ", " + BatchField("WT", layer) + "); // W" + Sup(layer) + "ᵀ");
            }

            _w.Line("_transposed = true;");
        }

        string trainingWork = TrainProducts ? "phase == TrainingPhase ? 2 * MultiplyAddsPerSample : " : string.Empty;
        string groups = TrainProducts ? "phase == GradientPhase ? GradientRowGroups : " : string.Empty;
        _w.Lines($$"""
            }

            /// <summary>
            /// Runs a phase over <paramref name="count"/> samples in as many chunks as threads may take, but never more than
            /// Parallelism.ChunkCount gives for the work (so a small batch stays on the calling thread).
            /// </summary>
            public void Run(int phase, int count, {{S.ReadOnlySpan}} first, {{S.ReadOnlySpan}} second)
            {
                {{(TrainProducts ? "_phase = phase;\n    " : string.Empty)}}_count = count;
                int degree = global::NetGen.Kernels.Parallelism.DegreeOfParallelism;
                long work = count * ({{trainingWork}}MultiplyAddsPerSample);
                int groups = {{groups}}(count + 3) / 4;
                int chunks = global::System.Math.Min(degree, global::NetGen.Kernels.Parallelism.ChunkCount(work, groups));
                global::NetGen.Kernels.ParallelChunks.Run(this, chunks, first, second, degree);
            }

            /// <inheritdoc/>
            public void RunChunk(int chunk, int chunkCount, {{S.ReadOnlySpan}} first, {{S.ReadOnlySpan}} second)
            {
            """);
        using (_w.Indent())
        {
            if (TrainProducts)
            {
                _w.Lines("""
                    if (_phase == GradientPhase)
                    {
                        WeightGradients(chunk, chunkCount, first);
                        return;
                    }

                    """);
            }

            _w.Lines($$"""
                global::NetGen.Kernels.ChunkRange samples = global::NetGen.Kernels.ChunkRange.Of(_count, chunkCount, chunk, 4);
                if (samples.Length == 0)
                {
                    return;
                }

                """);
            if (TrainProducts)
            {
                _w.Lines("""
                    if (_phase == TrainingPhase)
                    {
                        TrainingRows(samples.Start, samples.Length, first, second);
                        return;
                    }

                    """);
            }

            _w.Line("ForwardRows(samples.Start, samples.Length, first);");
        }

        _w.Line("}");
        _w.Line();
    }

    /// <summary>The dropout masks of a batch, drawn in TrainStep's order: sample after sample, each sample's layers in order.</summary>
    private void WriteDrawMasks()
    {
        _w.Line();
        _w.Line("/// <summary>Every dropout mask of the batch, in TrainStep's order: sample after sample, layer after layer (maskᵢ = 0 with probability p, else 1/(1 − p)).</summary>");
        using (_w.Block("public void DrawMasks(int count)"))
        {
            using (_w.Block("for (int s = 0; s < count; s++)"))
            {
                foreach (LayerPlan layer in _plan.Layers.Where(l => l.HasDropout))
                {
                    string p = InvariantNumber.Text(layer.DropoutRate), keep = S.Literal(1.0 / (1.0 - layer.DropoutRate));
                    _w.Line(S.Span + " mask" + layer.Number + " = Rows(" + BatchField("Mask", layer) + ", s, 1, " + SizeName(layer) + ");");
                    using (_w.Block("for (int i = 0; i < " + SizeName(layer) + "; i++)"))
                    {
                        _w.Line("mask" + layer.Number + "[i] = _network._dropout.NextDouble() < " + p + " ? " + S.Zero + " : " + keep + ";");
                    }
                }
            }
        }
    }
}
