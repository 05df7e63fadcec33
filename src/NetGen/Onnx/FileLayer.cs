namespace NetGen.Onnx;

/// <summary>
/// One layer as an ONNX graph spells it: an affine node (Gemm, or MatMul [+ Add]) over a weight and an optional
/// bias, then what follows (an activation, Step's Greater + Cast, or Maxout's Reshape + ReduceMax).
/// </summary>
internal sealed class FileLayer
{
    public FileLayer(OnnxNode affineNode, OnnxTensor weight, bool weightTransposed)
    {
        AffineNode = affineNode;
        Weight = weight;
        WeightTransposed = weightTransposed;
    }

    /// <summary>The Gemm or MatMul node, for messages.</summary>
    public OnnxNode AffineNode { get; }

    public OnnxTensor Weight { get; }

    /// <summary>True when the weight is stored [in, rows] (MatMul, or Gemm with transB = 0) instead of [rows, in].</summary>
    public bool WeightTransposed { get; }

    public OnnxTensor? Bias { get; set; }

    /// <summary>The node that applies the activation (null for Linear with no node).</summary>
    public OnnxNode? ActivationNode { get; set; }

    public LayerKind Kind { get; set; } = LayerKind.Dense;

    public Activation Activation { get; set; } = Activation.Linear;

    /// <summary>LeakyRelu's or Elu's alpha as the file stores it (a float attribute).</summary>
    public float Alpha { get; set; }

    /// <summary>Maxout: units and pieces from the Reshape.</summary>
    public int MaxoutUnits { get; set; }

    public int Pieces { get; set; } = 1;

    /// <summary>Rows of W: units × pieces.</summary>
    public long Rows => Weight.Dims[WeightTransposed ? 1 : 0];

    /// <summary>The fan-in.</summary>
    public long Inputs => Weight.Dims[WeightTransposed ? 0 : 1];

    /// <summary>The node where the layer ends, for messages about what it applies.</summary>
    public OnnxNode LastNode => ActivationNode ?? AffineNode;
}
