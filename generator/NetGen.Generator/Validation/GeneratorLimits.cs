namespace NetGen.Generator.Validation;

/// <summary>The sizes the generator handles; documented in README.md and docs/diagnostics.md.</summary>
internal static class GeneratorLimits
{
    /// <summary>Weights and biases in all (they live inline in the network object).</summary>
    public const long MaxParameters = 4_194_304;

    /// <summary>Units over all Dense layers (their activations and deltas live on the stack during a call).</summary>
    public const long MaxUnits = 16_384;

    /// <summary>
    /// A network with at most this many weights (and small fan-ins) is written out whole, multiply-add by
    /// multiply-add; a larger one runs on the SIMD kernels in constant-bound loops and writes out its small
    /// layers, from the first, within half this many weights. A project can change it with the
    /// <c>NetGenUnrollMaxWeights</c> build property.
    /// </summary>
    public const int UnrollMaxWeights = 128;

    /// <summary>
    /// No layer with a larger fan-in is written out: an unrolled aᵢ = Σⱼ Wᵢⱼxⱼ is one chain of
    /// dependent additions, which a wide fan-in makes slower than the SIMD kernels (docs/performance.md §4).
    /// A project can change it with the <c>NetGenUnrollMaxFanIn</c> build property.
    /// </summary>
    public const int UnrollMaxFanIn = 16;

    /// <summary>The build property that overrides <see cref="UnrollMaxWeights"/>, as the generator sees it.</summary>
    public const string UnrollMaxWeightsProperty = "build_property.NetGenUnrollMaxWeights";

    /// <summary>The build property that overrides <see cref="UnrollMaxFanIn"/>, as the generator sees it.</summary>
    public const string UnrollMaxFanInProperty = "build_property.NetGenUnrollMaxFanIn";
}
