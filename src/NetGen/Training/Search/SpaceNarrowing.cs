using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Training;

/// <summary>
/// The fine-round rule. Each range, in its scale's coordinate (v, ln v or ln(1 − v)), becomes a window
/// <see cref="SearchOptions.Shrink"/> times as wide, centred on the mean coordinate of the best trials,
/// moved just enough to contain the best trial and then to lie inside the previous range. Each set keeps
/// the values the best trials used. A dimension none of the best trials drew (a decay when they all used
/// a constant schedule) is left as it was.
/// </summary>
/// <remarks>
/// The best trial so far always lies in the previous round's space (it was drawn from it, or it is the
/// earlier best, which every later space contains), so each fine space contains it too.
/// </remarks>
internal static class SpaceNarrowing
{
    /// <summary>The space of the next round. <paramref name="best"/> is non-empty and best first.</summary>
    public static SearchSpace Narrow(SearchSpace space, IReadOnlyList<TrialSettings> best, double shrink) => new()
    {
        LearningRate = Range(space.LearningRate, best, s => s.LearningRate, shrink),
        Momentum = OptionalRange(space.Momentum, best, s => s.Momentum, shrink),
        Beta1 = OptionalRange(space.Beta1, best, s => s.Beta1, shrink),
        Beta2 = OptionalRange(space.Beta2, best, s => s.Beta2, shrink),
        Epsilon = OptionalRange(space.Epsilon, best, s => s.Epsilon, shrink),
        WeightDecay = OptionalRange(space.WeightDecay, best, s => s.WeightDecay, shrink),
        Decay = OptionalRange(space.Decay, best, s => s.Decay, shrink),
        BatchSize = Choice(space.BatchSize, best, s => s.BatchSize),
        Epochs = Choice(space.Epochs, best, s => s.Epochs),
        EarlyStoppingPatience = space.EarlyStoppingPatience is null ? null : OptionalChoice(space.EarlyStoppingPatience, best, s => s.EarlyStoppingPatience),
        Schedule = Choice(space.Schedule, best, s => s.Schedule),
        StepEvery = OptionalChoice(space.StepEvery, best, s => s.StepEvery),
    };

    /// <summary>The values of <paramref name="choice"/> that one of <paramref name="used"/> equals (all of them when none does).</summary>
    public static SearchChoice<TValue> Keep<TValue>(SearchChoice<TValue> choice, IEnumerable<TValue> used)
    {
        var kept = new HashSet<TValue>(used);
        return choice.Where(kept.Contains);
    }

    private static SearchRange? OptionalRange(SearchRange? range, IReadOnlyList<TrialSettings> best, Func<TrialSettings, double?> value, double shrink) =>
        range is null ? null : Range(range, best, value, shrink);

    private static SearchRange Range(SearchRange range, IReadOnlyList<TrialSettings> best, Func<TrialSettings, double?> value, double shrink)
    {
        double[] drawn = best.Select(value).OfType<double>().ToArray();
        if (drawn.Length == 0 || range.Min == range.Max)
        {
            return range;
        }

        double a = range.ToCoordinate(range.Min), b = range.ToCoordinate(range.Max);
        (double lowest, double highest) = (Math.Min(a, b), Math.Max(a, b));
        double width = shrink * (highest - lowest);
        double centre = drawn.Select(range.ToCoordinate).Average();
        double low = centre - (width / 2), high = centre + (width / 2);

        double? winner = value(best[0]);
        if (winner is { } w)
        {
            double c = range.ToCoordinate(w);
            (low, high) = c < low ? (c, c + width) : c > high ? (c - width, c) : (low, high);
        }

        (low, high) = low < lowest ? (lowest, lowest + width) : high > highest ? (highest - width, highest) : (low, high);
        double first = range.FromCoordinate(low), second = range.FromCoordinate(high);
        double min = Math.Min(first, second), max = Math.Max(first, second);
        if (winner is { } v)
        {
            // exp(ln v) need not give v back to the last bit: keep the winner inside exactly.
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }

        return range.Within(min, max);
    }

    private static SearchChoice<TValue> Choice<TValue>(SearchChoice<TValue> choice, IReadOnlyList<TrialSettings> best, Func<TrialSettings, TValue> value) =>
        Keep(choice, best.Select(value));

    private static SearchChoice<int> OptionalChoice(SearchChoice<int> choice, IReadOnlyList<TrialSettings> best, Func<TrialSettings, int?> value)
    {
        int[] used = best.Select(value).OfType<int>().ToArray();
        return used.Length == 0 ? choice : Keep(choice, used);
    }
}
