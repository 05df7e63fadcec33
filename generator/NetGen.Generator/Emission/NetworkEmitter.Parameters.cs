using System;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Planning;

namespace NetGen.Generator.Emission;

internal sealed partial class NetworkEmitter
{
    private void WriteParameters()
    {
        _w.Line("/// <summary>Copies every parameter, in math.md's flat order (per layer: W row-major, then b), into <paramref name=\"destination\"/>.</summary>");
        _w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/>'s length differs from <see cref=\"ParameterCount\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public void GetParameters(" + S.Span + " destination)"))
        {
            WriteLengthCheck("destination", "ParameterCount");
            _w.Line("((" + S.ReadOnlySpan + ")_w).CopyTo(destination);");
        }

        _w.Line();
        _w.Line("/// <summary>Replaces every parameter, in math.md's flat order (per layer: W row-major, then b), from <paramref name=\"source\"/>.</summary>");
        _w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"source\"/>'s length differs from <see cref=\"ParameterCount\"/>.</exception>");
        _w.Line(GeneratedCode);
        using (_w.Block("public void SetParameters(" + S.ReadOnlySpan + " source)"))
        {
            WriteLengthCheck("source", "ParameterCount");
            WriteWeightsChanged();
            _w.Line("source.CopyTo(_w);");
        }

        _w.Line();
        WriteInitializeParameters();
        WriteWeightFiles();
    }

    /// <summary>Save and load in the safetensors format, without spelling out the type arguments of <c>SafeTensors</c>.</summary>
    private void WriteWeightFiles()
    {
        string Call(string method) => "global::NetGen.Serialization.SafeTensors." + method + "<" + _plan.Hierarchy.Name + ", " + T + ">(this, path)";
        _w.Line("/// <summary>Saves every parameter to a safetensors file: <c>layers.{k}.weight</c> [out, in] and <c>layers.{k}.bias</c> [out] per Dense layer (written to a temporary file, then renamed).</summary>");
        _w.Line(GeneratedCode);
        _w.Line("public void SaveWeights(string path) => " + Call("Save") + ";");
        _w.Line();
        _w.Line("/// <summary>Loads every parameter from a safetensors file (float or double), checking names, dtypes and shapes first; on any problem it throws and leaves the parameters as they were.</summary>");
        _w.Line("/// <returns>The file's <c>__metadata__</c>.</returns>");
        _w.Line(GeneratedCode);
        _w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, string> LoadWeights(string path) => " + Call("Load") + ";");
        _w.Line();
        WriteOnnxFiles();
    }

    /// <summary>Export to and import from ONNX, forwarding to <c>NetGen.Onnx.OnnxModel</c>.</summary>
    private void WriteOnnxFiles()
    {
        string Call(string method, string argument) => "global::NetGen.Onnx.OnnxModel." + method + "<" + _plan.Hierarchy.Name + ", " + T + ">(this, " + argument + ")";
        const string Graph = "one Gemm (transB = 1) per layer over <c>layers.{k}.weight</c> [out, in] and <c>layers.{k}.bias</c>, then the activation's operator; dropout left out; batch dimension symbolic (docs/onnx.md)";
        const string Check = "checking first that its layers (sizes, activations, α, Softmax at the output) are the ones this class declares; on any mismatch it throws <see cref=\"global::NetGen.Onnx.OnnxFormatException\"/> and leaves the parameters as they were";
        foreach ((string parameter, string type, string where) in new[] { ("path", "string", "a file (written to a temporary file, then renamed)"), ("stream", "global::System.IO.Stream", "a stream, from its position") })
        {
            _w.Line("/// <summary>Exports the network as an ONNX model (IR 7, opset 13) to " + where + ": " + Graph + ".</summary>");
            _w.Line(GeneratedCode);
            _w.Line("public void SaveOnnx(" + type + " " + parameter + ") => " + Call("Save", parameter) + ";");
            _w.Line();
        }

        foreach ((string parameter, string type, string where) in new[] { ("path", "string", "a file"), ("stream", "global::System.IO.Stream", "a stream, to its end") })
        {
            _w.Line("/// <summary>Loads every parameter from an ONNX model in " + where + " (NetGen's layout, or torch.onnx.export's for nn.Linear layers), " + Check + ".</summary>");
            _w.Line("/// <returns>The model's metadata_props.</returns>");
            _w.Line(GeneratedCode);
            _w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, string> LoadOnnx(" + type + " " + parameter + ") => " + Call("Load", parameter) + ";");
            _w.Line();
        }
    }

    private void WriteInitializeParameters()
    {
        _w.Line("/// <summary>");
        _w.Line("/// Weights uniform in (−r, r) from <paramref name=\"seed\"/> — Glorot, r = √(6/(fan-in + fan-out)), for Linear,");
        _w.Line("/// Sigmoid, Tanh, Softmax (and Softplus, Exponential, Step) layers; He, r = √(6/fan-in), for the ReLU family —");
        _w.Line("/// and zero biases. The same seed gives the same parameters on every machine.");
        _w.Line("/// </summary>");
        _w.Line(GeneratedCode);
        using (_w.Block("public void InitializeParameters(int seed)"))
        {
            WriteWeightsChanged();
            _w.Line("var random = new global::NetGen.DeterministicRandom(seed);");
            _w.Line(S.Span + " w = _w;");
            foreach (LayerPlan layer in _plan.Layers)
            {
                // A Maxout layer: Glorot over its [units·pieces × fan-in] matrix (math.md).
                bool he = !layer.IsMaxout && ActivationFacts.UsesHeInitialization(layer.Activation);
                double limit = he ? Math.Sqrt(6.0 / layer.Inputs) : Math.Sqrt(6.0 / (layer.Inputs + layer.Rows));
                string rule = he
                    ? "He, r = √(6/" + layer.Inputs + ")"
                    : "Glorot, r = √(6/(" + layer.Inputs + " + " + layer.Rows + "))";
                _w.Line("random.FillUniform(w.Slice(" + WeightRange(layer) + "), " + InvariantNumber.Text(limit) + "); // W" + Sup(layer) + ": " + rule);
                _w.Line("w.Slice(" + BiasRange(layer) + ").Clear(); // b" + Sup(layer) + " = 0");
            }

            if (_plan.Trainable)
            {
                _w.Line("ResetOptimizerState();");
            }
        }

        _w.Line();
    }
}
