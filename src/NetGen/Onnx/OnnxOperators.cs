using System;

namespace NetGen.Onnx;

/// <summary>
/// Which ONNX operator stands for which NetGen activation, in both directions. Step has no operator of its own:
/// it is <c>Greater(a, 0)</c> followed by <c>Cast</c> to the network's type. Linear is <c>Identity</c> on export and
/// also "no activation node" on import.
/// </summary>
internal static class OnnxOperators
{
    /// <summary>The opset of the ai.onnx domain NetGen writes.</summary>
    public const long WrittenOpset = 13;

    /// <summary>The IR version NetGen writes (ONNX 1.8, the first release with opset 13).</summary>
    public const long WrittenIrVersion = 7;

    /// <summary>The oldest ai.onnx opset NetGen reads.</summary>
    public const long OldestReadOpset = 7;

    /// <summary>The newest ai.onnx opset NetGen reads (the operators it reads have the same meaning up to it).</summary>
    public const long NewestReadOpset = 25;

    /// <summary>The operators the importer understands, for error messages.</summary>
    public const string Supported =
        "Gemm, MatMul + Add, Transpose (of an initializer), Sigmoid, Tanh, Relu, LeakyRelu, Elu, Softplus, Exp, Softmax, " +
        "Greater + Cast (Step), Reshape + ReduceMax (Maxout), Identity, Flatten, Dropout, Constant";

    /// <summary>The element-wise operator of an activation (Linear: Identity); Step has none (see the class remarks).</summary>
    public static string OperatorOf(Activation activation) => activation switch
    {
        Activation.Linear => "Identity",
        Activation.Sigmoid => "Sigmoid",
        Activation.Tanh => "Tanh",
        Activation.ReLU => "Relu",
        Activation.LeakyReLU => "LeakyRelu",
        Activation.ELU => "Elu",
        Activation.Softplus => "Softplus",
        Activation.Exponential => "Exp",
        Activation.Softmax => "Softmax",
        Activation.Step => "Greater + Cast",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Not an activation NetGen defines."),
    };

    /// <summary>The activation a single-node operator stands for, if it is one.</summary>
    public static bool TryActivationOf(string opType, out Activation activation)
    {
        activation = opType switch
        {
            "Sigmoid" => Activation.Sigmoid,
            "Tanh" => Activation.Tanh,
            "Relu" => Activation.ReLU,
            "LeakyRelu" => Activation.LeakyReLU,
            "Elu" => Activation.ELU,
            "Softplus" => Activation.Softplus,
            "Exp" => Activation.Exponential,
            "Softmax" => Activation.Softmax,
            _ => (Activation)(-1),
        };

        return activation != (Activation)(-1);
    }

    /// <summary>The α attribute's default in ONNX (LeakyRelu 0.01, Elu 1), which NetGen's defaults equal.</summary>
    public static float DefaultAlpha(Activation activation) => activation == Activation.LeakyReLU ? 0.01f : 1f;

    /// <summary>True for the activations whose ONNX operator carries α.</summary>
    public static bool HasAlpha(Activation activation) => activation is Activation.LeakyReLU or Activation.ELU;
}
