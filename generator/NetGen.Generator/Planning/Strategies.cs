namespace NetGen.Generator.Planning;

/// <summary>How a layer's arithmetic is written.</summary>
internal enum LayerStrategy
{
    /// <summary>Every multiply-add written out with constant indices, one local per unit (the debugger shows each).</summary>
    WrittenOut,

    /// <summary>Constant-bound calls into the SIMD kernels of <c>NetGen.Kernels.VectorMath</c> and the optimizers.</summary>
    Kernels,
}

/// <summary>How a whole network is written: the strategies of its layers taken together.</summary>
internal enum NetworkStrategy
{
    /// <summary>Every layer <see cref="LayerStrategy.WrittenOut"/>.</summary>
    WrittenOut,

    /// <summary>Every layer on the <see cref="LayerStrategy.Kernels"/>.</summary>
    Kernels,

    /// <summary>Small layers written out, the others on the kernels, with spans at the boundaries.</summary>
    Mixed,
}
