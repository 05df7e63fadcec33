using System;
using System.Numerics;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// The branch-free ReLU kernels give every element exactly what the per-element form aᵢ > 0 ? aᵢ : 0 gives
/// (the form the generator writes for written-out layers), special values included, in SIMD lanes and tails.
/// </summary>
public sealed class ReLUKernelTests
{
    private static readonly double[] Specials =
    {
        0.0, -0.0, 1.5, -1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-310, -1e-310, 1e-40, -1e-40,
    };

    /// <summary>Lengths around one, two and more SIMD widths of both element types.</summary>
    public static TheoryData<int> Lengths() => new(0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 67);

    private static T[] Values<T>(int n, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = T.CreateChecked(i % 3 == 0 ? Specials[random.Next(Specials.Length)] : random.NextDouble() - 0.5);
        }

        return values;
    }

    private static void AssertBitsEqual<T>(T expected, T actual, int index)
        where T : IFloatingPointIeee754<T>
    {
        bool same = T.IsNaN(expected) ? T.IsNaN(actual) : expected.Equals(actual) && T.IsNegative(expected) == T.IsNegative(actual);
        Assert.True(same, $"element {index}: expected {expected}, got {actual}");
    }

    private static void ReLUMatchesScalarForm<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = Values<T>(n, n), o = new T[n];
        VectorMath.ReLU<T>(a, o);
        for (int i = 0; i < n; i++)
        {
            AssertBitsEqual(a[i] > T.Zero ? a[i] : T.Zero, o[i], i);
        }
    }

    private static void ReLUDeltaMatchesScalarForm<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = Values<T>(n, n), g = Values<T>(n, n + 100), d = new T[n];
        VectorMath.ReLUDelta<T>(a, g, d);
        for (int i = 0; i < n; i++)
        {
            AssertBitsEqual(a[i] > T.Zero ? g[i] : T.Zero, d[i], i);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLU_float_matches_the_scalar_form(int n) => ReLUMatchesScalarForm<float>(n);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLU_double_matches_the_scalar_form(int n) => ReLUMatchesScalarForm<double>(n);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLUDelta_float_matches_the_scalar_form(int n) => ReLUDeltaMatchesScalarForm<float>(n);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReLUDelta_double_matches_the_scalar_form(int n) => ReLUDeltaMatchesScalarForm<double>(n);

    [Fact]
    public void A_span_of_the_wrong_length_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorMath.ReLUDelta<float>(new float[8], new float[8], new float[7]));
        Assert.Contains("delta", error.Message, StringComparison.Ordinal);
    }
}
