using System;
using System.Collections.Generic;
using System.Text;

namespace NetGen.Onnx.Tests.Support;

/// <summary>
/// A protobuf encoder written for the tests, separately from NetGen's own writer, so that hand-built files in
/// torch.onnx.export's layout do not depend on the code under test. Fields are written in the order they are added.
/// </summary>
public sealed class ProtoBuilder
{
    private readonly List<byte> _bytes = new();

    public byte[] ToArray() => _bytes.ToArray();

    public ProtoBuilder Varint(int field, long value)
    {
        Key(field, 0);
        Raw(unchecked((ulong)value));
        return this;
    }

    public ProtoBuilder Float(int field, float value)
    {
        Key(field, 5);
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    public ProtoBuilder Bytes(int field, byte[] value)
    {
        Key(field, 2);
        Raw((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoBuilder String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoBuilder Message(int field, ProtoBuilder message) => Bytes(field, message.ToArray());

    private void Key(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
