using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>The result of <see cref="Trainer.Fit{TNet, T}"/>.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochReport> epochs, int bestEpoch, double bestLoss, bool stoppedEarly, bool restoredBestParameters)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        BestLoss = bestLoss;
        StoppedEarly = stoppedEarly;
        RestoredBestParameters = restoredBestParameters;
    }

    /// <summary>One report per epoch that ran, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs { get; }

    /// <summary>
    /// The epoch (from 1) with the lowest monitored loss: the validation loss when there is validation
    /// data, otherwise the mean training loss. An epoch counts as better only if it improves on the best
    /// by more than <see cref="TrainerOptions.EarlyStoppingMinDelta"/>.
    /// </summary>
    public int BestEpoch { get; }

    /// <summary>The monitored loss of <see cref="BestEpoch"/>.</summary>
    public double BestLoss { get; }

    /// <summary>Whether early stopping ended training before <see cref="TrainerOptions.Epochs"/>.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Whether the network's parameters were reset to those of <see cref="BestEpoch"/> at the end.</summary>
    public bool RestoredBestParameters { get; }
}
