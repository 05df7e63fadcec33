namespace NetGen.Training;

/// <summary>How a <see cref="SearchRange"/> spreads its samples between its bounds.</summary>
public enum SearchScale
{
    /// <summary>Uniform in the value itself: v = min + (max − min)·u with u uniform in [0, 1).</summary>
    Linear = 0,

    /// <summary>
    /// Uniform in ln v (log-uniform): each factor of ten between the bounds gets the same share of the
    /// samples. For learning rates, ε and weight decay; the bounds must be positive.
    /// </summary>
    Log = 1,

    /// <summary>
    /// Uniform in ln(1 − v): log-uniform in the distance from 1, for β's such as momentum, β₁ and β₂, so
    /// that [0.9, 0.999] samples 0.9…0.99 as often as 0.99…0.999. The bounds must be below 1.
    /// </summary>
    LogOneMinus = 2,
}
