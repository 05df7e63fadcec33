using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;

namespace NetGen.Serialization;

/// <summary>
/// Reads a whole safetensors stream and checks it against a network's tensors, producing the flat
/// parameter vector; it never touches the network itself.
/// </summary>
internal static class SafeTensorsReader
{
    /// <summary>Headers larger than this are refused rather than allocated (the reference implementation's limit).</summary>
    public const long MaxHeaderLength = 100_000_000;

    public static (T[] Parameters, Dictionary<string, string> Metadata) Read<TNet, T>(Stream stream, string? fileName)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorSpec[] specs = TensorSpec.For<TNet, T>();
        (byte[] header, byte[] data) = ReadSections(stream, fileName);
        (List<TensorEntry> entries, Dictionary<string, string> metadata) = SafeTensorsHeaderReader.Parse(header, fileName);

        var byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var expected = new HashSet<string>(specs.Select(s => s.Name), StringComparer.Ordinal);
        string network = TensorSpec.NetworkName(typeof(TNet));
        foreach (TensorEntry entry in entries)
        {
            if (!expected.Contains(entry.Name))
            {
                throw new WeightFileException(
                    $"The file has a tensor '{entry.Name}' that {network} does not have; it expects {string.Join(", ", specs.Select(s => s.Name))}.",
                    fileName,
                    entry.Name);
            }
        }

        foreach (TensorSpec spec in specs)
        {
            if (!byName.ContainsKey(spec.Name))
            {
                throw new WeightFileException(
                    $"Tensor '{spec.Name}' (shape {TensorSpec.FormatShape(spec.Shape.Select(d => (long)d).ToArray())}) is missing from the file.",
                    fileName,
                    spec.Name);
            }
        }

        foreach (TensorSpec spec in specs)
        {
            CheckEntry(byName[spec.Name], spec, data.Length, network, fileName);
        }

        CheckCoverage(entries, data.Length, fileName);

        var parameters = new T[TNet.ParameterCount];
        foreach (TensorSpec spec in specs)
        {
            Decode(byName[spec.Name], spec, data, parameters, fileName);
        }

        return (parameters, metadata);
    }

    private static (byte[] Header, byte[] Data) ReadSections(Stream stream, string? fileName)
    {
        Span<byte> prefix = stackalloc byte[8];
        int got = stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false);
        if (got < 8)
        {
            throw new WeightFileException(
                $"The file is {got} bytes long, too short for the 8-byte header length that starts a safetensors file.", fileName);
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        long? remaining = stream.CanSeek ? stream.Length - stream.Position : null;
        if (remaining is { } left && headerLength > (ulong)left)
        {
            throw new WeightFileException(
                $"The header length says {headerLength} bytes, but only {left} bytes follow it: the file is truncated or not a safetensors file.",
                fileName);
        }

        if (headerLength > MaxHeaderLength)
        {
            throw new WeightFileException(
                $"The header length says {headerLength} bytes, more than the {MaxHeaderLength} allowed: this is not a safetensors file.", fileName);
        }

        if (headerLength < 2)
        {
            throw new WeightFileException($"The header length is {headerLength}; a header is at least '{{}}'.", fileName);
        }

        var header = new byte[headerLength];
        got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < header.Length)
        {
            throw new WeightFileException(
                $"The header length says {headerLength} bytes, but the file ends after {got}: the file is truncated.", fileName);
        }

        if (header[0] != (byte)'{')
        {
            throw new WeightFileException("The header does not start with '{': this is not a safetensors file.", fileName);
        }

        byte[] data;
        if (remaining is { } total)
        {
            data = new byte[total - header.Length];
            got = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (got < data.Length)
            {
                throw new WeightFileException("The file became shorter while it was being read.", fileName);
            }
        }
        else
        {
            using var rest = new MemoryStream();
            stream.CopyTo(rest);
            data = rest.ToArray();
        }

        return (header, data);
    }

    private static void CheckEntry(TensorEntry entry, TensorSpec spec, long dataLength, string network, string? fileName)
    {
        int elementSize = entry.Dtype switch
        {
            "F32" => 4,
            "F64" => 8,
            _ => throw new WeightFileException(
                $"Tensor '{entry.Name}' has dtype '{entry.Dtype}'; only F32 and F64 can be loaded.", fileName, entry.Name),
        };

        if (!entry.Shape.SequenceEqual(spec.Shape.Select(d => (long)d)))
        {
            throw new WeightFileException(
                $"Tensor '{entry.Name}' has shape {TensorSpec.FormatShape(entry.Shape)}, but {network} needs " +
                $"{TensorSpec.FormatShape(spec.Shape.Select(d => (long)d).ToArray())}.",
                fileName,
                entry.Name);
        }

        if (entry.End > dataLength)
        {
            throw new WeightFileException(
                $"The data_offsets of tensor '{entry.Name}' are [{entry.Begin}, {entry.End}], past the end of the {dataLength}-byte data section.",
                fileName,
                entry.Name);
        }

        long expectedBytes = (long)spec.Length * elementSize;
        if (entry.End - entry.Begin != expectedBytes)
        {
            throw new WeightFileException(
                $"The data_offsets of tensor '{entry.Name}' are [{entry.Begin}, {entry.End}], {entry.End - entry.Begin} bytes, " +
                $"but shape {TensorSpec.FormatShape(entry.Shape)} of {entry.Dtype} needs {expectedBytes}.",
                fileName,
                entry.Name);
        }
    }

    /// <summary>As the format requires, the tensors must tile the data section exactly: no overlap, no gap, nothing left over.</summary>
    private static void CheckCoverage(List<TensorEntry> entries, long dataLength, string? fileName)
    {
        TensorEntry[] ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToArray();
        long position = 0;
        TensorEntry? previous = null;
        foreach (TensorEntry entry in ordered)
        {
            if (entry.Begin < position)
            {
                throw new WeightFileException(
                    $"Tensor '{entry.Name}' [{entry.Begin}, {entry.End}] overlaps tensor '{previous!.Name}' [{previous.Begin}, {previous.End}].",
                    fileName,
                    entry.Name);
            }

            if (entry.Begin > position)
            {
                throw new WeightFileException(
                    $"Bytes {position} to {entry.Begin} of the data section, before tensor '{entry.Name}', belong to no tensor.",
                    fileName,
                    entry.Name);
            }

            position = entry.End;
            previous = entry;
        }

        if (position != dataLength)
        {
            throw new WeightFileException(
                $"The data section is {dataLength} bytes, but the tensors end at byte {position}: the file has trailing bytes.", fileName);
        }
    }

    private static void Decode<T>(TensorEntry entry, TensorSpec spec, byte[] data, T[] parameters, string? fileName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<byte> bytes = data.AsSpan((int)entry.Begin, (int)(entry.End - entry.Begin));
        Span<T> destination = parameters.AsSpan(spec.ParameterOffset, spec.Length);
        bool single = entry.Dtype == "F32";
        for (int i = 0; i < destination.Length; i++)
        {
            double value = single
                ? BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..])
                : BinaryPrimitives.ReadDoubleLittleEndian(bytes[(8 * i)..]);
            T converted = T.CreateChecked(value);
            if (!T.IsFinite(converted))
            {
                throw new WeightFileException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Element {i} of tensor '{entry.Name}' is {value}, which is not a finite {typeof(T).Name} value."),
                    fileName,
                    entry.Name);
            }

            destination[i] = converted;
        }
    }
}
