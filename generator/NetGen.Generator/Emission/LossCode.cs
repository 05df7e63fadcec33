using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

/// <summary>
/// Each loss as code and as the equation written in comments: the per-element term of L, its
/// gradient ∂L/∂oᵢ, and for the matching pairs the stable form computed from the pre-activation.
/// ln is never taken of anything below <c>LogFloor</c> (the smallest normal number).
/// </summary>
internal static class LossCode
{
    /// <summary>L(o, y) as in math.md.</summary>
    public static string Formula(LossKind loss, double huberDelta) => loss switch
    {
        LossKind.MeanSquaredError => "L = ½ Σᵢ (oᵢ − yᵢ)²",
        LossKind.MeanAbsoluteError => "L = Σᵢ |oᵢ − yᵢ|",
        LossKind.Huber => $"L = Σᵢ ½rᵢ² if |rᵢ| ≤ δₕ else δₕ(|rᵢ| − ½δₕ), rᵢ = oᵢ − yᵢ, δₕ = {InvariantNumber.Text(huberDelta)}",
        LossKind.BinaryCrossEntropy => "L = −Σᵢ [yᵢ ln oᵢ + (1 − yᵢ) ln(1 − oᵢ)]",
        LossKind.CategoricalCrossEntropy => "L = −Σᵢ yᵢ ln oᵢ",
        LossKind.KLDivergence => "L = Σᵢ yᵢ ln(yᵢ/oᵢ), with 0·ln 0 = 0",
        LossKind.Hinge => "L = Σᵢ max(0, 1 − yᵢoᵢ)",
        LossKind.Poisson => "L = Σᵢ (oᵢ − yᵢ ln oᵢ)",
        _ => loss.ToString(),
    };

    /// <summary>∂L/∂oᵢ as in math.md.</summary>
    public static string GradientFormula(LossKind loss) => loss switch
    {
        LossKind.MeanSquaredError => "∂L/∂oᵢ = oᵢ − yᵢ",
        LossKind.MeanAbsoluteError => "∂L/∂oᵢ = sign(oᵢ − yᵢ), 0 at 0",
        LossKind.Huber => "∂L/∂oᵢ = rᵢ if |rᵢ| ≤ δₕ else δₕ·sign(rᵢ)",
        LossKind.BinaryCrossEntropy => "∂L/∂oᵢ = (oᵢ − yᵢ) / (oᵢ(1 − oᵢ))",
        LossKind.CategoricalCrossEntropy => "∂L/∂oᵢ = −yᵢ/oᵢ",
        LossKind.KLDivergence => "∂L/∂oᵢ = −yᵢ/oᵢ",
        LossKind.Hinge => "∂L/∂oᵢ = −yᵢ if yᵢoᵢ < 1 else 0",
        LossKind.Poisson => "∂L/∂oᵢ = 1 − yᵢ/oᵢ",
        _ => loss.ToString(),
    };

    /// <summary>
    /// The per-element term of L from the output <paramref name="o"/> and target <paramref name="y"/>;
    /// <paramref name="r"/> is the element's residual o − y (a local) for the losses that use it.
    /// </summary>
    public static string Term(LossKind loss, string o, string y, string r, Scalar s)
    {
        string ln(string x) => $"{s.Math}.Log({s.Math}.Max({x}, LogFloor))";
        return loss switch
        {
            LossKind.MeanSquaredError => $"{s.Half} * {r} * {r}",
            LossKind.MeanAbsoluteError => $"{s.Math}.Abs({r})",
            LossKind.Huber => $"HuberTerm({r})",
            LossKind.BinaryCrossEntropy => $"-({y} * {ln(o)} + ({s.One} - {y}) * {ln($"{s.One} - {o}")})",
            LossKind.CategoricalCrossEntropy => $"-{y} * {ln(o)}",
            LossKind.KLDivergence => $"({y} > {s.Zero} ? {y} * {s.Math}.Log({y} / {s.Math}.Max({o}, LogFloor)) : {s.Zero})",
            LossKind.Hinge => $"{s.Math}.Max({s.Zero}, {s.One} - {y} * {o})",
            LossKind.Poisson => $"{o} - {y} * {ln(o)}",
            _ => s.Zero,
        };
    }

    /// <summary>
    /// The per-element term of L for a matching pair, from the pre-activation <paramref name="a"/>
    /// (never ln 0). <paramref name="logSumExp"/> is the layer's log Σ eᵃ for Softmax.
    /// </summary>
    public static string MatchingTerm(ActivationKind activation, LossKind loss, string a, string o, string y, string logSumExp, Scalar s) =>
        (activation, loss) switch
        {
            (ActivationKind.Sigmoid, LossKind.BinaryCrossEntropy) => $"{ActivationCode.StableSoftplus(a, s)} - {y} * {a}",
            (ActivationKind.Softmax, LossKind.CategoricalCrossEntropy) => $"{y} * ({logSumExp} - {a})",
            (ActivationKind.Softmax, LossKind.KLDivergence) => $"({y} > {s.Zero} ? {y} * ({s.Math}.Log({y}) - {a} + {logSumExp}) : {s.Zero})",
            (ActivationKind.Exponential, LossKind.Poisson) => $"{o} - {y} * {a}",
            _ => throw new System.ArgumentOutOfRangeException(nameof(loss), loss, "Not a pair with a pre-activation form."),
        };

    /// <summary>The matching pair's loss equation in its stable form, for comments.</summary>
    public static string MatchingFormula(ActivationKind activation, LossKind loss) => (activation, loss) switch
    {
        (ActivationKind.Sigmoid, LossKind.BinaryCrossEntropy) => "computed from a as Σᵢ [softplus(aᵢ) − yᵢaᵢ] (never ln 0)",
        (ActivationKind.Softmax, LossKind.CategoricalCrossEntropy) => "computed from a as Σᵢ yᵢ(logsumexp(a) − aᵢ), since ln oᵢ = aᵢ − logsumexp(a)",
        (ActivationKind.Softmax, LossKind.KLDivergence) => "computed from a with ln oᵢ = aᵢ − logsumexp(a)",
        (ActivationKind.Exponential, LossKind.Poisson) => "computed from a as Σᵢ (oᵢ − yᵢaᵢ), since ln oᵢ = aᵢ",
        _ => string.Empty,
    };

    /// <summary>∂L/∂oᵢ for one element (<paramref name="r"/> as in <see cref="Term"/>).</summary>
    public static string Gradient(LossKind loss, string o, string y, string r, Scalar s) => loss switch
    {
        LossKind.MeanSquaredError => r,
        LossKind.MeanAbsoluteError => $"{r} > {s.Zero} ? {s.One} : {r} < {s.Zero} ? -{s.One} : {s.Zero}",
        LossKind.Huber => $"HuberGradient({r})",
        LossKind.BinaryCrossEntropy => $"({o} - {y}) / {s.Math}.Max({o} * ({s.One} - {o}), LogFloor)",
        LossKind.CategoricalCrossEntropy or LossKind.KLDivergence => $"-{y} / {s.Math}.Max({o}, LogFloor)",
        LossKind.Hinge => $"{y} * {o} < {s.One} ? -{y} : {s.Zero}",
        LossKind.Poisson => $"{s.One} - {y} / {s.Math}.Max({o}, LogFloor)",
        _ => s.Zero,
    };
}
