namespace NetGen.Generator.Validation;

/// <summary>The sizes the generator handles; documented in README.md and docs/diagnostics.md.</summary>
internal static class GeneratorLimits
{
    /// <summary>Weights and biases in all (they live inline in the network object).</summary>
    public const long MaxParameters = 4_194_304;

    /// <summary>Units over all Dense layers (their activations and deltas live on the stack during a call).</summary>
    public const long MaxUnits = 16_384;

    /// <summary>
    /// The most weights one network writes out multiply-add by multiply-add: layers are written out from the
    /// first while their weights fit in what is left (and their fan-in is small); the others use the SIMD
    /// kernels in constant-bound loops. A project can change it with the <c>NetGenUnrollMaxWeights</c> build property.
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
