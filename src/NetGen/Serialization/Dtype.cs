namespace NetGen.Serialization;

/// <summary>The element type of a tensor in a safetensors file (the names are the format's own).</summary>
public enum Dtype
{
    /// <summary>IEEE 754 single precision, 4 bytes, little-endian ("F32").</summary>
    F32 = 0,

    /// <summary>IEEE 754 double precision, 8 bytes, little-endian ("F64").</summary>
    F64 = 1,
}
