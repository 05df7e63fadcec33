using System;

namespace NetGen;

/// <summary>
/// Declares a network: the generator fills this <c>partial</c> class with unrolled
/// <c>Forward</c>/<c>Backward</c> code. Layers follow as <see cref="InputAttribute"/> and then
/// <see cref="DenseAttribute"/>s; attribute order on the class is layer order.
/// </summary>
/// <example>
/// <code>
/// [Network(Loss.BinaryCrossEntropy)]
/// [Input(3)]
/// [Dense(2, Activation.Sigmoid)]
/// [Dense(1, Activation.Sigmoid)]
/// public partial class SheetNet;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Declares a network trained on <paramref name="loss"/>.</summary>
    public NetworkAttribute(Loss loss) => Loss = loss;

    /// <summary>The per-sample loss.</summary>
    public Loss Loss { get; }

    /// <summary>Float (default) or double arithmetic and storage.</summary>
    public Precision Precision { get; set; } = Precision.Single;

    /// <summary>The update rule of the generated <c>TrainStep</c> and <c>ApplyGradients</c> (default <see cref="NetGen.Optimizer.Sgd"/>).</summary>
    public Optimizer Optimizer { get; set; } = Optimizer.Sgd;

    /// <summary>δ of the <see cref="NetGen.Loss.Huber"/> loss (default 1).</summary>
    public double HuberDelta { get; set; } = 1.0;
}
