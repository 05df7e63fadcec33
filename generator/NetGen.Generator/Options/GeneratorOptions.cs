using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Options;

/// <summary>
/// The generator's limits and build options, in one place: the defaults, the MSBuild property names, how
/// they are parsed, and the budgets derived from them. Value-equatable, so unchanged options keep the
/// pipeline cached. Documented in README.md ("Unrolling threshold") and docs/diagnostics.md (NG0010).
/// </summary>
/// <param name="UnrollMaxWeights">
/// A network with at most this many weights (and small fan-ins) is written out whole, multiply-add by
/// multiply-add; a larger one runs on the SIMD kernels and writes out its small layers, from the first, within
/// <see cref="MixedUnrollMaxWeights"/>. Build property <c>NetGenUnrollMaxWeights</c>.
/// </param>
/// <param name="UnrollMaxFanIn">
/// No layer with a larger fan-in is written out: a written-out aᵢ = Σⱼ Wᵢⱼxⱼ is one chain of dependent
/// additions, which a wide fan-in makes slower than the SIMD kernels (docs/performance.md §4). Build property
/// <c>NetGenUnrollMaxFanIn</c>.
/// </param>
internal sealed record GeneratorOptions(int UnrollMaxWeights, int UnrollMaxFanIn)
{
    /// <summary>Weights and biases in all (they live inline in the network object).</summary>
    public const long MaxParameters = 4_194_304;

    /// <summary>Units over all layers (their activations and deltas live on the stack during a call).</summary>
    public const long MaxUnits = 16_384;

    /// <summary>The default of <see cref="UnrollMaxWeights"/>.</summary>
    public const int DefaultUnrollMaxWeights = 128;

    /// <summary>The default of <see cref="UnrollMaxFanIn"/>.</summary>
    public const int DefaultUnrollMaxFanIn = 16;

    /// <summary>
    /// TrainBatch of a network written out whole with at most this many weights goes sample by sample (BackwardBatch +
    /// ApplyGradients); above it, and for every network on the kernels, it computes matrix products. Measured with
    /// bench/batch-strategy on a quiet machine, one thread (bench/results/batch-strategy-2026-12-01.md): at batches of
    /// 8 and 32 the sample-by-sample step took 0.45–0.7× the matrix products' time for 2-2-1 and 4-8-3 (56 weights),
    /// while 4-16-3 (112 weights) ranged 0.45–1.3×; at 256 the matrix products won for all three or broke even.
    /// </summary>
    public const long SampleBySampleTrainBatchMaxWeights = 64;

    /// <summary>The MSBuild property that overrides <see cref="UnrollMaxWeights"/>.</summary>
    public const string UnrollMaxWeightsProperty = "NetGenUnrollMaxWeights";

    /// <summary>The MSBuild property that overrides <see cref="UnrollMaxFanIn"/>.</summary>
    public const string UnrollMaxFanInProperty = "NetGenUnrollMaxFanIn";

    /// <summary>The options of a project that sets neither property.</summary>
    public static GeneratorOptions Default { get; } = new(DefaultUnrollMaxWeights, DefaultUnrollMaxFanIn);

    /// <summary>
    /// The most weights written out in a network that also uses the kernels: half the whole-network budget
    /// (next to the kernels a written-out layer pays for the hand-off, which only the smallest layers win back).
    /// </summary>
    public long MixedUnrollMaxWeights => UnrollMaxWeights / 2;

    /// <summary>Reads both properties (as <c>build_property.*</c>, which NetGen.props makes visible); a missing or unreadable value keeps the default.</summary>
    public static GeneratorOptions From(AnalyzerConfigOptions options) => new(
        ReadNonNegative(options, UnrollMaxWeightsProperty, DefaultUnrollMaxWeights),
        ReadNonNegative(options, UnrollMaxFanInProperty, DefaultUnrollMaxFanIn));

    private static int ReadNonNegative(AnalyzerConfigOptions options, string property, int fallback) =>
        options.TryGetValue("build_property." + property, out string? text)
            && int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : fallback;
}
