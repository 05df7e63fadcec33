using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Onnx;

/// <summary>
/// A TensorProto as read from the file (an initializer or a Constant's value): its data stays in the file's bytes
/// until <see cref="ToDoubles"/> or <see cref="ToInt64s"/> decodes it, after its size has been checked.
/// </summary>
internal sealed class OnnxTensor
{
    public string Name { get; set; } = "";

    public int DataType { get; set; }

    public List<long> Dims { get; } = new();

    /// <summary>raw_data, if the file uses it.</summary>
    public ArraySegment<byte>? RawData { get; set; }

    /// <summary>float_data, as runs of little-endian floats.</summary>
    public List<ArraySegment<byte>> FloatData { get; } = new();

    /// <summary>double_data, as runs of little-endian doubles.</summary>
    public List<ArraySegment<byte>> DoubleData { get; } = new();

    /// <summary>int64_data.</summary>
    public List<long> Int64Data { get; } = new();

    /// <summary>data_location = EXTERNAL or external_data given: the values live in another file.</summary>
    public bool IsExternal { get; set; }

    /// <summary>The shape for messages: "[3, 2]".</summary>
    public string Shape => "[" + string.Join(", ", Dims) + "]";

    /// <summary>The product of <see cref="Dims"/> (1 for a scalar); checked when the tensor was read.</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Dims)
            {
                count *= d;
            }

            return count;
        }
    }

    /// <summary>
    /// Decodes a FLOAT or DOUBLE tensor of exactly <paramref name="expectedCount"/> elements (the caller has checked
    /// the shape), refusing values that are not finite in <paramref name="single"/> precision or double.
    /// </summary>
    public double[] ToDoubles(int expectedCount, bool single, string? fileName)
    {
        int size = DataType switch
        {
            OnnxDataType.Float => 4,
            OnnxDataType.Double => 8,
            _ => throw Error($"has data type {OnnxDataType.Name(DataType)}; NetGen reads weights stored as FLOAT or DOUBLE", fileName),
        };

        if (IsExternal)
        {
            throw Error("keeps its data in an external file; NetGen reads only models with their weights inside the .onnx file", fileName);
        }

        List<ArraySegment<byte>> runs = size == 4 ? FloatData : DoubleData;
        int other = size == 4 ? DoubleData.Count : FloatData.Count;
        if (RawData is { } raw)
        {
            if (runs.Count > 0 || other > 0 || Int64Data.Count > 0)
            {
                throw Error("has both raw_data and typed data; a tensor must use one of them", fileName);
            }

            runs = new List<ArraySegment<byte>> { raw };
        }
        else if (other > 0 || Int64Data.Count > 0)
        {
            throw Error($"is {OnnxDataType.Name(DataType)} but stores its values in a field of another type", fileName);
        }

        long bytes = 0;
        foreach (ArraySegment<byte> run in runs)
        {
            bytes += run.Count;
        }

        if (bytes != (long)expectedCount * size)
        {
            throw Error(
                $"has shape {Shape} ({expectedCount} values of {size} bytes), but its data holds {bytes} bytes", fileName);
        }

        var values = new double[expectedCount];
        int index = 0;
        foreach (ArraySegment<byte> run in runs)
        {
            ReadOnlySpan<byte> span = run;
            for (int at = 0; at < span.Length; at += size)
            {
                double value = size == 4 ? BinaryPrimitives.ReadSingleLittleEndian(span[at..]) : BinaryPrimitives.ReadDoubleLittleEndian(span[at..]);
                if (!double.IsFinite(value) || (single && !float.IsFinite((float)value)))
                {
                    throw Error(
                        string.Create(CultureInfo.InvariantCulture, $"holds {value} at element {index}, which is not a finite {(single ? "float" : "double")} value"),
                        fileName);
                }

                values[index++] = value;
            }
        }

        return values;
    }

    /// <summary>Decodes a small INT64 tensor (a shape or axes constant) of at most <paramref name="limit"/> elements.</summary>
    public long[] ToInt64s(int limit, string? fileName)
    {
        if (DataType != OnnxDataType.Int64)
        {
            throw Error($"has data type {OnnxDataType.Name(DataType)}; it must be INT64 here", fileName);
        }

        long count = ElementCount;
        if (count > limit)
        {
            throw Error($"has shape {Shape}; NetGen expects at most {limit} values here", fileName);
        }

        if (RawData is { } raw)
        {
            if (raw.Count != count * 8)
            {
                throw Error($"has shape {Shape} but its raw_data holds {raw.Count} bytes instead of {count * 8}", fileName);
            }

            var values = new long[count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadInt64LittleEndian(raw.AsSpan(8 * i));
            }

            return values;
        }

        return Int64Data.Count == count
            ? Int64Data.ToArray()
            : throw Error($"has shape {Shape} but holds {Int64Data.Count} int64 values", fileName);
    }

    private OnnxFormatException Error(string what, string? fileName) => new($"Tensor '{Name}' {what}.", fileName, Name);
}
