using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Optimizers;

/// <summary>One step of <see cref="Optimizer.Sgd"/>: w ← w − η(g + λw). Called by generated code once per parameter.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct SgdUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;

    /// <summary>Reads η and λ from <paramref name="settings"/>; <paramref name="step"/> (t) is not needed by SGD.</summary>
    public SgdUpdate(Hyperparameters settings, long step)
    {
        _ = step;
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
    }

    /// <summary>Updates one parameter <paramref name="w"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, T g)
    {
        g += _weightDecay * w;
        w -= _learningRate * g;
    }
}
