using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace NetGen.Onnx;

/// <summary>
/// Writes protocol-buffer messages field by field (the subset ONNX needs: varints, 32/64-bit fixed values,
/// length-delimited bytes, strings, packed arrays and nested messages). A nested message is written into its own
/// writer and copied in with its length, which keeps the writer simple; ONNX files are small enough for that.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();

    /// <summary>Bytes written so far.</summary>
    public int Length => (int)_buffer.Length;

    /// <summary>The message's bytes.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    /// <summary>Writes an int64 / int32 / enum field (negative values take ten bytes, as protobuf requires).</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, ProtoWireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    /// <summary>Writes a float field (wire type 5).</summary>
    public void WriteFloat(int field, float value)
    {
        WriteTag(field, ProtoWireType.Fixed32);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    /// <summary>Writes a UTF-8 string field.</summary>
    public void WriteString(int field, string value) => WriteBytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a bytes field.</summary>
    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    /// <summary>Writes a nested message field.</summary>
    public void WriteMessage(int field, ProtoWriter message)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)message._buffer.Length);
        message._buffer.Position = 0;
        message._buffer.CopyTo(_buffer);
    }

    /// <summary>Writes a packed repeated int64 field.</summary>
    public void WritePackedInt64(int field, ReadOnlySpan<long> values)
    {
        var packed = new ProtoWriter();
        foreach (long value in values)
        {
            packed.WriteVarint(unchecked((ulong)value));
        }

        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)packed._buffer.Length);
        packed._buffer.Position = 0;
        packed._buffer.CopyTo(_buffer);
    }

    /// <summary>Writes a packed repeated float field.</summary>
    public void WritePackedFloat(int field, ReadOnlySpan<float> values)
    {
        var bytes = new byte[checked(values.Length * 4)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        }

        WriteBytes(field, bytes);
    }

    /// <summary>Writes a packed repeated double field.</summary>
    public void WritePackedDouble(int field, ReadOnlySpan<double> values)
    {
        var bytes = new byte[checked(values.Length * 8)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        }

        WriteBytes(field, bytes);
    }

    private void WriteTag(int field, ProtoWireType wireType) => WriteVarint(((ulong)field << 3) | (ulong)wireType);

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
