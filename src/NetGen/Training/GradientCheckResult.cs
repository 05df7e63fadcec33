using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>The outcome of <see cref="GradientCheck.Run{TNet, T}"/>: analytic and numeric gradients and their relative errors.</summary>
public sealed class GradientCheckResult
{
    internal GradientCheckResult(
        double[] analytic, double[] numeric, double[] errors, LayerGradientError[] layers, double loss, double backwardLoss, double step, string? nonFiniteValue)
    {
        NonFiniteValue = nonFiniteValue;
        AnalyticGradient = analytic;
        NumericGradient = numeric;
        RelativeErrors = errors;
        Layers = layers;
        Loss = loss;
        BackwardLoss = backwardLoss;
        Step = step;
        for (int i = 0; i < errors.Length; i++)
        {
            if (errors[i] > MaxRelativeError)
            {
                MaxRelativeError = errors[i];
                WorstParameterIndex = i;
            }
        }

        if (nonFiniteValue is not null)
        {
            MaxRelativeError = double.PositiveInfinity;
        }
    }

    /// <summary>∂L/∂θ from the network's <c>Backward</c>, in math.md's flat order.</summary>
    public IReadOnlyList<double> AnalyticGradient { get; }

    /// <summary>The central-difference estimate of ∂L/∂θ, in flat order.</summary>
    public IReadOnlyList<double> NumericGradient { get; }

    /// <summary>|g − ĝ| / max(1e−8, |g| + |ĝ|) for every parameter (+∞ where either value is not finite).</summary>
    public IReadOnlyList<double> RelativeErrors { get; }

    /// <summary>The worst errors per Dense layer.</summary>
    public IReadOnlyList<LayerGradientError> Layers { get; }

    /// <summary>The worst relative error over all parameters (+∞ when <see cref="NonFiniteValue"/> is set).</summary>
    public double MaxRelativeError { get; }

    /// <summary>The flat index of the parameter with the worst error (0 when all errors are 0).</summary>
    public int WorstParameterIndex { get; }

    /// <summary>L = ComputeLoss(Forward(x), y) at the unperturbed parameters.</summary>
    public double Loss { get; }

    /// <summary>The loss <c>Backward</c> returned; it should equal <see cref="Loss"/>.</summary>
    public double BackwardLoss { get; }

    /// <summary>The step h that was used.</summary>
    public double Step { get; }

    /// <summary>
    /// The first NaN or infinite value the check met (in the input, the target, a parameter, the loss or a gradient),
    /// as in "input[0] is NaN", or <see langword="null"/> when every value was finite. A check that met one fails.
    /// </summary>
    public string? NonFiniteValue { get; }

    /// <summary>Whether the check passed: every value was finite and <see cref="MaxRelativeError"/> is at most <paramref name="tolerance"/>.</summary>
    /// <param name="tolerance">The largest acceptable relative error.</param>
    public bool Passes(double tolerance) => NonFiniteValue is null && MaxRelativeError <= tolerance;
}
