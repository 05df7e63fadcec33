using System;
using System.Globalization;
using System.Numerics;

namespace NetGen.Data;

/// <summary>Deterministic, seeded train/validation/test splits.</summary>
public static class DatasetSplitter
{
    /// <summary>
    /// Shuffles the sample order with <see cref="DeterministicRandom.Shuffle{T}"/> seeded by
    /// <paramref name="seed"/> and cuts it into three parts. With N samples, the cut points are
    /// round(N·train) and round(N·(train + validation)) (rounding half away from zero), so the parts
    /// always add up to N. The same data and seed give the same split on every machine.
    /// </summary>
    /// <param name="data">The samples to split.</param>
    /// <param name="trainFraction">The share for training, in [0, 1].</param>
    /// <param name="validationFraction">The share for validation, in [0, 1].</param>
    /// <param name="testFraction">The share for testing, in [0, 1].</param>
    /// <param name="seed">The shuffle seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1] or not a number.</exception>
    /// <exception cref="ArgumentException">The fractions do not add up to 1 (within 1e−9).</exception>
    public static DatasetSplit<T> Split<T>(
        Dataset<T> data, double trainFraction, double validationFraction, double testFraction, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfNotFraction(trainFraction, nameof(trainFraction));
        ThrowIfNotFraction(validationFraction, nameof(validationFraction));
        ThrowIfNotFraction(testFraction, nameof(testFraction));
        double sum = trainFraction + validationFraction + testFraction;
        if (Math.Abs(sum - 1.0) > 1e-9)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The fractions must add up to 1, but {trainFraction} + {validationFraction} + {testFraction} = {sum}."),
                nameof(testFraction));
        }

        int count = data.Count;
        int[] order = ShuffledIndices(count, seed);
        int trainEnd = Math.Min(count, (int)Math.Round(count * trainFraction, MidpointRounding.AwayFromZero));
        int validationEnd = Math.Min(
            count, (int)Math.Round(count * (trainFraction + validationFraction), MidpointRounding.AwayFromZero));
        if (testFraction == 0)
        {
            validationEnd = count;
        }

        ReadOnlySpan<int> all = order;
        return new DatasetSplit<T>(
            data.Subset(all[..trainEnd]),
            data.Subset(all[trainEnd..validationEnd]),
            data.Subset(all[validationEnd..]));
    }

    /// <summary>The indices 0 … <paramref name="count"/>−1 in the order <see cref="Split{T}"/> uses for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static int[] ShuffledIndices(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var random = new DeterministicRandom(seed);
        random.Shuffle(order.AsSpan());
        return order;
    }

    private static void ThrowIfNotFraction(double value, string parameterName)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "A fraction must be in [0, 1].");
        }
    }
}
