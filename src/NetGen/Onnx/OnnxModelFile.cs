using System.Collections.Generic;

namespace NetGen.Onnx;

/// <summary>The parts of a ModelProto (and its GraphProto) that NetGen reads.</summary>
internal sealed class OnnxModelFile
{
    public long IrVersion { get; set; }

    /// <summary>opset_import: domain ("" for ai.onnx) → version.</summary>
    public Dictionary<string, long> Opsets { get; } = new();

    public string ProducerName { get; set; } = "";

    public Dictionary<string, string> Metadata { get; } = new();

    public bool HasGraph { get; set; }

    public List<OnnxNode> Nodes { get; } = new();

    public Dictionary<string, OnnxTensor> Initializers { get; } = new();

    public List<OnnxValueInfo> Inputs { get; } = new();

    public List<OnnxValueInfo> Outputs { get; } = new();

    /// <summary>True if the graph has sparse initializers (which NetGen does not read).</summary>
    public bool HasSparseInitializers { get; set; }
}
