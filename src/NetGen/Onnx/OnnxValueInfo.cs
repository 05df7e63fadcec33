using System.Collections.Generic;

namespace NetGen.Onnx;

/// <summary>A graph input or output (ValueInfoProto): its name, element type and dimensions (null for a symbolic one).</summary>
internal sealed class OnnxValueInfo
{
    public string Name { get; set; } = "";

    /// <summary>The tensor element type, 0 if the file does not say.</summary>
    public int ElementType { get; set; }

    /// <summary>Each dimension's fixed size, or <see langword="null"/> for a symbolic or unknown one; <see langword="null"/> list when no shape is given.</summary>
    public List<long?>? Dims { get; set; }
}
