using System;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// Activations over whole spans for the batch kernels. float: tanh, sigmoid, exp, softplus and ELU in SIMD lanes
/// (<see cref="VectorActivations"/>, within a few ulp of <see cref="MathF"/>, see docs/performance.md); double: the
/// scalar <see cref="Math"/> functions, element by element, as accurate as the per-sample code.
/// </summary>
public static class BatchActivations
{
    /// <summary>values ← f(values) for an element-wise activation (Linear leaves them as they are).</summary>
    /// <param name="activation">Any activation except Softmax (see <see cref="SoftmaxRows{T}"/>).</param>
    /// <param name="values">Pre-activations, replaced by the activations.</param>
    /// <param name="alpha">LeakyReLU's slope or ELU's α (ignored by the others).</param>
    /// <exception cref="ArgumentException">The activation is Softmax.</exception>
    public static void Apply<T>(Activation activation, Span<T> values, T alpha = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BatchShape.RequireElementwise(nameof(activation), activation);
        switch (activation)
        {
            case Activation.Linear:
                return;
            case Activation.ReLU:
                VectorMath.ReLU<T>(values, values);
                return;
            case Activation.Tanh:
                Tanh<T>(values, values);
                return;
            case Activation.Sigmoid:
                Sigmoid<T>(values, values);
                return;
            case Activation.Exponential:
                Exp<T>(values, values);
                return;
            case Activation.Softplus:
                Softplus<T>(values, values);
                return;
            case Activation.ELU:
                Elu<T>(values, values, alpha);
                return;
            case Activation.LeakyReLU:
                foreach (ref T v in values)
                {
                    v = v > T.Zero ? v : alpha * v;
                }

                return;
            default:
                foreach (ref T v in values)
                {
                    v = v > T.Zero ? T.One : T.Zero;
                }

                return;
        }
    }

    /// <summary>oᵢ = eᵃⁱ. May be called in place (<paramref name="a"/> and <paramref name="o"/> the same span).</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is shorter than <paramref name="a"/>.</exception>
    public static void Exp<T>(ReadOnlySpan<T> a, Span<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        VectorMath.RequireLength(nameof(o), a.Length, o.Length);
        int i = typeof(T) == typeof(float) ? VectorActivations.Exp(Cast.ToSingle(a), Cast.ToSingle(o)) : 0;
        for (; i < a.Length; i++)
        {
            o[i] = T.Exp(a[i]);
        }
    }

    /// <summary>oᵢ = tanh aᵢ. May be called in place.</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is shorter than <paramref name="a"/>.</exception>
    public static void Tanh<T>(ReadOnlySpan<T> a, Span<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        VectorMath.RequireLength(nameof(o), a.Length, o.Length);
        int i = typeof(T) == typeof(float) ? VectorActivations.Tanh(Cast.ToSingle(a), Cast.ToSingle(o)) : 0;
        for (; i < a.Length; i++)
        {
            o[i] = T.Tanh(a[i]);
        }
    }

    /// <summary>oᵢ = 1/(1 + e⁻ᵃⁱ). May be called in place.</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is shorter than <paramref name="a"/>.</exception>
    public static void Sigmoid<T>(ReadOnlySpan<T> a, Span<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        VectorMath.RequireLength(nameof(o), a.Length, o.Length);
        int i = typeof(T) == typeof(float) ? VectorActivations.Sigmoid(Cast.ToSingle(a), Cast.ToSingle(o)) : 0;
        for (; i < a.Length; i++)
        {
            o[i] = T.One / (T.One + T.Exp(-a[i]));
        }
    }

    /// <summary>oᵢ = ln(1 + eᵃⁱ), as max(a, 0) + ln(1 + e⁻|ᵃ|) so that it never overflows. May be called in place.</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is shorter than <paramref name="a"/>.</exception>
    public static void Softplus<T>(ReadOnlySpan<T> a, Span<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        VectorMath.RequireLength(nameof(o), a.Length, o.Length);
        int i = typeof(T) == typeof(float) ? VectorActivations.Softplus(Cast.ToSingle(a), Cast.ToSingle(o)) : 0;
        for (; i < a.Length; i++)
        {
            T ai = a[i];
            o[i] = T.Max(ai, T.Zero) + T.LogP1(T.Exp(-T.Abs(ai)));
        }
    }

    /// <summary>oᵢ = aᵢ if aᵢ &gt; 0 else α(eᵃⁱ − 1) (ELU). May be called in place.</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is shorter than <paramref name="a"/>.</exception>
    public static void Elu<T>(ReadOnlySpan<T> a, Span<T> o, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        VectorMath.RequireLength(nameof(o), a.Length, o.Length);
        int i = typeof(T) == typeof(float) ? VectorActivations.Elu(Cast.ToSingle(a), Cast.ToSingle(o), float.CreateTruncating(alpha)) : 0;
        for (; i < a.Length; i++)
        {
            T ai = a[i];
            o[i] = ai > T.Zero ? ai : alpha * T.ExpM1(ai);
        }
    }

    /// <summary>
    /// Softmax over each row of <paramref name="columns"/> values, in place: oᵢ = e^(aᵢ − max a) / Σⱼ e^(aⱼ − max a),
    /// the sum taken in index order.
    /// </summary>
    /// <exception cref="ArgumentException">The values are not a whole number of rows.</exception>
    public static void SoftmaxRows<T>(Span<T> values, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = BatchShape.Samples(nameof(values), values.Length, nameof(columns), columns);
        for (int r = 0; r < rows; r++)
        {
            Span<T> row = values.Slice(r * columns, columns);
            T max = row[0];
            for (int j = 1; j < columns; j++)
            {
                max = T.Max(max, row[j]);
            }

            for (int j = 0; j < columns; j++)
            {
                row[j] -= max;
            }

            Exp<T>(row, row);
            T sum = T.Zero;
            for (int j = 0; j < columns; j++)
            {
                sum += row[j];
            }

            T inverse = T.One / sum;
            for (int j = 0; j < columns; j++)
            {
                row[j] *= inverse;
            }
        }
    }
}
