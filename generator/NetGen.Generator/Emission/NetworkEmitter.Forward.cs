using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    /// <summary>
    /// What layer l reads: x for layer 1, else oˡ⁻¹ — or, while training, hˡ⁻¹ = oˡ⁻¹ ⊙ maskˡ⁻¹
    /// when a Dropout follows layer l − 1.
    /// </summary>
    private Vector Input(LayerPlan layer, Pass pass)
    {
        if (layer.Number == 1)
        {
            return X;
        }

        LayerPlan previous = LayerAt(layer.Number - 1);
        return pass != Pass.Inference && previous.HasDropout ? H(previous.Number) : O(previous.Number);
    }

    /// <summary>
    /// A vector of layer l that layer l + 1 reads too (oˡ, hˡ, maskˡ, and gˡ = Wˡ⁺¹ᵀδˡ⁺¹, which layer l + 1
    /// computes): one local per unit or a span, as the plan says.
    /// </summary>
    private Vector Shared(string name, int l) =>
        LayerAt(l).SharedVectorsAsLocals ? Vector.Locals(name + l) : Vector.Span(name + l);

    /// <summary>A vector only layer l reads (aˡ, δˡ, rˡ): locals when the layer is written out, a span otherwise.</summary>
    private Vector Own(string name, int l) => LayerAt(l).IsWrittenOut ? Vector.Locals(name + l) : Vector.Span(name + l);

    /// <summary>hˡ = oˡ ⊙ maskˡ: a layer's output after dropout, while training.</summary>
    private Vector H(int l) => Shared("h", l);

    private Vector Mask(int l) => Shared("mask", l);

    private Vector X => _plan.Layers[0].IsWrittenOut ? Vector.Locals("x", string.Empty) : Vector.Span("input");

    private Vector Y => _plan.Output.IsWrittenOut ? Vector.Locals("y", string.Empty) : Vector.Span("target");

    /// <summary>The pre-activation aˡ, or for a Maxout layer its pre-max values zˡ (one per row), named as in the equations.</summary>
    private Vector A(int l) => Own(LayerAt(l).IsMaxout ? "z" : "a", l);

    private Vector O(int l) => Shared("o", l);

    /// <summary>The name a layer's input has in equations: x, oˡ⁻¹, or hˡ⁻¹ after a dropout while training.</summary>
    private string InputSymbol(LayerPlan layer, Pass pass)
    {
        if (layer.Number == 1)
        {
            return "x";
        }

        bool dropped = pass != Pass.Inference && LayerAt(layer.Number - 1).HasDropout;
        return (dropped ? "h" : "o") + Superscript.Of(layer.Number - 1);
    }

    /// <summary>The transposed input in a gradient's equation: <c>xᵀ</c> for layer 1, <c>(o¹)ᵀ</c> or <c>(h¹)ᵀ</c> after it.</summary>
    private string InputTransposed(LayerPlan layer, Pass pass) => layer.Number == 1 ? "xᵀ" : "(" + InputSymbol(layer, pass) + ")ᵀ";

    private void WriteForward()
    {
        _w.Line("/// <summary>Computes the network's output for one sample.</summary>");
        _w.Line("/// <remarks>");
        foreach (LayerPlan layer in _plan.Layers)
        {
            _w.Line("/// " + LayerFormula(layer, Pass.Inference) + "<br/>");
        }

        _w.Lines($$"""
            /// </remarks>
            /// <param name="input">The <see cref="InputSize"/> input values.</param>
            /// <param name="output">Receives the <see cref="OutputSize"/> outputs.</param>
            /// <exception cref="global::System.ArgumentException">A span's length differs from <see cref="InputSize"/> or <see cref="OutputSize"/>.</exception>
            {{GeneratedCode}}
            """);
        using (_w.Block("public void Forward(" + S.ReadOnlySpan + " input, " + S.Span + " output)"))
        {
            WriteLengthCheck("input", "InputSize");
            WriteLengthCheck("output", "OutputSize");
            WriteParameterSpan();

            WriteForwardPass(Pass.Inference, outputSpan: "output");
            if (_plan.Output.IsWrittenOut)
            {
                Vector o = O(_plan.Output.Number);
                for (int i = 0; i < _plan.OutputSize; i++)
                {
                    _w.Line("output[" + i + "] = " + o[i] + ";");
                }
            }
        }

        _w.Line();
    }

    private string AffineFormula(LayerPlan layer, Pass pass) =>
        (layer.IsMaxout ? "z" : "a") + Sup(layer) + " = W" + Sup(layer) + InputSymbol(layer, pass) + " + b" + Sup(layer);

    /// <summary>A layer's two equations: <c>a¹ = W¹x + b¹, o¹ = tanh(a¹)</c>, or a Maxout's affine map and max.</summary>
    private string LayerFormula(LayerPlan layer, Pass pass) =>
        AffineFormula(layer, pass) + ", " + (layer.IsMaxout ? MaxoutFormula(layer) : ActivationCode.Formula(layer.Activation, Sup(layer), layer.Alpha));

    /// <summary><c>o¹ᵢ = maxⱼ z¹₍₃ᵢ₊ⱼ₎, j = 0…2</c>.</summary>
    private static string MaxoutFormula(LayerPlan layer) =>
        "o" + Sup(layer) + "ᵢ = maxⱼ z" + Sup(layer) + "₍" + Superscript.Subscript(layer.Pieces) + "ᵢ₊ⱼ₎, j = 0…" + (layer.Pieces - 1);

    /// <summary>
    /// Writes the forward pass: x (and y, while training), then for every layer aˡ = Wˡoˡ⁻¹ + bˡ and oˡ = f(aˡ).
    /// A last layer on the kernels writes into <paramref name="outputSpan"/> when one is given.
    /// </summary>
    private void WriteForwardPass(Pass pass, string? outputSpan)
    {
        bool readsTarget = pass != Pass.Inference && _plan.Output.IsWrittenOut;
        if (_plan.Layers[0].IsWrittenOut)
        {
            WriteLocals(X, "input", _plan.InputSize);
        }

        if (readsTarget)
        {
            WriteLocals(Y, "target", _plan.OutputSize);
        }

        if (_plan.Layers[0].IsWrittenOut || readsTarget)
        {
            _w.Line();
        }

        foreach (LayerPlan layer in _plan.Layers)
        {
            _w.Line("// Layer " + layer.Number + " — " + (layer.IsMaxout ? "Maxout " + layer.Units + "×" + layer.Pieces : "Dense " + layer.Units + ", " + layer.Activation) + ": "
                + LayerFormula(layer, pass));
            if (layer.IsWrittenOut)
            {
                WriteWrittenOutLayer(layer, pass);
            }
            else
            {
                WriteKernelLayer(layer, pass, layer.IsOutput ? outputSpan : null);
            }

            _w.Line();
            if (layer.HasDropout)
            {
                WriteDropout(layer, pass);
            }
        }
    }

    /// <summary>Inverted dropout on oˡ while training; a comment saying it is the identity otherwise.</summary>
    private void WriteDropout(LayerPlan layer, Pass pass)
    {
        string l = Sup(layer), p = InvariantNumber.Text(layer.DropoutRate), keep = S.Literal(1.0 / (1.0 - layer.DropoutRate));
        if (pass == Pass.Inference)
        {
            _w.Line("// Dropout after layer " + layer.Number + " (rate " + p + "): the identity outside training (inverted dropout scales while training instead).");
            _w.Line();
            return;
        }

        _w.Line("// Dropout after layer " + layer.Number + " (rate " + p + ", inverted): h" + l + " = o" + l + " ⊙ mask" + l
            + ", maskᵢ = 0 with probability " + p + ", else 1/(1 − " + p + ") = " + InvariantNumber.Text(1.0 / (1.0 - layer.DropoutRate)));
        Vector o = O(layer.Number), h = H(layer.Number), mask = Mask(layer.Number);
        string draw = "_dropout.NextDouble() < " + p + " ? " + S.Zero + " : " + keep;
        if (layer.IsWrittenOut)
        {
            DeclareIfSpan(mask, layer);
            DeclareIfSpan(h, layer);
            for (int i = 0; i < layer.Units; i++)
            {
                _w.Line(Declare(mask, mask[i]) + " = " + draw + ";");
            }

            for (int i = 0; i < layer.Units; i++)
            {
                _w.Line(Declare(h, h[i]) + " = " + o[i] + " * " + mask[i] + ";");
            }
        }
        else
        {
            DeclareSpan(mask, layer);
            DeclareSpan(h, layer);
            using (_w.Block("for (int i = 0; i < " + SizeName(layer) + "; i++)"))
            {
                _w.Line(mask["i"] + " = " + draw + ";");
                _w.Line(h["i"] + " = " + o["i"] + " * " + mask["i"] + ";");
            }
        }

        _w.Line();
    }

    /// <summary>
    /// <c>w</c>, the parameters as a span: a constant index into it is a plain load the JIT checks at
    /// compile time, where <c>_w[k]</c> would be a call to the inline array's accessor per parameter.
    /// </summary>
    private void WriteParameterSpan()
    {
        _w.Line(S.ReadOnlySpan + " w = _w; // θ, in math.md's flat order");
        _w.Line();
    }

    /// <summary>A SIMD kernel of the run-time library, with its type argument spelled out (C# 12 cannot infer it through a span conversion).</summary>
    private string Kernel(string name) => "global::NetGen.Kernels.VectorMath." + name + "<" + T + ">";

    /// <summary><c>float x0 = input[0], x1 = input[1], …;</c>, four to a line.</summary>
    private void WriteLocals(Vector vector, string span, int count)
    {
        for (int start = 0; start < count; start += 4)
        {
            IEnumerable<string> parts = Enumerable.Range(start, System.Math.Min(4, count - start))
                .Select(i => vector[i] + " = " + span + "[" + i + "]");
            _w.Line(T + " " + string.Join(", ", parts) + ";");
        }
    }

    private void WriteWrittenOutLayer(LayerPlan layer, Pass pass)
    {
        Vector x = Input(layer, pass), a = A(layer.Number), o = O(layer.Number);
        for (int r = 0; r < layer.Rows; r++)
        {
            IEnumerable<string> terms = Enumerable.Range(0, layer.Inputs)
                .Select(j => "w[" + layer.Weight(r, j) + "] * " + x[j])
                .Concat(new[] { "w[" + layer.Bias(r) + "]" });
            WriteSum(T + " " + a[r], terms);
        }

        switch (layer.ForwardActivation)
        {
            case ForwardActivationForm.Softmax:
                WriteWrittenOutSoftmax(layer);
                return;
            case ForwardActivationForm.Maxout:
                WriteWrittenOutMaxout(layer, pass);
                return;
            case ForwardActivationForm.ActivationKernel:
                WriteWrittenOutActivationKernel(layer, a, o);
                return;
        }

        DeclareIfSpan(o, layer);
        for (int i = 0; i < layer.Units; i++)
        {
            _w.Line(Declare(o, o[i]) + " = " + ActivationCode.Apply(layer.Activation, a[i], layer.Alpha, S) + ";");
        }
    }

    private void WriteWrittenOutSoftmax(LayerPlan layer)
    {
        int l = layer.Number;
        Vector a = A(l), o = O(l), e = Vector.Locals("e" + l);
        _w.Line();
        _w.Line("// Subtracting max a" + Sup(layer) + " keeps e^a from overflowing and does not change the quotient.");
        _w.Line(T + " max" + l + " = " + a[0] + ";");
        for (int i = 1; i < layer.Units; i++)
        {
            _w.Line("max" + l + " = " + S.Math + ".Max(max" + l + ", " + a[i] + ");");
        }

        for (int i = 0; i < layer.Units; i++)
        {
            _w.Line(T + " " + e[i] + " = " + S.Math + ".Exp(" + a[i] + " - max" + l + ");");
        }

        WriteSum(T + " sum" + l, Enumerable.Range(0, layer.Units).Select(i => e[i]));
        DeclareIfSpan(o, layer);
        for (int i = 0; i < layer.Units; i++)
        {
            _w.Line(Declare(o, o[i]) + " = " + e[i] + " / sum" + l + ";");
        }
    }

    /// <summary>
    /// Writes <c>target = t0 + t1 + …;</c> on one line when it is short; otherwise one term per line,
    /// or four short terms per line.
    /// </summary>
    private void WriteSum(string target, IEnumerable<string> terms)
    {
        List<string> list = terms.ToList();
        string single = target + " = " + string.Join(" + ", list) + ";";
        if (single.Length <= 120)
        {
            _w.Line(single);
            return;
        }

        int perLine = list.All(t => t.Length <= 24) ? 4 : 1;
        _w.Line(target + " =");
        using (_w.Indent())
        {
            for (int start = 0; start < list.Count; start += perLine)
            {
                string chunk = string.Join(" + ", list.Skip(start).Take(perLine));
                bool last = start + perLine >= list.Count;
                _w.Line((start == 0 ? string.Empty : "+ ") + chunk + (last ? ";" : string.Empty));
            }
        }
    }

    /// <summary><c>offset + (expression)</c>, or just the expression when the offset is 0.</summary>
    private static string Offset(int offset, string expression) =>
        offset == 0 ? expression : offset + " + (" + expression + ")";

    private void WriteKernelLayer(LayerPlan layer, Pass pass, string? outputSpan)
    {
        int l = layer.Number;
        string s = Sup(layer), a = A(l).Name, z = layer.IsMaxout ? "z" : "a";
        Vector x = Input(layer, pass);
        string size = SizeName(layer);
        _w.Line(S.Span + " " + a + " = stackalloc " + T + "[" + RowsName(layer) + "];" + (layer.IsMaxout ? " // " + layer.Pieces + " pieces per unit" : string.Empty));
        _w.Line(outputSpan is null
            ? S.Span + " o" + l + " = stackalloc " + T + "[" + size + "];"
            : S.Span + " o" + l + " = " + outputSpan + ";");
        _w.Line(Kernel("Multiply") + "(w.Slice(" + WeightRange(layer) + "), " + layer.Inputs + ", " + x.Name + ", " + a
            + "); // " + z + s + " = W" + s + InputSymbol(layer, pass) + ", in SIMD, four rows at a time");
        _w.Line(Kernel("AddScaled") + "(" + a + ", " + S.One + ", w.Slice(" + BiasRange(layer) + ")); // " + z + s + " += b" + s);
        switch (layer.ForwardActivation)
        {
            case ForwardActivationForm.ReLUKernel:
                _w.Line(Kernel("ReLU") + "(a" + l + ", o" + l + "); // o" + s + "ᵢ = a" + s + "ᵢ > 0 ? a" + s + "ᵢ : 0, in SIMD");
                return;
            case ForwardActivationForm.Softmax:
                WriteKernelSoftmax(layer);
                return;
            case ForwardActivationForm.Copy:
                _w.Line("a" + l + ".CopyTo(o" + l + "); // o" + s + " = a" + s);
                return;
            case ForwardActivationForm.ActivationKernel:
                WriteActivationKernel(layer);
                return;
            case ForwardActivationForm.Maxout:
                WriteKernelMaxout(layer, pass);
                return;
        }

        using (_w.Block("for (int i = 0; i < " + size + "; i++)"))
        {
            _w.Line("o" + l + "[i] = " + ActivationCode.Apply(layer.Activation, "a" + l + "[i]", layer.Alpha, S) + ";");
        }
    }

    /// <summary>oˡ = f(aˡ) over the whole layer by the run-time library's span activation (SIMD lanes for float).</summary>
    private void WriteActivationKernel(LayerPlan layer) => WriteActivationKernelCall(layer, "a" + layer.Number, "o" + layer.Number);

    /// <summary><c>BatchActivations.Tanh&lt;float&gt;(source, destination);</c> with the layer's equation as a comment.</summary>
    private void WriteActivationKernelCall(LayerPlan layer, string source, string destination)
    {
        string alpha = layer.Activation == ActivationKind.ELU ? ", " + S.Literal(layer.Alpha) : string.Empty;
        _w.Line("global::NetGen.Kernels.BatchActivations." + ActivationCode.SpanKernel(layer.Activation) + "<" + T + ">(" + source + ", " + destination + alpha
            + "); // " + ActivationCode.Formula(layer.Activation, Sup(layer), layer.Alpha) + ", element by element in SIMD");
    }

    /// <summary>
    /// A written-out layer's activation through the span activation: its aˡ locals into a stack span, f over the span,
    /// the outputs back into locals (or straight into oˡ where it is a span) — one SIMD pass instead of a MathF call per unit.
    /// </summary>
    private void WriteWrittenOutActivationKernel(LayerPlan layer, Vector a, Vector o)
    {
        int l = layer.Number;
        string t = "f" + l;
        _w.Line(S.Span + " " + t + " = stackalloc " + T + "[]");
        _w.Line("{");
        using (_w.Indent())
        {
            for (int start = 0; start < layer.Units; start += 8)
            {
                _w.Line(string.Join(", ", Enumerable.Range(start, System.Math.Min(8, layer.Units - start)).Select(i => a[i])) + ",");
            }
        }

        _w.Line("};");
        if (o.IsLocals)
        {
            WriteActivationKernelCall(layer, t, t);
            WriteLocals(o, t, layer.Units);
            return;
        }

        DeclareIfSpan(o, layer);
        WriteActivationKernelCall(layer, t, o.Name);
    }

    private void WriteKernelSoftmax(LayerPlan layer)
    {
        int l = layer.Number;
        string size = SizeName(layer);
        _w.Line();
        _w.Line("// Subtracting max a" + Sup(layer) + " keeps e^a from overflowing and does not change the quotient.");
        _w.Line(T + " max" + l + " = a" + l + "[0];");
        using (_w.Block("for (int i = 1; i < " + size + "; i++)"))
        {
            _w.Line("max" + l + " = " + S.Math + ".Max(max" + l + ", a" + l + "[i]);");
        }

        _w.Line();
        _w.Line(T + " sum" + l + " = " + S.Zero + ";");
        using (_w.Block("for (int i = 0; i < " + size + "; i++)"))
        {
            _w.Line("o" + l + "[i] = " + S.Math + ".Exp(a" + l + "[i] - max" + l + ");");
            _w.Line("sum" + l + " += o" + l + "[i];");
        }

        _w.Line();
        using (_w.Block("for (int i = 0; i < " + size + "; i++)"))
        {
            _w.Line("o" + l + "[i] /= sum" + l + ";");
        }
    }

    /// <summary>The winning row j*ᵢ of each unit of a Maxout layer, kept while training for the routing of δ: locals when it is written out.</summary>
    private Vector Winner(int l) => Own("win", l);

    /// <summary>oᵢ = maxⱼ z₍ₖᵢ₊ⱼ₎ unit by unit, the first piece that reaches the maximum winning; while training its row is kept.</summary>
    private void WriteWrittenOutMaxout(LayerPlan layer, Pass pass)
    {
        int l = layer.Number, k = layer.Pieces;
        Vector z = A(l), o = O(l), win = Winner(l);
        bool training = pass != Pass.Inference;
        _w.Line();
        _w.Line("// " + MaxoutFormula(layer) + ", the first piece that reaches the maximum winning: only the winning piece j*ᵢ receives δ");
        DeclareIfSpan(o, layer);
        for (int i = 0; i < layer.Units; i++)
        {
            int first = i * k;
            _w.Line(Declare(o, o[i]) + " = " + z[first] + ";");
            if (training)
            {
                _w.Line("int " + win[i] + " = " + first + ";");
            }

            for (int r = first + 1; r < first + k; r++)
            {
                _w.Line("if (" + z[r] + " > " + o[i] + ") { " + o[i] + " = " + z[r] + ";" + (training ? " " + win[i] + " = " + r + ";" : string.Empty) + " }");
            }
        }
    }

    /// <summary>
    /// The max over each unit's pieces in a loop over a slice of k values (its bound is the slice's length, so the JIT
    /// drops the bounds checks); while training the winning row goes to winˡ.
    /// </summary>
    private void WriteKernelMaxout(LayerPlan layer, Pass pass)
    {
        int l = layer.Number, k = layer.Pieces;
        string z = A(l).Name;
        bool training = pass != Pass.Inference;
        _w.Line();
        _w.Line("// " + MaxoutFormula(layer) + ", the first piece that reaches the maximum winning" + (training ? "; win" + Sup(layer) + "ᵢ = its row, the only one that receives δ" : string.Empty));
        if (training)
        {
            _w.Line("global::System.Span<int> win" + l + " = stackalloc int[" + SizeName(layer) + "];");
        }

        WriteMaxOverPieces("i", SizeName(layer), z, "o" + l, k, training ? "win" + l + "[i] = (i * " + k + ") + best;" : null);
    }

    /// <summary>
    /// <c>for (index …) { pieces = z.Slice(index·k, k); best = the first j reaching the max; o[index] = pieces[best]; }</c>
    /// over a slice of k values (its bound is the slice's length, so the JIT drops the bounds checks), with
    /// <paramref name="winner"/> (a statement that keeps the winning row) at the end of each pass when training.
    /// </summary>
    private void WriteMaxOverPieces(string index, string bound, string z, string o, int k, string? winner)
    {
        using (_w.Block("for (int " + index + " = 0; " + index + " < " + bound + "; " + index + "++)"))
        {
            _w.Line(S.ReadOnlySpan + " pieces = " + z + ".Slice(" + index + " * " + k + ", " + k + ");");
            _w.Line("int best = 0;");
            using (_w.Block("for (int j = 1; j < pieces.Length; j++)"))
            {
                using (_w.Block("if (pieces[j] > pieces[best])"))
                {
                    _w.Line("best = j;");
                }
            }

            _w.Line();
            _w.Line(o + "[" + index + "] = pieces[best];");
            if (winner is not null)
            {
                _w.Line(winner);
            }
        }
    }
}
