using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>What <see cref="HyperparameterSearch.Run{T}"/> found: every trial, the rounds, the ranking and the best trial.</summary>
/// <typeparam name="T">The networks' scalar type.</typeparam>
public sealed class SearchResult<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<SearchCandidate<T>> _candidates;
    private readonly Dataset<T> _train;
    private readonly Dataset<T> _validation;

    internal SearchResult(
        SearchMetric metric,
        IReadOnlyList<SearchTrial> trials,
        IReadOnlyList<SearchRound> rounds,
        IReadOnlyList<SearchCandidate<T>> candidates,
        Dataset<T> train,
        Dataset<T> validation)
    {
        Metric = metric;
        Trials = trials;
        Rounds = rounds;
        Ranking = new TrialRanking(metric).Sort(trials);
        Best = Ranking.Count > 0 && Ranking[0].Succeeded ? Ranking[0] : null;
        _candidates = candidates;
        _train = train;
        _validation = validation;
    }

    /// <summary>What the trials were scored by.</summary>
    public SearchMetric Metric { get; }

    /// <summary>Every trial of every round, by index.</summary>
    public IReadOnlyList<SearchTrial> Trials { get; }

    /// <summary>The coarse round, then the fine rounds, with the space each drew from.</summary>
    public IReadOnlyList<SearchRound> Rounds { get; }

    /// <summary>Every trial, best first (failed trials last; ties broken by validation loss, then by index).</summary>
    public IReadOnlyList<SearchTrial> Ranking { get; }

    /// <summary>The best trial, or <see langword="null"/> when every trial failed.</summary>
    public SearchTrial? Best { get; }

    /// <summary>The candidate the best trial trained, or <see langword="null"/> when every trial failed.</summary>
    public SearchCandidate<T>? BestCandidate => Best is null ? null : CandidateOf(Best);

    /// <summary>The samples the trials trained on (the training data less the held-out part when the search split it).</summary>
    public Dataset<T> TrainingData => _train;

    /// <summary>The samples the trials were scored on.</summary>
    public Dataset<T> ValidationData => _validation;

    /// <summary>The candidate <paramref name="trial"/> trained.</summary>
    /// <exception cref="ArgumentException"><paramref name="trial"/> is not from this search.</exception>
    public SearchCandidate<T> CandidateOf(SearchTrial trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        foreach (SearchCandidate<T> candidate in _candidates)
        {
            if (candidate.Name == trial.Candidate)
            {
                return candidate;
            }
        }

        throw new ArgumentException($"Trial #{trial.Index} trained '{trial.Candidate}', which is not a candidate of this search.", nameof(trial));
    }

    /// <summary>
    /// Trains a new instance of the best candidate with the best trial's settings and seed on the training
    /// and validation data together. A trial that stopped early is retrained for its best epoch's count of
    /// epochs (there is no validation data left to stop on); otherwise for all its epochs.
    /// </summary>
    /// <param name="progress">Receives an <see cref="EpochReport"/> after every epoch.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <exception cref="InvalidOperationException">Every trial failed, so there is no best one.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="NonFiniteLossException">The loss became NaN or infinite.</exception>
    public RetrainedNetwork<T> RetrainBest(IProgress<EpochReport>? progress = null, CancellationToken cancellationToken = default)
    {
        SearchTrial best = Best ?? throw new InvalidOperationException("Every trial of the search failed: there is no best trial to retrain.");
        int epochs = best.Settings.EarlyStoppingPatience is null ? best.Settings.Epochs : Math.Max(1, best.BestEpoch);
        SearchCandidate<T> candidate = CandidateOf(best);
        CandidateRun<T> run = candidate.Train(best.Settings, epochs, Concatenate(_train, _validation), null, progress, cancellationToken);
        return new RetrainedNetwork<T>(candidate, best, run);
    }

    private static Dataset<T> Concatenate(Dataset<T> first, Dataset<T> second)
    {
        var inputs = new T[first.Inputs.Length + second.Inputs.Length];
        var targets = new T[first.Targets.Length + second.Targets.Length];
        first.Inputs.CopyTo(inputs);
        second.Inputs.CopyTo(inputs.AsSpan(first.Inputs.Length));
        first.Targets.CopyTo(targets);
        second.Targets.CopyTo(targets.AsSpan(first.Targets.Length));
        return new Dataset<T>(inputs, targets, first.InputSize, first.TargetSize);
    }
}
