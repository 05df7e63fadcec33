using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>The state of one <see cref="HyperparameterSearch.Run{T}"/> call: the rounds one after another, each round's trials in parallel.</summary>
internal sealed class SearchRun<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<SearchCandidate<T>> _candidates;
    private readonly Dataset<T> _train;
    private readonly Dataset<T> _validation;
    private readonly SearchSpace _space;
    private readonly SearchOptions _options;
    private readonly IProgress<SearchProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly TrialRanking _ranking;
    private readonly SearchTrial?[] _trials;
    private readonly object _progressLock = new();
    private int _completed;
    private SearchTrial? _bestSoFar;

    public SearchRun(
        IReadOnlyList<SearchCandidate<T>> candidates, Dataset<T> train, Dataset<T> validation, SearchSpace space,
        SearchOptions options, IProgress<SearchProgress>? progress, CancellationToken cancellationToken)
    {
        _candidates = candidates.ToArray();
        _train = train;
        _validation = validation;
        _space = space;
        _options = options;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _ranking = new TrialRanking(options.Metric);
        _trials = new SearchTrial?[options.TotalTrials];
    }

    private int RoundCount => 1 + _options.FineRounds;

    public SearchResult<T> Execute()
    {
        var rounds = new List<SearchRound>(RoundCount);
        SearchSpace space = _space;
        IReadOnlyList<SearchCandidate<T>> candidates = _candidates;
        int first = 0;
        for (int round = 0; round < RoundCount; round++)
        {
            if (round > 0)
            {
                (space, candidates) = Narrow(space, candidates, first);
            }

            int count = round == 0 ? _options.CoarseTrials : _options.FineTrials;
            RunRound(round, space, candidates, first, count);
            rounds.Add(new SearchRound(round, space, candidates.Select(c => c.Name).ToArray(), _trials[first..(first + count)]!));
            first += count;
        }

        return new SearchResult<T>(_options.Metric, _trials!, rounds, _candidates, _train, _validation);
    }

    /// <summary>The next round's space and candidates, around the best successful trials of all rounds so far.</summary>
    private (SearchSpace Space, IReadOnlyList<SearchCandidate<T>> Candidates) Narrow(
        SearchSpace space, IReadOnlyList<SearchCandidate<T>> candidates, int done)
    {
        SearchTrial[] best = _ranking.Sort(_trials.Take(done)!).Where(t => t.Succeeded).Take(_options.KeepBest).ToArray();
        if (best.Length == 0)
        {
            return (space, candidates); // nothing to narrow around: every trial so far diverged
        }

        var used = new HashSet<string>(best.Select(t => t.Candidate), StringComparer.Ordinal);
        SearchCandidate<T>[] kept = candidates.Where(c => used.Contains(c.Name)).ToArray();
        return (SpaceNarrowing.Narrow(space, best.Select(t => t.Settings).ToArray(), _options.Shrink), kept.Length == 0 ? candidates : kept);
    }

    private void RunRound(int round, SearchSpace space, IReadOnlyList<SearchCandidate<T>> candidates, int first, int count)
    {
        var errors = new Exception?[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.DegreeOfParallelism };
        Parallel.For(first, first + count, parallel, (index, loop) =>
        {
            if (_cancellationToken.IsCancellationRequested)
            {
                loop.Stop();
                return;
            }

            try
            {
                SearchTrial trial = RunTrial(round, space, candidates, index);
                _trials[index] = trial;
                Report(round, trial);
            }
            catch (Exception e)
            {
                errors[index - first] = e;
                loop.Stop();
            }
        });

        _cancellationToken.ThrowIfCancellationRequested();

        // The lowest-numbered trial's error, whichever thread hit one first.
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    private SearchTrial RunTrial(int round, SearchSpace space, IReadOnlyList<SearchCandidate<T>> candidates, int index)
    {
        TrialSettings settings = TrialSampler.Sample(space, candidates, _options.Seed, index, out SearchCandidate<T> candidate);
        long start = Stopwatch.GetTimestamp();
        try
        {
            CandidateRun<T> run = candidate.Train(settings, settings.Epochs, _train, _validation, null, _cancellationToken);
            EvaluationMetrics metrics = run.Evaluate(_validation);
            double score = _options.Metric == SearchMetric.ValidationAccuracy ? metrics.Accuracy ?? double.NaN : metrics.Loss;
            return new SearchTrial(
                index, round, candidate.Name, settings, score, metrics, run.History.Epochs.Count, run.History.BestEpoch,
                Stopwatch.GetElapsedTime(start), null);
        }
        catch (NonFiniteLossException e)
        {
            return new SearchTrial(
                index, round, candidate.Name, settings, double.NaN, null, e.Epoch ?? 0, 0, Stopwatch.GetElapsedTime(start), e.Message);
        }
    }

    private void Report(int round, SearchTrial trial)
    {
        lock (_progressLock)
        {
            _completed++;
            if (trial.Succeeded && (_bestSoFar is null || _ranking.Compare(trial, _bestSoFar) < 0))
            {
                _bestSoFar = trial;
            }

            _progress?.Report(new SearchProgress(round, RoundCount, _completed, _trials.Length, trial, _bestSoFar));
        }
    }
}
