using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace NetGen.Onnx;

/// <summary>
/// Builds the bytes of an ONNX model (IR version 7, opset 13) for a network's inference graph: per layer k a
/// <c>Gemm</c> (transB = 1) over the initializers <c>layers.k.weight</c> [rows, in] and <c>layers.k.bias</c> [rows],
/// then the activation's operator (Maxout: <c>Reshape</c> to [batch, units, pieces] and <c>ReduceMax</c> over the
/// pieces). Inputs and outputs are [batch, width] with a symbolic batch dimension.
/// </summary>
internal static class OnnxExporter
{
    /// <summary>The graph's input and output names.</summary>
    public const string InputName = "input";

    /// <summary>The graph's output name.</summary>
    public const string OutputName = "output";

    /// <summary>The symbolic batch dimension.</summary>
    public const string BatchDimension = "batch";

    private const int AttributeFloat = 1;
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    public static byte[] Build<TNet, T>(TNet network)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NetworkLayout layout = NetworkLayout.Of<TNet, T>();
        var parameters = new T[layout.ParameterCount];
        network.GetParameters(parameters);
        int elementType = layout.Single ? OnnxDataType.Float : OnnxDataType.Double;

        var graph = new ProtoWriter();
        string current = InputName;
        for (int k = 0; k < layout.Layers.Length; k++)
        {
            LayerDescription layer = layout.Layers[k];
            string prefix = "layers." + k.ToString(CultureInfo.InvariantCulture);
            string output = k == layout.Layers.Length - 1 ? OutputName : prefix + ".output";
            int offset = layout.Offsets[k];
            graph.WriteMessage(5, Tensor(prefix + ".weight", new long[] { layer.Rows, layer.Inputs }, parameters.AsSpan(offset, layer.WeightCount), layout.Single));
            graph.WriteMessage(5, Tensor(prefix + ".bias", new long[] { layer.Rows }, parameters.AsSpan(offset + layer.WeightCount, layer.Rows), layout.Single));

            var transB = Attribute("transB", AttributeInt);
            transB.WriteInt64(3, 1);
            graph.WriteMessage(1, Node(prefix + ".gemm", "Gemm", new[] { current, prefix + ".weight", prefix + ".bias" }, prefix + ".affine", transB));
            WriteActivation(graph, layer, prefix, prefix + ".affine", output, elementType);
            current = output;
        }

        graph.WriteString(2, layout.Name);
        graph.WriteString(10, layout.ArchitectureLine());
        graph.WriteMessage(11, ValueInfo(InputName, elementType, layout.InputSize));
        graph.WriteMessage(12, ValueInfo(OutputName, elementType, layout.OutputSize));

