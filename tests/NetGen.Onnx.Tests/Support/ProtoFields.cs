using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Onnx.Tests.Support;

/// <summary>
/// A protobuf decoder written for the tests (separately from NetGen's reader): the fields of one message by number,
/// so the tests can look at what an exported file holds, field number by field number from onnx.proto.
/// </summary>
public sealed class ProtoFields
{
    private readonly List<(int Field, ulong Varint, byte[]? Bytes)> _fields = new();

    public ProtoFields(byte[] message)
    {
        int at = 0;
        while (at < message.Length)
        {
            ulong key = Varint(message, ref at);
            int field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    _fields.Add((field, Varint(message, ref at), null));
                    break;
                case 2:
                    int length = (int)Varint(message, ref at);
                    _fields.Add((field, 0, message[at..(at + length)]));
                    at += length;
                    break;
                case 5:
                    _fields.Add((field, 0, message[at..(at + 4)]));
                    at += 4;
                    break;
                default:
                    throw new FormatException($"Wire type {key & 7} at byte {at}.");
            }
        }
    }

    public long Int(int field) => (long)_fields.Single(f => f.Field == field).Varint;

    public IEnumerable<long> Ints(int field) => _fields.Where(f => f.Field == field).Select(f => (long)f.Varint);

    public string String(int field) => Encoding.UTF8.GetString(_fields.Single(f => f.Field == field).Bytes!);

    public IEnumerable<string> Strings(int field) => _fields.Where(f => f.Field == field).Select(f => Encoding.UTF8.GetString(f.Bytes!));

    public float Float(int field) => BitConverter.ToSingle(_fields.Single(f => f.Field == field).Bytes!);

    public bool Has(int field) => _fields.Any(f => f.Field == field);

    public ProtoFields Message(int field) => new(_fields.Single(f => f.Field == field).Bytes!);

    public IEnumerable<ProtoFields> Messages(int field) => _fields.Where(f => f.Field == field).Select(f => new ProtoFields(f.Bytes!));

    public byte[] Bytes(int field) => _fields.Single(f => f.Field == field).Bytes!;

    private static ulong Varint(byte[] bytes, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
