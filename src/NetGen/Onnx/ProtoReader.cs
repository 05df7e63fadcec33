using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Onnx;

/// <summary>
/// Reads one protocol-buffer message from a byte array, field by field. Every length is checked against the bytes
/// that are left in the message before anything is sliced or decoded, so a corrupted or hostile file ends in
/// <see cref="OnnxFormatException"/>, never in an allocation larger than the file or a read past its end.
/// </summary>
internal struct ProtoReader
{
    private const int MaxFieldNumber = (1 << 29) - 1;

    private readonly byte[] _data;
    private readonly int _end;
    private readonly string _message;
    private readonly string? _fileName;
    private int _position;

    private ProtoReader(byte[] data, int start, int end, string message, string? fileName)
    {
        _data = data;
        _position = start;
        _end = end;
        _message = message;
        _fileName = fileName;
    }

    /// <summary>A reader over the whole of <paramref name="data"/>, which holds a message of type <paramref name="message"/>.</summary>
    public static ProtoReader ForMessage(byte[] data, string message, string? fileName) => new(data, 0, data.Length, message, fileName);

    /// <summary>The field being read, for messages: set by <see cref="TryReadTag"/>.</summary>
    public int Field { get; private set; }

    /// <summary>The wire type of <see cref="Field"/>.</summary>
    public ProtoWireType WireType { get; private set; }

    /// <summary>Reads the next field's tag; <see langword="false"/> at the end of the message.</summary>
    public bool TryReadTag()
    {
        if (_position >= _end)
        {
            return false;
        }

        int at = _position;
        ulong tag = ReadVarint();
        ulong field = tag >> 3;
        if (field == 0 || field > MaxFieldNumber)
        {
            throw Error($"a field tag at byte {at} names field {field}; protobuf fields are numbered 1 to {MaxFieldNumber}");
        }

        var wireType = (ProtoWireType)(tag & 7);
        if (wireType is not (ProtoWireType.Varint or ProtoWireType.Fixed64 or ProtoWireType.LengthDelimited or ProtoWireType.Fixed32))
        {
            throw Error($"field {field} at byte {at} has wire type {(int)wireType}, which ONNX files never use");
        }

        Field = (int)field;
        WireType = wireType;
        return true;
    }

    /// <summary>Reads a varint field as a signed 64-bit value (int64, and int32/enums, which protobuf sign-extends).</summary>
    public long ReadInt64(string fieldName)
    {
        Expect(ProtoWireType.Varint, fieldName);
        return unchecked((long)ReadVarint());
    }

    /// <summary>Reads an int32 or enum field, refusing values outside the 32-bit range.</summary>
    public int ReadInt32(string fieldName)
    {
        long value = ReadInt64(fieldName);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Error($"{fieldName} is {value}, outside the 32-bit range of that field");
    }

    /// <summary>Reads a float field (wire type 5).</summary>
    public float ReadFloat(string fieldName)
    {
        Expect(ProtoWireType.Fixed32, fieldName);
        return BinaryPrimitives.ReadSingleLittleEndian(Take(4, fieldName));
    }

    /// <summary>Reads a length-delimited field's bytes, without copying them.</summary>
    public ArraySegment<byte> ReadBytes(string fieldName)
    {
        Expect(ProtoWireType.LengthDelimited, fieldName);
        int length = ReadLength(fieldName);
        var segment = new ArraySegment<byte>(_data, _position, length);
        _position += length;
        return segment;
    }

