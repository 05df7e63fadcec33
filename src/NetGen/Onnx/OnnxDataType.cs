namespace NetGen.Onnx;

/// <summary>The TensorProto.DataType values NetGen writes or reads (the numbers are the ONNX format's own).</summary>
internal static class OnnxDataType
{
    /// <summary>32-bit IEEE 754.</summary>
    public const int Float = 1;

    /// <summary>Boolean, one byte per element.</summary>
    public const int Bool = 9;

    /// <summary>64-bit signed integer.</summary>
    public const int Int64 = 7;

    /// <summary>32-bit signed integer.</summary>
    public const int Int32 = 6;

    /// <summary>64-bit IEEE 754.</summary>
    public const int Double = 11;

    /// <summary>A data type's ONNX name for messages ("FLOAT", "DOUBLE", …, or its number).</summary>
    public static string Name(int dataType) => dataType switch
    {
        0 => "UNDEFINED",
        Float => "FLOAT",
        2 => "UINT8",
        3 => "INT8",
        4 => "UINT16",
        5 => "INT16",
        Int32 => "INT32",
        Int64 => "INT64",
        8 => "STRING",
        Bool => "BOOL",
        10 => "FLOAT16",
        Double => "DOUBLE",
        12 => "UINT32",
        13 => "UINT64",
        16 => "BFLOAT16",
        _ => "data type " + dataType,
    };
}
