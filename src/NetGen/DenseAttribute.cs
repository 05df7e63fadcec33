using System;

namespace NetGen;

/// <summary>
/// A fully connected layer: a = W o⁽ˡ⁻¹⁾ + b, o = f(a), with one output per unit.
/// Its fan-in is the width of the previous layer.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <summary>Declares a layer of <paramref name="units"/> units with the given <paramref name="activation"/>.</summary>
    public DenseAttribute(int units, Activation activation)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>The number of units (the layer's width).</summary>
    public int Units { get; }

    /// <summary>The non-linearity.</summary>
    public Activation Activation { get; }

    /// <summary>
    /// Optional declared fan-in. When set (&gt; 0), it must equal the previous layer's width; the
    /// analyzers report a mismatch at compile time. 0 means "not declared".
    /// </summary>
    public int Inputs { get; set; }

    /// <summary>
    /// The slope α of <see cref="NetGen.Activation.LeakyReLU"/> (default 0.01) or the α of
    /// <see cref="NetGen.Activation.ELU"/> (default 1). Ignored by other activations.
    /// NaN, the value when the argument is not given, means the activation's default.
    /// </summary>
    public double Alpha { get; set; } = double.NaN;
}
