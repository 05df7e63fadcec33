using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Onnx;

/// <summary>
/// Reads an ONNX graph as a chain of layers: the layout NetGen writes, and what <c>torch.onnx.export</c> writes for
/// an <c>nn.Sequential</c> of <c>nn.Linear</c> and activations (Gemm, or MatMul + Add with the weight stored
/// transposed or behind a Transpose; Constant nodes; Identity, Flatten and inference Dropout passed through).
/// Every node must read the previous node's output: branches, skips and other operators are refused by name.
/// </summary>
internal sealed class OnnxLayerMatcher
{
    private readonly OnnxModelFile _model;
    private readonly string? _fileName;
    private readonly Dictionary<string, (OnnxTensor Tensor, bool Transposed)> _constants = new(StringComparer.Ordinal);
    private readonly List<FileLayer> _layers = new();
    private readonly long _opset;

    private FileLayer? _pending;
    private bool _pendingAwaitsBias;
    private OnnxNode? _pendingGreater;
    private OnnxNode? _pendingReshape;
    private string _current = "";

    private OnnxLayerMatcher(OnnxModelFile model, long opset, string? fileName)
    {
        _model = model;
        _opset = opset;
        _fileName = fileName;
    }

    public static List<FileLayer> Match(OnnxModelFile model, string? fileName)
    {
        if (!model.HasGraph)
        {
            throw new OnnxFormatException("The file has no graph: it is not an ONNX model.", fileName);
        }

        if (!model.Opsets.TryGetValue("", out long opset))
        {
            throw new OnnxFormatException("The file imports no ai.onnx opset (opset_import), so its operators have no defined meaning.", fileName);
        }

        if (opset < OnnxOperators.OldestReadOpset || opset > OnnxOperators.NewestReadOpset)
        {
            throw new OnnxFormatException(
                $"The file uses ai.onnx opset {opset}; NetGen reads opsets {OnnxOperators.OldestReadOpset} to {OnnxOperators.NewestReadOpset}.", fileName);
        }

        if (model.HasSparseInitializers)
        {
            throw new OnnxFormatException("The file has sparse initializers; NetGen reads only dense weights.", fileName);
        }

        var matcher = new OnnxLayerMatcher(model, opset, fileName);
        matcher.Walk();
        return matcher._layers;
    }

