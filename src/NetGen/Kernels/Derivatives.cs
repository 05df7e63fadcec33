using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using NetGen.Kernels.Simd;

namespace NetGen.Kernels;

/// <summary>
/// g·f′ with f′ from a layer's output o (math.md's right-hand forms), in vector lanes and for one element alike:
/// every lane rounds as the scalar form, so the delta kernel's tails give the bits its vector body would.
/// </summary>
internal static class Derivatives
{
    /// <summary>g·f′(o) for one element (Softplus excluded: <see cref="TimesSoftplus{T}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Times<T>(Activation activation, T g, T o, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        activation switch
        {
            Activation.ReLU => o > T.Zero ? g : T.Zero,
            Activation.LeakyReLU => o > T.Zero ? g : g * alpha,
            Activation.ELU => o > T.Zero ? g : g * (o + alpha),
            Activation.Sigmoid => g * (o * (T.One - o)),
            Activation.Tanh => g * (T.One - (o * o)),
            Activation.Exponential => g * o,
            _ => g,
        };

    /// <summary>g·f′(o[at …]) for one vector of g (Linear: g; Softplus excluded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<T, TVector, TSimd>(ref T ro, nuint at, TVector g, Activation activation, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        if (activation == Activation.Linear)
        {
            return g;
        }

        TVector o = TSimd.Load(ref ro, at), one = TSimd.Broadcast(T.One);
        return activation switch
        {
            Activation.ReLU => TSimd.SelectWherePositive(o, g, TSimd.Zero),
            Activation.LeakyReLU => TSimd.SelectWherePositive(o, g, TSimd.Multiply(g, TSimd.Broadcast(alpha))),
            Activation.ELU => TSimd.SelectWherePositive(o, g, TSimd.Multiply(g, TSimd.Add(o, TSimd.Broadcast(alpha)))),
            Activation.Sigmoid => TSimd.Multiply(g, TSimd.Multiply(o, TSimd.Subtract(one, o))),
            Activation.Tanh => TSimd.Multiply(g, TSimd.Subtract(one, TSimd.Multiply(o, o))),
            Activation.Exponential => TSimd.Multiply(g, o),
            _ => g,
        };
    }

    /// <summary>gᵢ ← gᵢ·(1 − e^(−oᵢ)) (Softplus: f′(a) = sigmoid(a) = 1 − e^(−softplus(a))), computed as −expm1(−o).</summary>
    public static void TimesSoftplus<T>(Span<T> g, ReadOnlySpan<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < g.Length; i++)
        {
            g[i] *= -T.ExpM1(-o[i]);
        }
    }
}
