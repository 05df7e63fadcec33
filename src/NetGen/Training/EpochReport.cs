using System;

namespace NetGen.Training;

/// <summary>What happened in one epoch of <see cref="Trainer.Fit{TNet, T}"/>.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="LearningRate">The learning rate used in this epoch.</param>
/// <param name="TrainingLoss">The mean per-sample training loss, as computed during the epoch (each sample's loss before its update).</param>
/// <param name="Training">Metrics on the whole training set after the epoch, when <see cref="TrainerOptions.EvaluateTrainingSet"/> is set.</param>
/// <param name="Validation">Metrics on the validation set after the epoch, when there is one.</param>
/// <param name="Duration">The wall-clock time of the epoch, evaluation included.</param>
public sealed record EpochReport(
    int Epoch,
    double LearningRate,
    double TrainingLoss,
    EvaluationMetrics? Training,
    EvaluationMetrics? Validation,
    TimeSpan Duration)
{
    /// <summary>The mean validation loss, or <see langword="null"/> without validation data.</summary>
    public double? ValidationLoss => Validation?.Loss;
}
