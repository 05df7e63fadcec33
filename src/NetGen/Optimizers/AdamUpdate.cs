using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>
/// One step t of <see cref="Optimizer.Adam"/>: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); w ← w − η m̂/(√v̂ + ε), with g += λw first.
/// </summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct AdamUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;
    private readonly T _beta1;
    private readonly T _oneMinusBeta1;
    private readonly T _beta2;
    private readonly T _oneMinusBeta2;
    private readonly T _correction1;
    private readonly T _correction2;
    private readonly T _epsilon;

    /// <summary>Reads η, β₁, β₂, ε and λ from <paramref name="settings"/>; <paramref name="step"/> is t, counted from 1.</summary>
    public AdamUpdate(Hyperparameters settings, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1L);
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
        _beta1 = T.CreateChecked(settings.Beta1);
        _oneMinusBeta1 = T.CreateChecked(1.0 - settings.Beta1);
        _beta2 = T.CreateChecked(settings.Beta2);
        _oneMinusBeta2 = T.CreateChecked(1.0 - settings.Beta2);
        _correction1 = T.CreateChecked(1.0 - Math.Pow(settings.Beta1, step));
        _correction2 = T.CreateChecked(1.0 - Math.Pow(settings.Beta2, step));
        _epsilon = T.CreateChecked(settings.Epsilon);
    }

    /// <summary>Updates one parameter <paramref name="w"/> and its moments <paramref name="m"/>, <paramref name="v"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, ref T m, ref T v, T g)
    {
        g += _weightDecay * w;
        m = (_beta1 * m) + (_oneMinusBeta1 * g);
        v = (_beta2 * v) + (_oneMinusBeta2 * g * g);
        T mHat = m / _correction1;
        T vHat = v / _correction2;
        w -= _learningRate * mHat / (T.Sqrt(vHat) + _epsilon);
    }
}
