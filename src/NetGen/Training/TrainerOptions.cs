using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>How <see cref="Trainer.Fit{TNet, T}"/> trains.</summary>
public sealed class TrainerOptions
{
    /// <summary>The number of passes over the training data (default 10), at least 1.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Samples per optimizer update (default 1). 1 uses the network's fused <c>TrainStep</c>; a larger
    /// size sums <c>Backward</c> over the batch and calls <c>ApplyGradients</c> with the batch's actual
    /// count (the last batch of an epoch may be smaller). The data set size gives full-batch gradient descent.
    /// </summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>
    /// How many samples may be trained between two checks that every parameter is finite (default 1: after every step, so
    /// training stops at the exact sample or mini-batch that made a parameter non-finite; at least 1). A check reads all
    /// parameters, which costs about a quarter of a per-sample step of a digits-sized network (a mini-batch shares one
    /// check); a larger interval, such as 32, makes it about 1–2 % and stops within that many samples. Checks also run at
    /// the end of every epoch. Losses are checked at every step.
    /// </summary>
    public int ParameterCheckInterval { get; init; } = 1;

    /// <summary>Whether to shuffle the training order every epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed of the shuffles, of <see cref="ValidationSplit"/> and of the network's dropout masks; the same seed and data give bit-identical training.</summary>
    public int Seed { get; init; }

    /// <summary>The learning rate per epoch; <see langword="null"/> (the default) leaves the network's <see cref="Hyperparameters.LearningRate"/> as it is.</summary>
    public LearningRateSchedule? LearningRateSchedule { get; init; }

    /// <summary>
    /// The share of the training data held out for validation when no validation set is passed
    /// (default 0: none). The held-out samples are chosen by <see cref="Data.DatasetSplitter.Split{T}"/> with <see cref="Seed"/>.
    /// </summary>
    public double ValidationSplit { get; init; }

    /// <summary>
    /// Stop when the validation loss has not improved for this many epochs; <see langword="null"/>
    /// (the default) never stops early. Needs validation data.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>The amount by which the validation loss must fall to count as an improvement (default 0).</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>
    /// With early stopping: at the end, reset the parameters to those of the best epoch (default true).
    /// The optimizer state is not reset.
    /// </summary>
    public bool RestoreBestParameters { get; init; } = true;

    /// <summary>
    /// Classification or regression metrics; <see langword="null"/> (the default) infers it from the
    /// network (see <see cref="Trainer.InferProblemKind{TNet, T}"/>).
    /// </summary>
    public ProblemKind? ProblemKind { get; init; }

    /// <summary>Also compute metrics on the whole training set after every epoch (one more forward pass; default false).</summary>
    public bool EvaluateTrainingSet { get; init; }

    internal void Validate()
    {
        if (Epochs < 1)
        {
            throw Invalid($"Epochs must be at least 1; it is {Epochs}.");
        }

        if (BatchSize < 1)
        {
            throw Invalid($"BatchSize must be at least 1; it is {BatchSize}.");
        }

        if (ParameterCheckInterval < 1)
        {
            throw Invalid($"ParameterCheckInterval must be at least 1; it is {ParameterCheckInterval}.");
        }

        if (!(ValidationSplit >= 0 && ValidationSplit < 1))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"ValidationSplit must be in [0, 1); it is {ValidationSplit}."));
        }

        if (EarlyStoppingPatience is < 1)
        {
            throw Invalid($"EarlyStoppingPatience must be at least 1; it is {EarlyStoppingPatience}.");
        }

        if (!(EarlyStoppingMinDelta >= 0) || !double.IsFinite(EarlyStoppingMinDelta))
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"EarlyStoppingMinDelta must be 0 or more and finite; it is {EarlyStoppingMinDelta}."));
        }
    }

    private static ArgumentException Invalid(string message) => new(message, "options");
}
