using System;

namespace NetGen.Tests.Batched;

/// <summary>
/// How far one optimizer step may move a parameter when its gradient g is known only to within ±d (math.md's bound on
/// the batched gradient): the optimizer's moments are replayed here in double from the reference gradients of the
/// steps before (math.md's update table), and the step's sensitivity to g is bounded by hand from them.
/// <para>
/// Every update is w ← w − η·u(g) with u one parameter's function of its own gradient and the moments before the step,
/// so by the mean value theorem |Δw| ≤ η·sup|u′|·d over g ∈ [g_r − d, g_r + d] (g_r the reference gradient):
/// </para>
/// <list type="bullet">
/// <item>Sgd: u = g, u′ = 1.</item>
/// <item>Momentum: u = βm + (1 − β)g, u′ = 1 − β.</item>
/// <item>
/// RmsProp: u = g/(√S + ε), S = βv + (1 − β)g². u′ = (βv + ε√S)/(√S(√S + ε)²) lies in [0, 1/(√S + ε)], largest where S
/// is smallest: S ≥ βv + (1 − β)·max(0, |g_r| − d)². Also |u| &lt; 1/√(1 − β), so |Δu| ≤ 2/√(1 − β) whatever d is.
/// </item>
/// <item>
/// Adam (step t, c₁ = 1 − β₁ᵗ, c₂ = 1 − β₂ᵗ): u = M/(√V + ε), M = (β₁m + (1 − β₁)g)/c₁, V = (β₂v + (1 − β₂)g²)/c₂.
/// u′ = M′/(√V + ε) − M·V′/(2√V(√V + ε)²) with M′ = (1 − β₁)/c₁ and V′ = 2(1 − β₂)g/c₂; since c₂V ≥ (1 − β₂)g²,
/// (1 − β₂)|g|/(c₂√V) ≤ √((1 − β₂)/c₂), so |u′| ≤ [(1 − β₁)/c₁ + |M|·√((1 − β₂)/c₂)/(√V + ε)]/(√V + ε), with the
/// largest |M| and the smallest V over the interval.
/// </item>
/// </list>
/// The replayed moments differ from the network's (float or double) by a few roundings relative, far below the 10 %
/// <see cref="Margin"/> the bound is given.
/// </summary>
internal sealed class OptimizerStepBound
{
    /// <summary>Head room for the replayed moments' rounding (relative 1e−6 at worst in float after a few steps).</summary>
    private const double Margin = 1.1;

    private readonly Optimizer _optimizer;
    private readonly Hyperparameters _settings;
    private readonly double[] _m, _v;
    private long _t;

    public OptimizerStepBound(Optimizer optimizer, Hyperparameters settings, int parameters)
    {
        _optimizer = optimizer;
        _settings = settings;
        _m = new double[parameters];
        _v = new double[parameters];
    }

    /// <summary>Replays one step with the gradient <paramref name="g"/> (mean over the batch, λw already added).</summary>
    public void Step(ReadOnlySpan<double> g)
    {
        double beta = _optimizer == Optimizer.Adam ? _settings.Beta1 : _settings.Beta;
        for (int k = 0; k < g.Length; k++)
        {
            _m[k] = (beta * _m[k]) + ((1 - beta) * g[k]);
            double beta2 = _optimizer == Optimizer.Adam ? _settings.Beta2 : _settings.Beta;
            _v[k] = (beta2 * _v[k]) + ((1 - beta2) * g[k] * g[k]);
        }

        _t++;
    }

    /// <summary>The most the next step may move parameter <paramref name="k"/> when its gradient is within ±<paramref name="d"/> of <paramref name="g"/>.</summary>
    public double Of(int k, double g, double d)
    {
        double eta = _settings.LearningRate, epsilon = _settings.Epsilon, low = Math.Max(0, Math.Abs(g) - d);
        switch (_optimizer)
        {
            case Optimizer.Sgd:
                return Margin * eta * d;
            case Optimizer.Momentum:
                return Margin * eta * (1 - _settings.Beta) * d;
            case Optimizer.RmsProp:
            {
                double beta = _settings.Beta;
                double root = Math.Sqrt((beta * _v[k]) + ((1 - beta) * low * low));
                return Margin * eta * Math.Min(d / (root + epsilon), 2 / Math.Sqrt(1 - beta));
            }

            default:
            {
                double beta1 = _settings.Beta1, beta2 = _settings.Beta2;
                long t = _t + 1;
                double c1 = 1 - Math.Pow(beta1, t), c2 = 1 - Math.Pow(beta2, t);
                double largestM = ((beta1 * Math.Abs(_m[k])) + ((1 - beta1) * (Math.Abs(g) + d))) / c1;
                double root = Math.Sqrt(((beta2 * _v[k]) + ((1 - beta2) * low * low)) / c2) + epsilon;
                double slope = (((1 - beta1) / c1) + (largestM * Math.Sqrt((1 - beta2) / c2) / root)) / root;
                return Margin * eta * slope * d;
            }
        }
    }
}
