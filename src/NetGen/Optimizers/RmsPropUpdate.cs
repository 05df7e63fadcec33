using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>One step of <see cref="Optimizer.RmsProp"/>: v ← βv + (1−β)g²; w ← w − ηg/(√v + ε), with g += λw first.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct RmsPropUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;
    private readonly T _beta;
    private readonly T _oneMinusBeta;
    private readonly T _epsilon;

    /// <summary>Reads η, β, ε and λ from <paramref name="settings"/>.</summary>
    public RmsPropUpdate(Hyperparameters settings, long step)
    {
        _ = step;
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
        _beta = T.CreateChecked(settings.Beta);
        _oneMinusBeta = T.CreateChecked(1.0 - settings.Beta);
        _epsilon = T.CreateChecked(settings.Epsilon);
    }

    /// <summary>Updates one parameter <paramref name="w"/> and its moment <paramref name="v"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, ref T v, T g)
    {
        g += _weightDecay * w;
        v = (_beta * v) + (_oneMinusBeta * g * g);
        w -= _learningRate * g / (T.Sqrt(v) + _epsilon);
    }
}
