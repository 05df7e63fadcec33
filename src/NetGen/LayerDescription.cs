namespace NetGen;

/// <summary>
/// One layer with parameters, as run-time code (trainer, weight files, ONNX, gradient checks) needs to
/// know it: its kind, its fan-in, its width, and what it applies. Layers without parameters (dropout)
/// do not appear. In math.md's flat order the layer stores W [<see cref="Rows"/> × <see cref="Inputs"/>]
/// row-major, then b [<see cref="Rows"/>].
/// </summary>
/// <param name="Kind">Dense or Maxout.</param>
/// <param name="Inputs">The fan-in nₗ₋₁.</param>
/// <param name="Units">The layer's output width nₗ.</param>
/// <param name="Pieces">Affine maps per unit: 1 for Dense, k ≥ 2 for Maxout.</param>
/// <param name="Activation">The activation of a Dense layer (<see cref="NetGen.Activation.Linear"/> for Maxout, which applies none after its max).</param>
/// <param name="Alpha">The LeakyReLU slope or the ELU α in force (declared or math.md's default); 0 for other activations.</param>
public readonly record struct LayerDescription(LayerKind Kind, int Inputs, int Units, int Pieces, Activation Activation, double Alpha)
{
    /// <summary>Rows of W and entries of b: <see cref="Units"/> × <see cref="Pieces"/>.</summary>
    public int Rows => Units * Pieces;

    /// <summary>Entries of W: <see cref="Rows"/> × <see cref="Inputs"/>.</summary>
    public int WeightCount => Rows * Inputs;

    /// <summary>Entries of W and b together.</summary>
    public int ParameterCount => WeightCount + Rows;

    /// <summary>A Dense layer.</summary>
    public static LayerDescription Dense(int inputs, int units, Activation activation, double alpha = 0) =>
        new(LayerKind.Dense, inputs, units, 1, activation, alpha);

    /// <summary>A Maxout layer of <paramref name="units"/> units with <paramref name="pieces"/> pieces each.</summary>
    public static LayerDescription Maxout(int inputs, int units, int pieces) =>
        new(LayerKind.Maxout, inputs, units, pieces, Activation.Linear, 0);
}