    private void Walk()
    {
        foreach ((string name, OnnxTensor tensor) in _model.Initializers)
        {
            _constants[name] = (tensor, false);
        }

        OnnxValueInfo[] inputs = _model.Inputs.Where(i => !_constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
        {
            throw Error(
                $"The graph has {inputs.Length} data inputs ({string.Join(", ", inputs.Select(i => "'" + i.Name + "'"))}); a multilayer perceptron has exactly one.");
        }

        _current = inputs[0].Name;
        foreach (OnnxNode node in _model.Nodes)
        {
            Visit(node);
        }

        if (_pendingGreater is { } greater)
        {
            throw Error($"Node {greater.Display} is not followed by a Cast, so it is not a Step activation.", greater.Id);
        }

        if (_pendingReshape is { } reshape)
        {
            throw Error($"Node {reshape.Display} is not followed by a ReduceMax, so it is not a Maxout layer.", reshape.Id);
        }

        Finish();
        if (_layers.Count == 0)
        {
            throw Error("The graph has no Gemm or MatMul node: it has no layer NetGen can read.");
        }

        if (_model.Outputs.Count != 1 || _model.Outputs[0].Name != _current)
        {
            throw Error(
                $"The graph's outputs are {string.Join(", ", _model.Outputs.Select(o => "'" + o.Name + "'"))}, but its chain of layers ends in '{_current}'; " +
                "a multilayer perceptron has one output, the last layer's.");
        }
    }

    private void Visit(OnnxNode node)
    {
        if (node.Domain.Length > 0)
        {
            throw Error($"Node {node.Display} is from the operator domain '{node.Domain}'; NetGen reads only ai.onnx operators ({OnnxOperators.Supported}).", node.Id);
        }

        if (node.Outputs.Count == 0)
        {
            throw Error($"Node {node.Display} has no output.", node.Id);
        }

        if (node.OpType == "Constant")
        {
            _constants[node.Outputs[0]] = (ConstantValue(node), false);
            return;
        }

        if (node.Inputs.Count > 0 && _constants.TryGetValue(node.Inputs[0], out var constant) && node.OpType is "Transpose" or "Identity")
        {
            // A node over an initializer (PyTorch writes Identity for shared weights; the dynamo exporter may leave
            // the Transpose of nn.Linear's weight unfolded) is itself a constant.
            bool transposes = node.OpType == "Transpose";
            if (transposes && (constant.Tensor.Dims.Count != 2 || !IsPlainTranspose(node)))
            {
                throw Error($"Node {node.Display} transposes '{node.Inputs[0]}' of shape {constant.Tensor.Shape} other than as a matrix; NetGen reads only 2-D weight transposes.", node.Id);
            }

            _constants[node.Outputs[0]] = (constant.Tensor, constant.Transposed ^ transposes);
            return;
        }

        string[] data = node.Inputs.Where(i => i.Length > 0 && !_constants.ContainsKey(i)).ToArray();
        if (data.Length != 1 || data[0] != _current || (node.OpType != "Add" && node.Inputs[0] != _current))
        {
            throw Error(
                $"Node {node.Display} reads {string.Join(", ", node.Inputs.Select(i => "'" + i + "'"))}, but the chain of layers is at '{_current}': " +
                "NetGen reads a plain sequence of layers, each node reading the previous node's output (and constants).",
                node.Id);
        }

        if (_pendingGreater is { } greater && node.OpType != "Cast")
        {
            throw Error($"Node {greater.Display} is followed by {node.Display}, not by a Cast, so it is not a Step activation.", node.Id);
        }

        if (_pendingReshape is { } reshape && node.OpType != "ReduceMax")
        {
            throw Error($"Node {reshape.Display} is followed by {node.Display}, not by a ReduceMax, so it is not a Maxout layer.", node.Id);
        }

        switch (node.OpType)
        {
            case "Gemm":
                Finish();
                StartGemm(node);
                break;
            case "MatMul":
                Finish();
                StartMatMul(node);
                break;
            case "Add":
                AddBias(node);
                break;
            case "Greater":
                StartStep(node);
                break;
            case "Cast":
                FinishStep(node);
                break;
            case "Reshape":
                StartMaxout(node);
                break;
            case "ReduceMax":
                FinishMaxout(node);
                break;
            case "Identity" or "Dropout":
                break;
            case "Flatten":
                long axis = IntAttribute(node, "axis", 1);
                if (axis != 1 && axis != -1)
                {
                    throw Error($"Node {node.Display} flattens from axis {axis}; on a [batch, features] tensor only axis 1 leaves it unchanged.", node.Id);
                }

                break;
            default:
                if (!OnnxOperators.TryActivationOf(node.OpType, out Activation activation))
                {
                    throw Error($"Node {node.Display} is a {node.OpType} operator, which NetGen does not read; it reads {OnnxOperators.Supported}.", node.Id);
                }

                Activate(node, activation);
                break;
        }

        _current = node.Outputs[0];
    }

    private void StartGemm(OnnxNode node)
    {
        if (IntAttribute(node, "transA", 0) != 0)
        {
            throw Error($"Node {node.Display} has transA = 1; a layer multiplies the [batch, features] input as it is.", node.Id);
        }

        foreach (string scale in new[] { "alpha", "beta" })
        {
            float value = FloatAttribute(node, scale, 1f);
            if (value != 1f)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"Node {node.Display} has {scale} = {value}; NetGen reads Gemm layers with alpha = beta = 1."), node.Id);
            }
        }

        // With transB = 1 Gemm multiplies by Bᵀ, so B is W [rows, in]; a Transpose node in front flips that again.
        (OnnxTensor tensor, bool viaTranspose) = Constant(node, 1, "weight");
        FileLayer layer = NewLayer(node, tensor, (IntAttribute(node, "transB", 0) == 0) ^ viaTranspose);
        if (node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
        {
            layer.Bias = BiasTensor(node, node.Inputs[2], layer.Rows);
        }

        _pending = layer;
    }

    private void StartMatMul(OnnxNode node)
    {
        // MatMul multiplies by B [in, rows] = Wᵀ, unless B is a Transpose node over W itself.
        (OnnxTensor tensor, bool viaTranspose) = Constant(node, 1, "weight");
        _pending = NewLayer(node, tensor, !viaTranspose);
        _pendingAwaitsBias = true;
    }

    private FileLayer NewLayer(OnnxNode node, OnnxTensor weight, bool storedTransposed)
    {
        if (weight.Dims.Count != 2)
        {
            throw Error($"Node {node.Display} multiplies by '{weight.Name}' of shape {weight.Shape}; a layer's weight is a matrix.", node.Id);
        }

        return new FileLayer(node, weight, storedTransposed);
    }

    private void AddBias(OnnxNode node)
    {
        if (_pending is not { } layer || !_pendingAwaitsBias)
        {
            throw Error($"Node {node.Display} adds to '{_current}', which is not a MatMul's product; NetGen reads Add only as a layer's bias.", node.Id);
        }

        string other = node.Inputs.Count == 2 ? (node.Inputs[0] == _current ? node.Inputs[1] : node.Inputs[0]) : "";
        layer.Bias = BiasTensor(node, other, layer.Rows);
        _pendingAwaitsBias = false;
    }

    private void Activate(OnnxNode node, Activation activation)
    {
        FileLayer layer = PendingFor(node);
        layer.Activation = activation;
        layer.ActivationNode = node;
        if (activation == Activation.Softmax)
        {
            long axis = IntAttribute(node, "axis", _opset >= 13 ? -1 : 1);
            if (axis != 1 && axis != -1)
            {
                throw Error($"Node {node.Display} has axis = {axis}; a layer's Softmax runs over its units, axis 1 (or -1) of [batch, units].", node.Id);
            }
        }

        if (OnnxOperators.HasAlpha(activation))
        {
            layer.Alpha = FloatAttribute(node, "alpha", OnnxOperators.DefaultAlpha(activation));
        }

        _layers.Add(layer);
        _pending = null;
    }

    private void StartStep(OnnxNode node)
    {
        PendingFor(node);
        (OnnxTensor threshold, _) = Constant(node, 1, "threshold");
        if (threshold.ElementCount != 1 || threshold.ToDoubles(1, single: false, _fileName)[0] != 0)
        {
            throw Error($"Node {node.Display} compares with '{threshold.Name}', which is not the single value 0 of a Step activation.", node.Id);
        }

        _pendingGreater = node;
    }

    private void FinishStep(OnnxNode node)
    {
        if (_pendingGreater is null)
        {
            throw Error($"Node {node.Display} is a Cast that does not follow a Greater; NetGen reads Cast only as the end of a Step activation.", node.Id);
        }

        long to = IntAttribute(node, "to", 0);
        if (to is not (OnnxDataType.Float or OnnxDataType.Double))
        {
            throw Error($"Node {node.Display} casts to {OnnxDataType.Name((int)to)}; a Step activation casts to FLOAT or DOUBLE.", node.Id);
        }

        _pendingGreater = null;
        Activate(node, Activation.Step);
    }

    private void StartMaxout(OnnxNode node)
    {
        FileLayer layer = PendingFor(node);
        (OnnxTensor shapeTensor, _) = Constant(node, 1, "shape");
        long[] shape = shapeTensor.ToInt64s(8, _fileName);
        if (shape.Length != 3 || shape[0] is not (0 or -1) || shape[1] < 1 || shape[2] < 2 || shape[1] * shape[2] != layer.Rows)
        {
            throw Error(
                $"Node {node.Display} reshapes the {layer.Rows} values of a layer to [{string.Join(", ", shape)}]; a Maxout layer reshapes them to [0 or -1, units, pieces ≥ 2] with units × pieces = {layer.Rows}.",
                node.Id);
        }

        layer.MaxoutUnits = (int)shape[1];
        layer.Pieces = (int)shape[2];
        _pendingReshape = node;
    }

    private void FinishMaxout(OnnxNode node)
    {
        if (_pendingReshape is null || _pending is not { } layer)
        {
            throw Error($"Node {node.Display} is a ReduceMax that does not follow a Reshape; NetGen reads ReduceMax only as the max of a Maxout layer.", node.Id);
        }

        List<long> axes = node.Attributes.TryGetValue("axes", out OnnxAttribute? attribute) ? attribute.Ints : new List<long>();
        if (node.Inputs.Count > 1 && node.Inputs[1].Length > 0)
        {
            axes = Constant(node, 1, "axes").Tensor.ToInt64s(8, _fileName).ToList();
        }

        if (axes.Count != 1 || axes[0] is not (2 or -1) || IntAttribute(node, "keepdims", 1) != 0)
        {
            throw Error(
                $"Node {node.Display} reduces axes [{string.Join(", ", axes)}] with keepdims = {IntAttribute(node, "keepdims", 1)}; a Maxout layer takes the max over axis 2 (or -1) with keepdims = 0.",
                node.Id);
        }

        _pendingReshape = null;
        layer.Kind = LayerKind.Maxout;
        layer.ActivationNode = node;
        _layers.Add(layer);
        _pending = null;
    }

    /// <summary>A pending affine layer with no activation yet is Linear.</summary>
    private void Finish()
    {
        if (_pending is { } layer)
        {
            _layers.Add(layer);
            _pending = null;
        }

        _pendingAwaitsBias = false;
    }

    private FileLayer PendingFor(OnnxNode node)
    {
        _pendingAwaitsBias = false;
        return _pending ?? throw Error(
            $"Node {node.Display} applies {node.OpType} to '{_current}', which is not a layer's affine output (Gemm or MatMul + Add): " +
            "NetGen reads one activation per layer.",
            node.Id);
    }

    private OnnxTensor BiasTensor(OnnxNode node, string name, long rows)
    {
        if (!_constants.TryGetValue(name, out var bias) || bias.Transposed)
        {
            throw Error($"Node {node.Display} adds '{name}', which is not an initializer or Constant; a layer's bias is stored in the file.", node.Id);
        }

        bool fits = bias.Tensor.Dims.Count switch
        {
            1 => bias.Tensor.Dims[0] == rows,
            2 => bias.Tensor.Dims[0] == 1 && bias.Tensor.Dims[1] == rows,
            _ => false,
        };
        return fits
            ? bias.Tensor
            : throw Error($"Node {node.Display} adds '{name}' of shape {bias.Tensor.Shape}; the layer's bias has shape [{rows}] (or [1, {rows}]).", node.Id);
    }

    private (OnnxTensor Tensor, bool Transposed) Constant(OnnxNode node, int index, string role)
    {
        string name = node.Inputs.Count > index ? node.Inputs[index] : "";
        return _constants.TryGetValue(name, out var constant)
            ? constant
            : throw Error($"Node {node.Display} takes its {role} from '{name}', which is not an initializer or Constant.", node.Id);
    }

    private OnnxTensor ConstantValue(OnnxNode node)
    {
        if (node.Attributes.TryGetValue("value", out OnnxAttribute? value) && value.Tensor is { } tensor)
        {
            tensor.Name = node.Outputs[0];
            return tensor;
        }

        if (node.Attributes.TryGetValue("value_float", out OnnxAttribute? single) && single.HasFloat)
        {
            var scalar = new OnnxTensor { Name = node.Outputs[0], DataType = OnnxDataType.Float };
            scalar.FloatData.Add(BitConverter.GetBytes(single.Float));
            return scalar;
        }

        if (node.Attributes.TryGetValue("value_ints", out OnnxAttribute? ints))
        {
            var list = new OnnxTensor { Name = node.Outputs[0], DataType = OnnxDataType.Int64 };
            list.Dims.Add(ints.Ints.Count);
            list.Int64Data.AddRange(ints.Ints);
            return list;
        }

        throw Error($"Node {node.Display} is a Constant without a 'value' tensor (or value_float, value_ints); NetGen reads only those.", node.Id);
    }

    private static bool IsPlainTranspose(OnnxNode node) =>
        !node.Attributes.TryGetValue("perm", out OnnxAttribute? perm) || perm.Ints.SequenceEqual(new long[] { 1, 0 });

    private static long IntAttribute(OnnxNode node, string name, long fallback) =>
        node.Attributes.TryGetValue(name, out OnnxAttribute? attribute) && attribute.HasInt ? attribute.Int : fallback;

    private static float FloatAttribute(OnnxNode node, string name, float fallback) =>
        node.Attributes.TryGetValue(name, out OnnxAttribute? attribute) && attribute.HasFloat ? attribute.Float : fallback;

    private OnnxFormatException Error(string message, string? node = null) => new(message, _fileName, node);
}
