using NetGen.Generator.Model;

namespace NetGen.Generator.Mathematics;

/// <summary>What math.md says about each loss that validation, planning and emission need to agree on.</summary>
internal static class LossFacts
{
    /// <summary>Whether the loss is a function of the residual r = o − y alone (computed once per element, then shared by L and ∂L/∂o).</summary>
    public static bool UsesResidual(LossKind loss) =>
        loss is LossKind.MeanSquaredError or LossKind.MeanAbsoluteError or LossKind.Huber;

    /// <summary>Whether the loss takes a logarithm of the output (never of anything below the smallest normal number).</summary>
    public static bool TakesLogarithm(LossKind loss) =>
        loss is LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy or LossKind.KLDivergence or LossKind.Poisson;

    /// <summary>
    /// The probability and count losses: undefined on an unbounded output such as Maxout's (BCE needs (0, 1), CCE and KL
    /// a distribution, Poisson positive values).
    /// </summary>
    public static bool NeedsBoundedOutput(LossKind loss) =>
        loss is LossKind.BinaryCrossEntropy or LossKind.CategoricalCrossEntropy or LossKind.KLDivergence or LossKind.Poisson;

    /// <summary>Defined in the public enum.</summary>
    public static bool IsDefined(LossKind loss) => loss >= LossKind.MeanSquaredError && loss <= LossKind.Poisson;

    /// <summary>A Huber δₕ math.md accepts: finite and &gt; 0.</summary>
    public static bool IsValidHuberDelta(double delta) => delta > 0 && !double.IsInfinity(delta);
}