    /// <summary>Reads a string field (strict UTF-8).</summary>
    public string ReadString(string fieldName)
    {
        ArraySegment<byte> bytes = ReadBytes(fieldName);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new OnnxFormatException($"In {_message}, {fieldName} is not valid UTF-8 text.", _fileName, innerException: e);
        }
    }

    /// <summary>A reader over a nested message field of type <paramref name="message"/>.</summary>
    public ProtoReader ReadMessage(string fieldName, string message)
    {
        ArraySegment<byte> bytes = ReadBytes(fieldName);
        return new ProtoReader(_data, bytes.Offset, bytes.Offset + bytes.Count, message, _fileName);
    }

    /// <summary>
    /// Reads one occurrence of a repeated float (<paramref name="elementSize"/> 4) or double (8) field: a packed run
    /// or a single value (protobuf allows both). Returns the little-endian bytes without copying them.
    /// </summary>
    public ArraySegment<byte> ReadFixedRun(int elementSize, string fieldName)
    {
        if (WireType == ProtoWireType.LengthDelimited)
        {
            ArraySegment<byte> run = ReadBytes(fieldName);
            return run.Count % elementSize == 0
                ? run
                : throw Error($"the packed {fieldName} holds {run.Count} bytes, not a whole number of {elementSize}-byte values");
        }

        Expect(elementSize == 4 ? ProtoWireType.Fixed32 : ProtoWireType.Fixed64, fieldName);
        int start = _position;
        Take(elementSize, fieldName);
        return new ArraySegment<byte>(_data, start, elementSize);
    }

    /// <summary>
    /// Reads one occurrence of a repeated int64 field (packed or single) into <paramref name="values"/>, refusing
    /// more than <paramref name="limit"/> values in all (NetGen only reads short lists: dims, axes, shapes).
    /// </summary>
    public void ReadInt64s(List<long> values, int limit, string fieldName)
    {
        if (WireType != ProtoWireType.LengthDelimited)
        {
            Add(values, ReadInt64(fieldName), limit, fieldName);
            return;
        }

        ProtoReader packed = ReadMessage(fieldName, _message);
        while (packed._position < packed._end)
        {
            Add(values, unchecked((long)packed.ReadVarint()), limit, fieldName);
        }
    }

    private readonly void Add(List<long> values, long value, int limit, string fieldName)
    {
        if (values.Count >= limit)
        {
            throw Error($"{fieldName} holds more than {limit} values, more than NetGen reads there");
        }

        values.Add(value);
    }

    /// <summary>Skips the current field, whatever its wire type.</summary>
    public void Skip()
    {
        switch (WireType)
        {
            case ProtoWireType.Varint:
                ReadVarint();
                break;
            case ProtoWireType.Fixed64:
                Take(8, $"field {Field}");
                break;
            case ProtoWireType.Fixed32:
                Take(4, $"field {Field}");
                break;
            default:
                Take(ReadLength($"field {Field}"), $"field {Field}");
                break;
        }
    }

    /// <summary>An error about this message, with the file name.</summary>
    public readonly OnnxFormatException Error(string what) =>
        new($"The file is not a valid ONNX model: in {_message}, {what}.", _fileName);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ulong ReadVarint()
    {
        int start = _position;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                throw Error($"a varint starting at byte {start} runs past the end of the message (truncated)");
            }

            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                // The tenth byte may only hold bit 63: anything more, or an eleventh byte, does not fit in 64 bits.
                throw Error($"the varint starting at byte {start} overflows 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidOperationException("Unreachable: the tenth byte of a varint either ends it or overflows.");
    }

    private int ReadLength(string fieldName)
    {
        int at = _position;
        ulong length = ReadVarint();
        int left = _end - _position;
        if (length > (ulong)left)
        {
            throw Error($"{fieldName} at byte {at} declares {length} bytes, but only {left} are left in the message (truncated or corrupted)");
        }

        return (int)length;
    }

    private ReadOnlySpan<byte> Take(int count, string fieldName)
    {
        if (_end - _position < count)
        {
            throw Error($"{fieldName} needs {count} bytes at byte {_position}, but only {_end - _position} are left (truncated)");
        }

        var span = new ReadOnlySpan<byte>(_data, _position, count);
        _position += count;
        return span;
    }

    private readonly void Expect(ProtoWireType expected, string fieldName)
    {
        if (WireType != expected)
        {
            throw Error($"{fieldName} (field {Field}) has wire type {(int)WireType}, but that field is stored with wire type {(int)expected}");
        }
    }
}
