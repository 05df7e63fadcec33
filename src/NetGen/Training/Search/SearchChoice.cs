using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Training;

/// <summary>
/// A finite set of values for one hyperparameter (batch sizes, epoch counts, schedules), each drawn
/// with the same probability. A fine round of <see cref="HyperparameterSearch"/> keeps only the values
/// that its best trials used, in the order given here.
/// </summary>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class SearchChoice<TValue>
{
    private readonly TValue[] _values;

    /// <summary>The set of <paramref name="values"/>, in this order.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a value twice.</exception>
    public SearchChoice(params TValue[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("A choice needs at least one value; the set is empty.", nameof(values));
        }

        var seen = new HashSet<TValue>();
        foreach (TValue value in values)
        {
            if (!seen.Add(value))
            {
                throw new ArgumentException($"The value {value} appears twice in the set {{{string.Join(", ", values)}}}.", nameof(values));
            }
        }

        _values = (TValue[])values.Clone();
    }

    /// <summary>The values, in the order given.</summary>
    public IReadOnlyList<TValue> Values => _values;

    /// <summary>Whether the set holds <paramref name="value"/>.</summary>
    public bool Contains(TValue value) => Array.IndexOf(_values, value) >= 0;

    /// <summary>"{16, 32, 64}".</summary>
    public override string ToString() => "{" + string.Join(", ", _values) + "}";

    /// <summary>The value for a uniform draw <paramref name="u"/> ∈ [0, 1).</summary>
    internal TValue Sample(double u) => _values[Math.Min((int)(u * _values.Length), _values.Length - 1)];

    /// <summary>The values for which <paramref name="keep"/> holds, in this set's order; this set when none does.</summary>
    internal SearchChoice<TValue> Where(Func<TValue, bool> keep)
    {
        TValue[] kept = _values.Where(keep).ToArray();
        return kept.Length == 0 ? this : new SearchChoice<TValue>(kept);
    }
}

/// <summary>Creates a <see cref="SearchChoice{TValue}"/> with its type inferred: <c>SearchChoice.Of(16, 32, 64)</c>.</summary>
public static class SearchChoice
{
    /// <summary>The set of <paramref name="values"/>, in this order.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds a value twice.</exception>
    public static SearchChoice<TValue> Of<TValue>(params TValue[] values) => new(values);
}
