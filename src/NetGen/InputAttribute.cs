using System;

namespace NetGen;

/// <summary>The input layer: the number of values per sample. Exactly one, before every <see cref="DenseAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Declares an input of <paramref name="size"/> values.</summary>
    public InputAttribute(int size) => Size = size;

    /// <summary>The number of input values per sample.</summary>
    public int Size { get; }
}
