using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>The outcome of <see cref="GradientCheck.Run{TNet, T}"/>: analytic and numeric gradients and their relative errors.</summary>
public sealed class GradientCheckResult
{
    internal GradientCheckResult(
        double[] analytic, double[] numeric, double[] errors, LayerGradientError[] layers, double loss, double backwardLoss, double step)
    {
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
    }

    /// <summary>∂L/∂θ from the network's <c>Backward</c>, in math.md's flat order.</summary>
    public IReadOnlyList<double> AnalyticGradient { get; }

    /// <summary>The central-difference estimate of ∂L/∂θ, in flat order.</summary>
    public IReadOnlyList<double> NumericGradient { get; }

    /// <summary>|g − ĝ| / max(1e−8, |g| + |ĝ|) for every parameter (+∞ where either value is not finite).</summary>
    public IReadOnlyList<double> RelativeErrors { get; }

    /// <summary>The worst errors per Dense layer.</summary>
    public IReadOnlyList<LayerGradientError> Layers { get; }

    /// <summary>The worst relative error over all parameters.</summary>
    public double MaxRelativeError { get; }

    /// <summary>The flat index of the parameter with the worst error (0 when all errors are 0).</summary>
    public int WorstParameterIndex { get; }

    /// <summary>L = ComputeLoss(Forward(x), y) at the unperturbed parameters.</summary>
    public double Loss { get; }

    /// <summary>The loss <c>Backward</c> returned; it should equal <see cref="Loss"/>.</summary>
    public double BackwardLoss { get; }

    /// <summary>The step h that was used.</summary>
    public double Step { get; }
}
