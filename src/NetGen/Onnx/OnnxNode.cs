using System.Collections.Generic;

namespace NetGen.Onnx;

/// <summary>A NodeProto as read from the file.</summary>
internal sealed class OnnxNode
{
    public string Name { get; set; } = "";

    public string OpType { get; set; } = "";

    public string Domain { get; set; } = "";

    public List<string> Inputs { get; } = new();

    public List<string> Outputs { get; } = new();

    public Dictionary<string, OnnxAttribute> Attributes { get; } = new();

    /// <summary>The node's position in the graph, from 0.</summary>
    public int Index { get; set; }

    /// <summary>How messages name the node: "'layers.0.gemm' (Gemm)", or "#3 (Gemm)" when it has no name.</summary>
    public string Display => Name.Length > 0 ? $"'{Name}' ({OpType})" : $"#{Index} ({OpType})";

    /// <summary>What <see cref="OnnxFormatException.NodeName"/> reports: the name, or "#index".</summary>
    public string Id => Name.Length > 0 ? Name : "#" + Index;
}
