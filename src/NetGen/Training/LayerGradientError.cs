using System;

namespace NetGen.Training;

/// <summary>The worst relative gradient error found in one Dense layer by <see cref="GradientCheck"/>.</summary>
/// <param name="Layer">The 0-based Dense layer index (as in the weight file's <c>layers.k</c>).</param>
/// <param name="WeightError">The worst relative error over the layer's weights.</param>
/// <param name="BiasError">The worst relative error over the layer's biases.</param>
public readonly record struct LayerGradientError(int Layer, double WeightError, double BiasError)
{
    /// <summary>The larger of <see cref="WeightError"/> and <see cref="BiasError"/>.</summary>
    public double MaxError => Math.Max(WeightError, BiasError);
}
