using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NetGen.Serialization;

/// <summary>Builds the bytes of a safetensors file for a network's parameters.</summary>
internal static class SafeTensorsWriter
{
    public static byte[] Build<TNet, T>(TNet network, Dtype dtype, IReadOnlyDictionary<string, string>? metadata)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorSpec[] specs = TensorSpec.For<TNet, T>();
        var parameters = new T[TNet.ParameterCount];
        network.GetParameters(parameters);
        int elementSize = dtype == Dtype.F32 ? 4 : 8;

        byte[] header = BuildHeader(specs, dtype, elementSize, metadata);
        long dataLength = (long)parameters.Length * elementSize;
        var file = new byte[checked(8 + header.Length + dataLength)];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)header.Length);
        header.CopyTo(file, 8);
        Span<byte> data = file.AsSpan(8 + header.Length);
        foreach (TensorSpec spec in specs)
        {
            for (int i = 0; i < spec.Length; i++)
            {
                T value = parameters[spec.ParameterOffset + i];
                double asDouble = double.CreateChecked(value);
                Span<byte> slot = data.Slice((spec.ParameterOffset + i) * elementSize, elementSize);
                if (dtype == Dtype.F32)
                {
                    float asSingle = (float)asDouble;
                    ThrowIfNotFinite(float.IsFinite(asSingle), asDouble, spec.Name, i, dtype);
                    BinaryPrimitives.WriteSingleLittleEndian(slot, asSingle);
                }
                else
                {
                    ThrowIfNotFinite(double.IsFinite(asDouble), asDouble, spec.Name, i, dtype);
                    BinaryPrimitives.WriteDoubleLittleEndian(slot, asDouble);
                }
            }
        }

        return file;
    }

    private static byte[] BuildHeader(TensorSpec[] specs, Dtype dtype, int elementSize, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (KeyValuePair<string, string> pair in metadata)
                {
                    json.WriteString(pair.Key, pair.Value ?? throw new ArgumentException($"The metadata value of '{pair.Key}' is null.", nameof(metadata)));
                }

                json.WriteEndObject();
            }

            foreach (TensorSpec spec in specs)
            {
                long begin = (long)spec.ParameterOffset * elementSize;
                json.WriteStartObject(spec.Name);
                json.WriteString("dtype", dtype.ToString());
                json.WriteStartArray("shape");
                foreach (int dimension in spec.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(begin);
                json.WriteNumberValue(begin + (long)spec.Length * elementSize);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        // Pad with spaces so the data section starts 8-byte aligned, as the reference implementation does.
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    private static void ThrowIfNotFinite(bool finite, double value, string tensor, int index, Dtype dtype)
    {
        if (!finite)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Element {index} of tensor '{tensor}' is {value}, which cannot be saved as a finite {dtype} value; the network's parameters must be finite."));
        }
    }
}
