using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>One step of <see cref="Optimizer.Momentum"/>: m ← βm + (1−β)g; w ← w − ηm, with g += λw first.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct MomentumUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;
    private readonly T _beta;
    private readonly T _oneMinusBeta;

    /// <summary>Reads η, β and λ from <paramref name="settings"/>.</summary>
    public MomentumUpdate(Hyperparameters settings, long step)
    {
        _ = step;
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
        _beta = T.CreateChecked(settings.Beta);
        _oneMinusBeta = T.CreateChecked(1.0 - settings.Beta);
    }

    /// <summary>Updates one parameter <paramref name="w"/> and its moment <paramref name="m"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, ref T m, T g)
    {
        g += _weightDecay * w;
        m = (_beta * m) + (_oneMinusBeta * g);
        w -= _learningRate * m;
    }
}
