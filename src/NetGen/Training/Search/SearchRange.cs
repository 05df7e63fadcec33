using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// A continuous interval of one hyperparameter, [<see cref="Min"/>, <see cref="Max"/>], sampled uniformly
/// in its <see cref="Scale"/>'s coordinate. A fine round of <see cref="HyperparameterSearch"/> replaces it
/// by a narrower interval inside it (see <see cref="SearchOptions.Shrink"/>).
/// </summary>
public sealed class SearchRange
{
    private SearchRange(double min, double max, SearchScale scale)
    {
        Min = min;
        Max = max;
        Scale = scale;
    }

    /// <summary>The lower bound (included).</summary>
    public double Min { get; }

    /// <summary>The upper bound (included; equal to <see cref="Min"/> for a fixed value).</summary>
    public double Max { get; }

    /// <summary>How the samples are spread between the bounds.</summary>
    public SearchScale Scale { get; }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static SearchRange Uniform(double min, double max) => Create(min, max, SearchScale.Linear);

    /// <summary>Log-uniform in [<paramref name="min"/>, <paramref name="max"/>] (uniform in ln v): for learning rates, ε, weight decay.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not positive and finite, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static SearchRange LogUniform(double min, double max) => Create(min, max, SearchScale.Log);

    /// <summary>Log-uniform in 1 − v over [<paramref name="min"/>, <paramref name="max"/>]: for β's close to 1 (momentum, β₁, β₂).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite and below 1, or <paramref name="max"/> is below <paramref name="min"/>.</exception>
    public static SearchRange LogUniformOneMinus(double min, double max) => Create(min, max, SearchScale.LogOneMinus);

    /// <summary>Always <paramref name="value"/> (a range of width 0): the hyperparameter is set but not searched.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static SearchRange Fixed(double value) => Create(value, value, SearchScale.Linear);

    /// <summary>Whether <paramref name="value"/> lies in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>The width in the scale's coordinate (max − min, ln max − ln min, or ln(1 − min) − ln(1 − max)).</summary>
    public double Width => Math.Abs(ToCoordinate(Max) - ToCoordinate(Min));

    /// <summary>"LogUniform(0.0001, 0.1)" and the like, bounds to four significant digits.</summary>
    public override string ToString()
    {
        string name = Scale switch
        {
            SearchScale.Log => "LogUniform",
            SearchScale.LogOneMinus => "LogUniformOneMinus",
            _ => Min == Max ? "Fixed" : "Uniform",
        };
        return Min == Max && Scale == SearchScale.Linear
            ? string.Create(CultureInfo.InvariantCulture, $"{name}({Min:G4})")
            : string.Create(CultureInfo.InvariantCulture, $"{name}({Min:G4}, {Max:G4})");
    }

    /// <summary>The value at fraction <paramref name="u"/> ∈ [0, 1) of the way from min to max in the scale's coordinate.</summary>
    internal double Sample(double u)
    {
        if (Min == Max)
        {
            return Min;
        }

        double low = ToCoordinate(Min), high = ToCoordinate(Max);
        return Math.Clamp(FromCoordinate(low + (high - low) * u), Min, Max);
    }

    /// <summary>The coordinate in which the range is uniform: v, ln v or ln(1 − v).</summary>
    internal double ToCoordinate(double value) => Scale switch
    {
        SearchScale.Log => Math.Log(value),
        SearchScale.LogOneMinus => Math.Log(1 - value),
        _ => value,
    };

    /// <summary>The value at a coordinate: the inverse of <see cref="ToCoordinate"/>.</summary>
    internal double FromCoordinate(double coordinate) => Scale switch
    {
        SearchScale.Log => Math.Exp(coordinate),
        SearchScale.LogOneMinus => 1 - Math.Exp(coordinate),
        _ => coordinate,
    };

    /// <summary>A range on the same scale; the bounds are clamped into this one (rounding in exp/log can step just outside).</summary>
    internal SearchRange Within(double min, double max) =>
        new(Math.Clamp(min, Min, Max), Math.Clamp(max, Min, Max), Scale);

    private static SearchRange Create(double min, double max, SearchScale scale)
    {
        ThrowIfOutsideScale(min, nameof(min), scale);
        ThrowIfOutsideScale(max, nameof(max), scale);
        if (max < min)
        {
            throw new ArgumentOutOfRangeException(
                nameof(max),
                max,
                string.Create(CultureInfo.InvariantCulture, $"The range is inverted: max {max} is below min {min}."));
        }

        return new SearchRange(min, max, scale);
    }

    private static void ThrowIfOutsideScale(double value, string name, SearchScale scale)
    {
        string? problem = scale switch
        {
            _ when !double.IsFinite(value) => "A bound must be a finite number.",
            SearchScale.Log when value <= 0 => "A log-uniform range needs positive bounds.",
            SearchScale.LogOneMinus when value >= 1 => "A range log-uniform in 1 − v needs bounds below 1.",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentOutOfRangeException(name, value, problem);
        }
    }
}
