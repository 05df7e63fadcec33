namespace NetGen.Onnx;

/// <summary>The protocol-buffer wire types (the low three bits of a field's tag).</summary>
internal enum ProtoWireType
{
    /// <summary>A base-128 varint (int32, int64, enums, bools).</summary>
    Varint = 0,

    /// <summary>Eight little-endian bytes (double, fixed64).</summary>
    Fixed64 = 1,

    /// <summary>A varint length, then that many bytes (strings, bytes, messages, packed arrays).</summary>
    LengthDelimited = 2,

    /// <summary>The deprecated group start; never valid in ONNX.</summary>
    StartGroup = 3,

    /// <summary>The deprecated group end; never valid in ONNX.</summary>
    EndGroup = 4,

    /// <summary>Four little-endian bytes (float, fixed32).</summary>
    Fixed32 = 5,
}
