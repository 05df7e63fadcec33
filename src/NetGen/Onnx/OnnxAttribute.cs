using System.Collections.Generic;

namespace NetGen.Onnx;

/// <summary>An AttributeProto of a node, as read from the file (only the value kinds NetGen's operators use).</summary>
internal sealed class OnnxAttribute
{
    public string Name { get; set; } = "";

    /// <summary>AttributeProto.type: 1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS, … (0 if absent).</summary>
    public int Type { get; set; }

    public float Float { get; set; }

    public long Int { get; set; }

    public OnnxTensor? Tensor { get; set; }

    public List<long> Ints { get; } = new();

    /// <summary>True when the attribute holds a float (type FLOAT, or no type and an f field, as IR version 1 wrote).</summary>
    public bool HasFloat { get; set; }

    /// <summary>True when the attribute holds an int.</summary>
    public bool HasInt { get; set; }
}
