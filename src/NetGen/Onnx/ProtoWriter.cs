using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace NetGen.Onnx;

/// <summary>
/// Writes protocol-buffer messages field by field (the subset NetGen's export needs: varints, floats,
/// length-delimited bytes, strings and nested messages; repeated fields are written one element per field, as proto2 does). A nested message is written into its own
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
