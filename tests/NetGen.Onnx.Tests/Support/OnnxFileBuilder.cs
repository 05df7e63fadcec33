using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Onnx.Tests.Support;

/// <summary>How a hand-built file stores a float tensor.</summary>
public enum Storage
{
    /// <summary>FLOAT in raw_data (what torch.onnx.export writes).</summary>
    RawFloat,

    /// <summary>FLOAT in float_data, packed.</summary>
    TypedFloat,

    /// <summary>DOUBLE in raw_data.</summary>
    RawDouble,

    /// <summary>DOUBLE in double_data, packed.</summary>
    TypedDouble,
}

/// <summary>
/// Builds ONNX files by hand, field number by field number from onnx.proto (ModelProto, GraphProto, NodeProto,
/// AttributeProto, TensorProto, ValueInfoProto), in the layout torch.onnx.export documents: parameter initializers
/// named after the module ("0.weight", "0.bias"), nodes named "/0/Gemm", outputs "/0/Gemm_output_0", dims written
/// unpacked as proto2 does, a dynamic batch axis.
/// </summary>
public sealed class OnnxFileBuilder
{
    private readonly List<ProtoBuilder> _nodes = new();
    private readonly List<ProtoBuilder> _initializers = new();
    private readonly List<ProtoBuilder> _inputs = new();
    private readonly List<ProtoBuilder> _outputs = new();

    public long IrVersion { get; set; } = 8;

    public long Opset { get; set; } = 17;

    public OnnxFileBuilder Initializer(string name, long[] dims, double[] values, Storage storage = Storage.RawFloat)
    {
        _initializers.Add(Tensor(name, dims, values, storage));
        return this;
    }

    public OnnxFileBuilder Int64Initializer(string name, long[] values)
    {
        var tensor = new ProtoBuilder().Varint(1, values.Length).Varint(2, 7).String(8, name);
        tensor.Bytes(9, values.SelectMany(BitConverter.GetBytes).ToArray());
        _initializers.Add(tensor);
        return this;
    }

    public OnnxFileBuilder Node(string op, string name, string[] inputs, string output, params ProtoBuilder[] attributes)
    {
        var node = new ProtoBuilder();
        foreach (string input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, name).String(4, op);
        foreach (ProtoBuilder attribute in attributes)
        {
            node.Message(5, attribute);
        }

        _nodes.Add(node);
        return this;
    }

    public OnnxFileBuilder Input(string name, int width, int elementType = 1)
    {
        _inputs.Add(ValueInfo(name, width, elementType));
        return this;
    }

    public OnnxFileBuilder Output(string name, int width, int elementType = 1)
    {
        _outputs.Add(ValueInfo(name, width, elementType));
        return this;
    }

    public byte[] Build()
    {
        var graph = new ProtoBuilder();
        foreach (ProtoBuilder node in _nodes)
        {
            graph.Message(1, node);
        }

        graph.String(2, "main_graph");
        foreach (ProtoBuilder initializer in _initializers)
        {
            graph.Message(5, initializer);
        }

        foreach (ProtoBuilder input in _inputs)
        {
            graph.Message(11, input);
        }

        foreach (ProtoBuilder output in _outputs)
        {
            graph.Message(12, output);
        }

        return new ProtoBuilder()
            .Varint(1, IrVersion)
            .String(2, "pytorch")
            .String(3, "2.5.1")
            .Message(7, graph)
            .Message(8, new ProtoBuilder().Varint(2, Opset))
            .ToArray();
    }

    /// <summary>
    /// A 3 → 4 → 3 network of two Gemm layers without activations, all zero but layer 0's weight
    /// <paramref name="weight0"/> (left out when null, for a test to add its own).
    /// </summary>
    public static byte[] TwoGemms(double[]? weight0, Storage storage = Storage.RawFloat)
    {
        var builder = new OnnxFileBuilder().Input("input", 3);
        if (weight0 is not null)
        {
            builder.Initializer("0.weight", new long[] { 4, 3 }, weight0, storage);
        }

        return builder
            .Initializer("0.bias", new long[] { 4 }, new double[4], storage)
            .Initializer("1.weight", new long[] { 3, 4 }, new double[12], storage).Initializer("1.bias", new long[] { 3 }, new double[3], storage)
            .Node("Gemm", "/0/Gemm", new[] { "input", "0.weight", "0.bias" }, "a", IntAttribute("transB", 1))
            .Node("Gemm", "/1/Gemm", new[] { "a", "1.weight", "1.bias" }, "output", IntAttribute("transB", 1))
            .Output("output", 3)
            .Build();
    }

    public static ProtoBuilder FloatAttribute(string name, float value) => new ProtoBuilder().String(1, name).Float(2, value).Varint(20, 1);

    public static ProtoBuilder IntAttribute(string name, long value) => new ProtoBuilder().String(1, name).Varint(3, value).Varint(20, 2);

    public static ProtoBuilder IntsAttribute(string name, params long[] values)
    {
        var attribute = new ProtoBuilder().String(1, name);
        foreach (long value in values)
        {
            attribute.Varint(8, value);
        }

        return attribute.Varint(20, 7);
    }

    public static ProtoBuilder TensorAttribute(string name, ProtoBuilder tensor) => new ProtoBuilder().String(1, name).Message(5, tensor).Varint(20, 4);

    public static ProtoBuilder Tensor(string name, long[] dims, double[] values, Storage storage)
    {
        var tensor = new ProtoBuilder();
        foreach (long dim in dims)
        {
            tensor.Varint(1, dim);
        }

        bool single = storage is Storage.RawFloat or Storage.TypedFloat;
        tensor.Varint(2, single ? 1 : 11);
        byte[] data = single
            ? values.SelectMany(v => BitConverter.GetBytes((float)v)).ToArray()
            : values.SelectMany(BitConverter.GetBytes).ToArray();
        switch (storage)
        {
            case Storage.TypedFloat:
                tensor.Bytes(4, data);
                break;
            case Storage.TypedDouble:
                tensor.Bytes(10, data);
                break;
        }

        tensor.String(8, name);
        if (storage is Storage.RawFloat or Storage.RawDouble)
        {
            tensor.Bytes(9, data);
        }

        return tensor;
    }

    private static ProtoBuilder ValueInfo(string name, int width, int elementType)
    {
        var shape = new ProtoBuilder()
            .Message(1, new ProtoBuilder().String(2, "batch_size"))
            .Message(1, new ProtoBuilder().Varint(1, width));
        var tensorType = new ProtoBuilder().Varint(1, elementType).Message(2, shape);
        return new ProtoBuilder().String(1, name).Message(2, new ProtoBuilder().Message(1, tensorType));
    }
}
