using System;
using System.Collections.Generic;
using System.IO;

namespace NetGen.Onnx;

/// <summary>
/// Parses the bytes of an ONNX file (a protobuf ModelProto) into an <see cref="OnnxModelFile"/>, reading the fields
/// NetGen needs and skipping the others. It checks the wire format (tags, lengths, varints, UTF-8) and tensor
/// shapes (rank, non-negative dimensions, no overflow) but not whether the graph fits a network: see
/// <see cref="OnnxLayerMatcher"/>. Nested graphs (If/Loop bodies) are skipped, never parsed, so nesting is bounded
/// by the schema.
/// </summary>
internal static class OnnxModelParser
{
    /// <summary>Files larger than this are refused before they are read: protobuf's own 2 GB limit.</summary>
    public const long MaxFileLength = int.MaxValue;

    private const int MaxRank = 16;
    private const int MaxInts = 1024;

    /// <summary>Reads the whole stream (at most <see cref="MaxFileLength"/> bytes).</summary>
    public static byte[] ReadAll(Stream stream, string? fileName)
    {
        if (stream.CanSeek)
        {
            long left = stream.Length - stream.Position;
            if (left > MaxFileLength)
            {
                throw new OnnxFormatException($"The file is {left} bytes long, more than the {MaxFileLength} bytes a protobuf message can hold.", fileName);
            }

            var bytes = new byte[left];
            int got = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            return got == bytes.Length ? bytes : throw new OnnxFormatException("The file became shorter while it was being read.", fileName);
        }

        using var copy = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (copy.Length + read > MaxFileLength)
            {
                throw new OnnxFormatException($"The stream holds more than the {MaxFileLength} bytes a protobuf message can hold.", fileName);
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    public static OnnxModelFile Parse(byte[] data, string? fileName)
    {
        if (data.Length == 0)
        {
            throw new OnnxFormatException("The file is empty; an ONNX model is a ModelProto with at least a graph.", fileName);
        }

        var model = new OnnxModelFile();
        ProtoReader reader = ProtoReader.ForMessage(data, "ModelProto", fileName);
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    model.IrVersion = reader.ReadInt64("ir_version");
                    break;
                case 2:
                    model.ProducerName = reader.ReadString("producer_name");
                    break;
                case 7:
                    ReadGraph(reader.ReadMessage("graph", "GraphProto"), model);
                    break;
                case 8:
                    ReadOpset(reader.ReadMessage("opset_import", "OperatorSetIdProto"), model);
                    break;
                case 14:
                    (string key, string value) = ReadEntry(reader.ReadMessage("metadata_props", "StringStringEntryProto"));
                    model.Metadata[key] = value;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return model;
    }

    private static void ReadOpset(ProtoReader reader, OnnxModelFile model)
    {
        string domain = "";
        long version = 0;
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    domain = reader.ReadString("domain");
                    break;
                case 2:
                    version = reader.ReadInt64("version");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        model.Opsets[domain == "ai.onnx" ? "" : domain] = version;
    }

    private static (string Key, string Value) ReadEntry(ProtoReader reader)
    {
        string key = "";
        string value = "";
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    key = reader.ReadString("key");
                    break;
                case 2:
                    value = reader.ReadString("value");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (key, value);
    }

    private static void ReadGraph(ProtoReader reader, OnnxModelFile model)
    {
        model.HasGraph = true;
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    OnnxNode node = ReadNode(reader.ReadMessage("node", "NodeProto"));
                    node.Index = model.Nodes.Count;
                    model.Nodes.Add(node);
                    break;
                case 5:
                    OnnxTensor tensor = ReadTensor(reader.ReadMessage("initializer", "TensorProto"));
                    if (!model.Initializers.TryAdd(tensor.Name, tensor))
                    {
                        throw reader.Error($"two initializers are named '{tensor.Name}'");
                    }

                    break;
                case 11:
                    model.Inputs.Add(ReadValueInfo(reader.ReadMessage("input", "ValueInfoProto")));
                    break;
                case 12:
                    model.Outputs.Add(ReadValueInfo(reader.ReadMessage("output", "ValueInfoProto")));
                    break;
                case 15:
                    model.HasSparseInitializers = true;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static OnnxNode ReadNode(ProtoReader reader)
    {
        var node = new OnnxNode();
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    node.Inputs.Add(reader.ReadString("input"));
                    break;
                case 2:
                    node.Outputs.Add(reader.ReadString("output"));
                    break;
                case 3:
                    node.Name = reader.ReadString("name");
                    break;
                case 4:
                    node.OpType = reader.ReadString("op_type");
                    break;
                case 5:
                    OnnxAttribute attribute = ReadAttribute(reader.ReadMessage("attribute", "AttributeProto"));
                    if (!node.Attributes.TryAdd(attribute.Name, attribute))
                    {
                        throw reader.Error($"node '{node.Name}' gives attribute '{attribute.Name}' twice");
                    }

                    break;
                case 7:
                    string domain = reader.ReadString("domain");
                    node.Domain = domain == "ai.onnx" ? "" : domain;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return node;
    }

    private static OnnxAttribute ReadAttribute(ProtoReader reader)
    {
        var attribute = new OnnxAttribute();
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    attribute.Name = reader.ReadString("name");
                    break;
                case 2:
                    attribute.Float = reader.ReadFloat("f");
                    attribute.HasFloat = true;
                    break;
                case 3:
                    attribute.Int = reader.ReadInt64("i");
                    attribute.HasInt = true;
                    break;
                case 5:
                    attribute.Tensor = ReadTensor(reader.ReadMessage("t", "TensorProto"));
                    break;
                case 8:
                    reader.ReadInt64s(attribute.Ints, MaxInts, "ints");
                    break;
                case 20:
                    attribute.Type = reader.ReadInt32("type");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return attribute;
    }

    private static OnnxTensor ReadTensor(ProtoReader reader)
    {
        var tensor = new OnnxTensor();
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    reader.ReadInt64s(tensor.Dims, MaxRank, "dims");
                    break;
                case 2:
                    tensor.DataType = reader.ReadInt32("data_type");
                    break;
                case 4:
                    tensor.FloatData.Add(reader.ReadFixedRun(4, "float_data"));
                    break;
                case 7:
                    reader.ReadInt64s(tensor.Int64Data, MaxInts, "int64_data");
                    break;
                case 8:
                    tensor.Name = reader.ReadString("name");
                    break;
                case 9:
                    tensor.RawData = reader.ReadBytes("raw_data");
                    break;
                case 10:
                    tensor.DoubleData.Add(reader.ReadFixedRun(8, "double_data"));
                    break;
                case 13:
                    tensor.IsExternal = true;
                    reader.Skip();
                    break;
                case 14:
                    tensor.IsExternal |= reader.ReadInt64("data_location") == 1;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        long count = 1;
        foreach (long d in tensor.Dims)
        {
            if (d < 0)
            {
                throw reader.Error($"tensor '{tensor.Name}' has a negative dimension in its shape {tensor.Shape}");
            }

            if (d != 0 && count > int.MaxValue / d)
            {
                throw reader.Error($"tensor '{tensor.Name}' has shape {tensor.Shape}, more elements than a file can hold");
            }

            count *= d;
        }

        return tensor;
    }

    private static OnnxValueInfo ReadValueInfo(ProtoReader reader)
    {
        var info = new OnnxValueInfo();
        while (reader.TryReadTag())
        {
            switch (reader.Field)
            {
                case 1:
                    info.Name = reader.ReadString("name");
                    break;
                case 2:
                    ReadType(reader.ReadMessage("type", "TypeProto"), info);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return info;
    }

    private static void ReadType(ProtoReader reader, OnnxValueInfo info)
    {
        while (reader.TryReadTag())
        {
            if (reader.Field != 1)
            {
                reader.Skip();
                continue;
            }

            ProtoReader tensor = reader.ReadMessage("tensor_type", "TypeProto.Tensor");
            while (tensor.TryReadTag())
            {
                switch (tensor.Field)
                {
                    case 1:
                        info.ElementType = tensor.ReadInt32("elem_type");
                        break;
                    case 2:
                        info.Dims = ReadShape(tensor.ReadMessage("shape", "TensorShapeProto"));
                        break;
                    default:
                        tensor.Skip();
                        break;
                }
            }
        }
    }

    private static List<long?> ReadShape(ProtoReader reader)
    {
        var dims = new List<long?>();
        while (reader.TryReadTag())
        {
            if (reader.Field != 1)
            {
                reader.Skip();
                continue;
            }

            if (dims.Count == MaxRank)
            {
                throw reader.Error($"a shape has more than {MaxRank} dimensions");
            }

            ProtoReader dim = reader.ReadMessage("dim", "TensorShapeProto.Dimension");
            long? value = null;
            while (dim.TryReadTag())
            {
                if (dim.Field == 1)
                {
                    value = dim.ReadInt64("dim_value");
                }
                else
                {
                    dim.Skip();
                }
            }

            dims.Add(value);
        }

        return dims;
    }
}
