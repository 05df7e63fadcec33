using System;

namespace NetGen.Training;

/// <summary>One trial of <see cref="HyperparameterSearch"/>: a candidate trained once with one draw of hyperparameters.</summary>
public sealed class SearchTrial
{
    internal SearchTrial(
        int index, int round, string candidate, TrialSettings settings, double score, EvaluationMetrics? validation,
        int epochsRun, int bestEpoch, TimeSpan duration, string? failure)
    {
        Index = index;
        Round = round;
        Candidate = candidate;
        Settings = settings;
        Score = score;
        Validation = validation;
        EpochsRun = epochsRun;
        BestEpoch = bestEpoch;
        Duration = duration;
        Failure = failure;
    }

    /// <summary>The trial's number, from 0, counting every round: its hyperparameters and seed derive from the search seed and this number alone.</summary>
    public int Index { get; }

    /// <summary>The round it ran in: 0 for the coarse round, 1… for the fine rounds.</summary>
    public int Round { get; }

    /// <summary>The <see cref="SearchCandidate{T}.Name"/> of the architecture trained.</summary>
    public string Candidate { get; }

    /// <summary>The hyperparameters drawn.</summary>
    public TrialSettings Settings { get; }

    /// <summary>The validation loss or accuracy (<see cref="SearchOptions.Metric"/>) after training; NaN when the trial <see cref="Failure">failed</see>.</summary>
    public double Score { get; }

    /// <summary>All validation metrics after training (of the best epoch when early stopping restored it); <see langword="null"/> when the trial failed.</summary>
    public EvaluationMetrics? Validation { get; }

    /// <summary>The epochs that ran (fewer than <see cref="TrialSettings.Epochs"/> when early stopping ended the trial).</summary>
    public int EpochsRun { get; }

    /// <summary>The epoch with the lowest validation loss (the one retraining stops at when the trial used early stopping); 0 when the trial failed.</summary>
    public int BestEpoch { get; }

    /// <summary>The trial's wall-clock time (the only figure that differs between runs).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Why the trial has no score (its loss became NaN or infinite), or <see langword="null"/> when it succeeded.</summary>
    public string? Failure { get; }

    /// <summary>Whether the trial trained to a finite score.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>"#12 DigitsNet64: η 0.00312, …".</summary>
    public override string ToString() => $"#{Index} {Candidate}: {Settings}";
}
