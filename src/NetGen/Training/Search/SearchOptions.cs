using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// How <see cref="HyperparameterSearch"/> runs: the seed, the number of rounds and trials, how fine rounds
/// narrow the space, the metric and the parallelism. Every setter checks its value and throws an
/// <see cref="ArgumentOutOfRangeException"/> naming the property and the value.
/// </summary>
public sealed class SearchOptions
{
    private readonly int _coarseTrials = 16;
    private readonly int _fineRounds = 2;
    private readonly int _fineTrials = 8;
    private readonly int _keepBest = 3;
    private readonly double _shrink = 0.5;
    private readonly double _validationSplit = 0.2;
    private readonly int _maxDegreeOfParallelism = -1;
    private readonly SearchMetric _metric = SearchMetric.ValidationLoss;

    /// <summary>
    /// The search seed (default 0). Trial i's hyperparameters and its training seed are derived from this
    /// seed and i alone, so the same seed gives the same trials, scores and winner at any degree of parallelism.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Trials of the coarse round, drawn from the whole space (default 16); at least 1.</summary>
    public int CoarseTrials
    {
        get => _coarseTrials;
        init => _coarseTrials = AtLeast(value, 1, nameof(CoarseTrials));
    }

    /// <summary>Fine rounds after the coarse one (default 2); 0 or more. Each narrows the previous round's space.</summary>
    public int FineRounds
    {
        get => _fineRounds;
        init => _fineRounds = AtLeast(value, 0, nameof(FineRounds));
    }

    /// <summary>Trials of each fine round (default 8); at least 1.</summary>
    public int FineTrials
    {
        get => _fineTrials;
        init => _fineTrials = AtLeast(value, 1, nameof(FineTrials));
    }

    /// <summary>
    /// How many of the best trials so far a fine round narrows around (default 3); at least 1. Each range is
    /// centred on their mean, each set keeps the values they used.
    /// </summary>
    public int KeepBest
    {
        get => _keepBest;
        init => _keepBest = AtLeast(value, 1, nameof(KeepBest));
    }

    /// <summary>
    /// The width of a range in a fine round as a share of its width in the round before, measured in the
    /// range's scale (default 0.5: half as many factors of ten for a log range); in (0, 1).
    /// </summary>
    public double Shrink
    {
        get => _shrink;
        init => _shrink = Between0And1(value, nameof(Shrink));
    }

    /// <summary>What trials are scored by (default <see cref="SearchMetric.ValidationLoss"/>).</summary>
    public SearchMetric Metric
    {
        get => _metric;
        init => _metric = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Metric), value, $"Metric {(int)value} is not a SearchMetric.");
    }

    /// <summary>
    /// When no validation set is passed, the share of the training data held out to score the trials on
    /// (default 0.2), chosen by <see cref="Data.DatasetSplitter.Split{T}"/> with <see cref="Seed"/>; in (0, 1).
    /// Ignored when a validation set is passed.
    /// </summary>
    public double ValidationSplit
    {
        get => _validationSplit;
        init => _validationSplit = Between0And1(value, nameof(ValidationSplit));
    }

    /// <summary>
    /// The most trials trained at once (default −1: one per core, <see cref="Environment.ProcessorCount"/>);
    /// at least 1, or −1. It changes the wall time, never the results.
    /// </summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value == -1 || value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, $"MaxDegreeOfParallelism must be at least 1, or −1 for one per core; it is {value}.");
    }

    /// <summary>All trials of all rounds.</summary>
    internal int TotalTrials => CoarseTrials + (FineRounds * FineTrials);

    /// <summary><see cref="MaxDegreeOfParallelism"/> with −1 resolved to the core count.</summary>
    internal int DegreeOfParallelism => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;

    private static double Between0And1(double value, string name) =>
        value > 0 && value < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in (0, 1); it is {value}."));

    private static int AtLeast(int value, int minimum, string name) =>
        value >= minimum
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}; it is {value}.");
}