        var model = new ProtoWriter();
        model.WriteInt64(1, OnnxOperators.WrittenIrVersion);
        model.WriteString(2, "NetGen");
        model.WriteString(3, ProducerVersion());
        model.WriteString(6, layout.ArchitectureLine());
        model.WriteMessage(7, graph);
        var opset = new ProtoWriter();
        opset.WriteString(1, "");
        opset.WriteInt64(2, OnnxOperators.WrittenOpset);
        model.WriteMessage(8, opset);
        model.WriteMessage(14, Entry("netgen.network", layout.Name));
        model.WriteMessage(14, Entry("netgen.architecture", layout.ArchitectureLine()));
        model.WriteMessage(14, Entry("netgen.loss", layout.Loss.ToString()));
        model.WriteMessage(14, Entry("netgen.precision", layout.Single ? "float" : "double"));
        return model.ToArray();
    }

    /// <summary>NetGen's version (the assembly's informational version without a source-control suffix).</summary>
    public static string ProducerVersion()
    {
        string? version = typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        version ??= typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static void WriteActivation(ProtoWriter graph, LayerDescription layer, string prefix, string affine, string output, int elementType)
    {
        if (layer.Kind == LayerKind.Maxout)
        {
            // z [batch, units·pieces] → [batch, units, pieces] (0 copies the batch dimension) → max over the pieces.
            graph.WriteMessage(5, Int64Tensor(prefix + ".pieces_shape", new long[] { 0, layer.Units, layer.Pieces }));
            graph.WriteMessage(1, Node(prefix + ".reshape", "Reshape", new[] { affine, prefix + ".pieces_shape" }, prefix + ".pieces"));
            var axes = Attribute("axes", AttributeInts);
            axes.WriteInt64(8, 2);
            var keepDims = Attribute("keepdims", AttributeInt);
            keepDims.WriteInt64(3, 0);
            graph.WriteMessage(1, Node(prefix + ".max", "ReduceMax", new[] { prefix + ".pieces" }, output, axes, keepDims));
            return;
        }

        switch (layer.Activation)
        {
            case Activation.Step:
                // Heaviside: (a > 0) as 1 or 0 in the network's type, so NaN gives 0 as in Forward.
                graph.WriteMessage(5, ScalarTensor(prefix + ".threshold", elementType));
                graph.WriteMessage(1, Node(prefix + ".greater", "Greater", new[] { affine, prefix + ".threshold" }, prefix + ".positive"));
                var to = Attribute("to", AttributeInt);
                to.WriteInt64(3, elementType);
                graph.WriteMessage(1, Node(prefix + ".cast", "Cast", new[] { prefix + ".positive" }, output, to));
                break;
            case Activation.Softmax:
                var axis = Attribute("axis", AttributeInt);
                axis.WriteInt64(3, 1);
                graph.WriteMessage(1, Node(prefix + ".softmax", "Softmax", new[] { affine }, output, axis));
                break;
            case Activation.LeakyReLU or Activation.ELU:
                var alpha = Attribute("alpha", AttributeFloat);
                alpha.WriteFloat(2, (float)layer.Alpha);
                string op = OnnxOperators.OperatorOf(layer.Activation);
                graph.WriteMessage(1, Node(prefix + "." + op.ToLowerInvariant(), op, new[] { affine }, output, alpha));
                break;
            default:
                string name = OnnxOperators.OperatorOf(layer.Activation);
                graph.WriteMessage(1, Node(prefix + "." + name.ToLowerInvariant(), name, new[] { affine }, output));
                break;
        }
    }

    private static ProtoWriter Node(string name, string opType, string[] inputs, string output, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (string input in inputs)
        {
            node.WriteString(1, input);
        }

        node.WriteString(2, output);
        node.WriteString(3, name);
        node.WriteString(4, opType);
        foreach (ProtoWriter attribute in attributes)
        {
            node.WriteMessage(5, attribute);
        }

        return node;
    }

    /// <summary>An attribute with its name and type; the caller writes the value (f = 2, i = 3, ints = 8).</summary>
    private static ProtoWriter Attribute(string name, int type)
    {
        var attribute = new ProtoWriter();
        attribute.WriteString(1, name);
        attribute.WriteInt64(20, type);
        return attribute;
    }

    private static ProtoWriter Tensor<T>(string name, long[] dims, ReadOnlySpan<T> values, bool single)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = single ? 4 : 8;
        var raw = new byte[checked(values.Length * size)];
        for (int i = 0; i < values.Length; i++)
        {
            double value = double.CreateChecked(values[i]);
            if (!T.IsFinite(values[i]))
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Element {i} of tensor '{name}' is {value}, which cannot be saved; the network's parameters must be finite."));
            }

            if (single)
            {
                BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(4 * i), (float)value);
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(8 * i), value);
            }
        }

        return TensorHeader(name, dims, single ? OnnxDataType.Float : OnnxDataType.Double, raw);
    }

    private static ProtoWriter ScalarTensor(string name, int elementType) =>
        TensorHeader(name, Array.Empty<long>(), elementType, new byte[elementType == OnnxDataType.Float ? 4 : 8]);

    private static ProtoWriter Int64Tensor(string name, long[] values)
    {
        var raw = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(8 * i), values[i]);
        }

        return TensorHeader(name, new long[] { values.Length }, OnnxDataType.Int64, raw);
    }

    private static ProtoWriter TensorHeader(string name, long[] dims, int dataType, byte[] raw)
    {
        var tensor = new ProtoWriter();
        foreach (long dim in dims)
        {
            tensor.WriteInt64(1, dim);
        }

        tensor.WriteInt64(2, dataType);
        tensor.WriteString(8, name);
        tensor.WriteBytes(9, raw);
        return tensor;
    }

    private static ProtoWriter ValueInfo(string name, int elementType, int width)
    {
        var batch = new ProtoWriter();
        batch.WriteString(2, BatchDimension);
        var features = new ProtoWriter();
        features.WriteInt64(1, width);
        var shape = new ProtoWriter();
        shape.WriteMessage(1, batch);
        shape.WriteMessage(1, features);
        var tensorType = new ProtoWriter();
        tensorType.WriteInt64(1, elementType);
        tensorType.WriteMessage(2, shape);
        var type = new ProtoWriter();
        type.WriteMessage(1, tensorType);
        var info = new ProtoWriter();
        info.WriteString(1, name);
        info.WriteMessage(2, type);
        return info;
    }

    private static ProtoWriter Entry(string key, string value)
    {
        var entry = new ProtoWriter();
        entry.WriteString(1, key);
        entry.WriteString(2, value);
        return entry;
    }
}
