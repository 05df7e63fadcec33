using System;
using System.Numerics;

namespace NetGen;

/// <summary>
/// A small seeded generator (SplitMix64) that gives the same sequence on every machine and runtime,
/// used for parameter initialisation and shuffling.
/// </summary>
public struct DeterministicRandom
{
    private ulong _state;

    /// <summary>Starts the sequence for <paramref name="seed"/>.</summary>
    public DeterministicRandom(int seed) => _state = unchecked((ulong)(long)seed) ^ 0x9E3779B97F4A7C15UL;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A double uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt32(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        return (int)((NextUInt64() >> 33) * (ulong)exclusiveMax >> 31);
    }

    /// <summary>Fills <paramref name="destination"/> with values uniform in (−<paramref name="limit"/>, <paramref name="limit"/>).</summary>
    public void FillUniform<T>(Span<T> destination, double limit)
        where T : IFloatingPoint<T>
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = T.CreateChecked(limit * (2.0 * NextDouble() - 1.0));
        }
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt32(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
