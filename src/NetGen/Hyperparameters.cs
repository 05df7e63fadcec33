using System;

namespace NetGen;

/// <summary>
/// Run-time settings of a network's optimizer, with math.md's defaults. A trainer may change
/// <see cref="LearningRate"/> between steps (learning-rate schedules).
/// </summary>
public sealed class Hyperparameters
{
    private double _learningRate = 0.01;

    /// <summary>η, the step size (default 0.01).</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be a positive, finite number.");
    }

    /// <summary>β of <see cref="Optimizer.Momentum"/> and of <see cref="Optimizer.RmsProp"/> (default 0.9).</summary>
    public double Beta { get; set; } = 0.9;

    /// <summary>β₁ of <see cref="Optimizer.Adam"/> (default 0.9).</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>β₂ of <see cref="Optimizer.Adam"/> (default 0.999).</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>ε of <see cref="Optimizer.RmsProp"/> and <see cref="Optimizer.Adam"/> (default 1e−8).</summary>
    public double Epsilon { get; set; } = 1e-8;

    /// <summary>λ of L2 weight decay: λw is added to the gradient before the update (default 0).</summary>
    public double WeightDecay { get; set; }
}
