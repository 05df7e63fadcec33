using System;

namespace NetGen;

/// <summary>
/// A Maxout layer (math.md, "Maxout layers"): <c>units</c> units, each the maximum of <c>pieces</c> affine maps of
/// the previous layer, oᵢ = maxⱼ (wᵢⱼᵀx + bᵢⱼ), with no activation after the max. It stores exactly what
/// <c>torch.nn.Linear(n, units * pieces)</c> stores (row i·pieces + j is piece j of unit i) and is usable wherever
/// <see cref="DenseAttribute"/> is, hidden or output.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class MaxoutAttribute : Attribute
{
    /// <summary>Declares a layer of <paramref name="units"/> units of <paramref name="pieces"/> pieces each (at least 2).</summary>
    public MaxoutAttribute(int units, int pieces)
    {
        Units = units;
        Pieces = pieces;
    }

    /// <summary>The number of units (the layer's width).</summary>
    public int Units { get; }

    /// <summary>The affine maps per unit, k ≥ 2.</summary>
    public int Pieces { get; }

    /// <summary>
    /// Optional declared fan-in. When set (&gt; 0), it must equal the previous layer's width; the analyzers report a
    /// mismatch at compile time. 0 means "not declared".
    /// </summary>
    public int Inputs { get; set; }
}
