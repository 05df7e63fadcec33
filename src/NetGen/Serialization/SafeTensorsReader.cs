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
        (byte[] header, long? dataLength) = ReadHeader(stream, fileName);
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
            CheckEntry(byName[spec.Name], spec, dataLength ?? long.MaxValue, network, fileName);
        }

        // Every size below is now the network's own (shape × dtype of tensors that fit it), never a number from the file alone.
        long needed = CheckCoverage(entries, fileName);
        byte[] data = ReadData(stream, needed, dataLength, fileName);
        if (data.Length < needed)
        {
            foreach (TensorSpec spec in specs)
            {
                CheckEntry(byName[spec.Name], spec, data.Length, network, fileName);
            }
        }

        var parameters = new T[TNet.ParameterCount];
        foreach (TensorSpec spec in specs)
        {
            Decode(byName[spec.Name], spec, data, parameters, fileName);
        }

        return (parameters, metadata);
    }

    /// <summary>The header's bytes, and the data section's length when the stream can tell it (seekable), without reading the data.</summary>
    private static (byte[] Header, long? DataLength) ReadHeader(Stream stream, string? fileName)
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

        // A seekable stream has been checked to hold the header; an unseekable one is read in chunks, so a false length
        // costs only the bytes that are really there.
        byte[] header = remaining is null ? ReadUpTo(stream, (long)headerLength) : ReadFully(stream, (int)headerLength);
        if (header.Length < (long)headerLength)
        {
            throw new WeightFileException(
                $"The header length says {headerLength} bytes, but the file ends after {header.Length}: the file is truncated.", fileName);
        }

        if (header[0] != (byte)'{')
        {
            throw new WeightFileException("The header does not start with '{': this is not a safetensors file.", fileName);
        }

        return (header, remaining - (long)headerLength);
    }

    /// <summary>
    /// The <paramref name="needed"/> bytes the tensors tile. A stream that holds more is refused (trailing bytes) without
    /// reading them: a seekable one by its length, an unseekable one by reading a single byte past the end.
    /// </summary>
    private static byte[] ReadData(Stream stream, long needed, long? dataLength, string? fileName)
    {
        if (dataLength is { } known)
        {
            if (known > needed)
            {
                throw TrailingBytes(known - needed, needed, fileName);
            }

            byte[] data = ReadFully(stream, (int)Math.Min(known, needed));
            if (data.Length < known)
            {
                throw new WeightFileException("The file became shorter while it was being read.", fileName);
            }

            return data;
        }

        byte[] read = ReadFully(stream, (int)needed);
        if (read.Length == needed && stream.ReadByte() >= 0)
        {
            throw TrailingBytes(null, needed, fileName);
        }

        return read;
    }

    private static WeightFileException TrailingBytes(long? count, long needed, string? fileName) =>
        new(
            count is { } n
                ? $"The data section is {n + needed} bytes, but the tensors end at byte {needed}: the file has {n} trailing bytes."
                : $"The tensors end at byte {needed} of the data section, but the stream goes on: it has trailing bytes.",
            fileName);

    /// <summary>Up to <paramref name="count"/> bytes (fewer only at the end of the stream); the array is exactly what was read.</summary>
    private static byte[] ReadFully(Stream stream, int count)
    {
        var buffer = new byte[count];
        int got = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return got == count ? buffer : buffer[..got];
    }

    /// <summary>Up to <paramref name="count"/> bytes, in chunks, so that memory grows only with what the stream really holds.</summary>
    private static byte[] ReadUpTo(Stream stream, long count)
    {
        const int Chunk = 1 << 16;
        using var collected = new MemoryStream();
        var buffer = new byte[(int)Math.Min(Chunk, count)];
        while (collected.Length < count)
        {
            int want = (int)Math.Min(buffer.Length, count - collected.Length);
            int got = stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            collected.Write(buffer, 0, got);
            if (got < want)
            {
                break;
            }
        }

        return collected.ToArray();
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

    /// <summary>
    /// As the format requires, the tensors must tile the data section from byte 0 without overlap or gap; returns where
    /// they end (the data section's length, checked against the file's real length by the caller).
    /// </summary>
    private static long CheckCoverage(List<TensorEntry> entries, string? fileName)
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

        return position;
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
