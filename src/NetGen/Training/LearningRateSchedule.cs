using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// The learning rate η for each epoch (1-based). <see cref="Trainer"/> writes it to the network's
/// <see cref="Hyperparameters.LearningRate"/> at the start of every epoch.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate for <paramref name="epoch"/> (1 for the first epoch).</summary>
    public abstract double LearningRateAt(int epoch);

    /// <summary>η every epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not positive and finite.</exception>
    public static LearningRateSchedule Constant(double learningRate) =>
        new StepSchedule(Positive(learningRate, nameof(learningRate)), 1.0, int.MaxValue);

    /// <summary>η₀ · factor^⌊(epoch − 1) / every⌋: multiplied by <paramref name="factor"/> after every <paramref name="every"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate or factor is not positive and finite, or <paramref name="every"/> is less than 1.</exception>
    public static LearningRateSchedule Step(double initialLearningRate, double factor, int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        return new StepSchedule(
            Positive(initialLearningRate, nameof(initialLearningRate)), Positive(factor, nameof(factor)), every);
    }

    /// <summary>η₀ · decay^(epoch − 1): multiplied by <paramref name="decay"/> every epoch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate or the decay is not positive and finite.</exception>
    public static LearningRateSchedule Exponential(double initialLearningRate, double decay) =>
        new ExponentialSchedule(Positive(initialLearningRate, nameof(initialLearningRate)), Positive(decay, nameof(decay)));

    private static double Positive(double value, string name) =>
        value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "The value must be positive and finite.");

    private static void ThrowIfBadEpoch(int epoch)
    {
        if (epoch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "Epochs are numbered from 1.");
        }
    }

    private sealed class StepSchedule(double initial, double factor, int every) : LearningRateSchedule
    {
        public override double LearningRateAt(int epoch)
        {
            ThrowIfBadEpoch(epoch);
            return initial * Math.Pow(factor, (epoch - 1) / every);
        }

        public override string ToString() =>
            every == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"Constant({initial})")
                : string.Create(CultureInfo.InvariantCulture, $"Step({initial}, ×{factor} every {every} epochs)");
    }

    private sealed class ExponentialSchedule(double initial, double decay) : LearningRateSchedule
    {
        public override double LearningRateAt(int epoch)
        {
            ThrowIfBadEpoch(epoch);
            return initial * Math.Pow(decay, epoch - 1);
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"Exponential({initial}, ×{decay} per epoch)");
    }
}
