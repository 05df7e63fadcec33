using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>
/// Coarse-to-fine random search over hyperparameters and declared architectures. A coarse round draws
/// <see cref="SearchOptions.CoarseTrials"/> trials from the whole space; each fine round narrows every
/// range and set around the best trials so far (<see cref="SearchOptions.KeepBest"/>,
/// <see cref="SearchOptions.Shrink"/>) and draws <see cref="SearchOptions.FineTrials"/> more. Each trial
/// trains its own new network and is scored on the validation data by <see cref="SearchOptions.Metric"/>.
/// </summary>
/// <remarks>
/// Trials run in parallel (<see cref="SearchOptions.MaxDegreeOfParallelism"/>, one per core by default)
/// and the results do not depend on it: trial i's candidate, hyperparameters and seed derive from
/// <see cref="SearchOptions.Seed"/> and i alone, training is bit-reproducible, a round starts only when the
/// previous one has finished, and ties are broken by trial index. A trial whose loss becomes NaN or infinite
/// is recorded as failed and ranked last; it does not stop the search. Any other exception from a trial
/// (a candidate's factory that throws, a progress handler that throws) lets the running trials finish,
/// starts no new one and is rethrown (the lowest-numbered trial's, when several failed).
/// </remarks>
public static class HyperparameterSearch
{
    /// <summary>Runs the search.</summary>
    /// <param name="candidates">The architectures to choose from (<see cref="SearchCandidate{T}.Of{TNet}(string?)"/>); at least one, with distinct names.</param>
    /// <param name="train">The training data; its widths must match every candidate.</param>
    /// <param name="space">The hyperparameters to draw from; <see langword="null"/> for the defaults of <see cref="SearchSpace"/>.</param>
    /// <param name="options">How to search; <see langword="null"/> for the defaults of <see cref="SearchOptions"/>.</param>
    /// <param name="validation">The data to score trials on; <see langword="null"/> holds out <see cref="SearchOptions.ValidationSplit"/> of <paramref name="train"/>.</param>
    /// <param name="progress">Receives a <see cref="SearchProgress"/> after every trial, from the thread that ran it, never two at once.</param>
    /// <param name="cancellationToken">Checked before every batch of every trial.</param>
    /// <returns>Every trial, the rounds and the best trial.</returns>
    /// <exception cref="ArgumentException">
    /// There is no candidate, two share a name, a candidate's widths do not match the data, the accuracy
    /// metric is asked of a regression candidate, a schedule needs <see cref="SearchSpace.Decay"/> and it is
    /// not set, or a data set is empty.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static SearchResult<T> Run<T>(
        IReadOnlyList<SearchCandidate<T>> candidates,
        Dataset<T> train,
        SearchSpace? space = null,
        SearchOptions? options = null,
        Dataset<T>? validation = null,
        IProgress<SearchProgress>? progress = null,
        CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(train);
        space ??= new SearchSpace();
        options ??= new SearchOptions();
        ThrowIfBadCandidates(candidates, train, options.Metric);
        if (space.NeedsDecay && space.Decay is null)
        {
            throw new ArgumentException(
                $"The space's Schedule {space.Schedule} includes a decaying schedule, but its Decay is null; set Decay (for example SearchRange.Uniform(0.3, 0.9)).",
                nameof(space));
        }

        if (validation is null)
        {
            (train, validation) = HoldOut(train, options);
        }
        else
        {
            ThrowIfBadCandidates(candidates, validation, options.Metric);
        }

        ThrowIfEmpty(train, nameof(train));
        ThrowIfEmpty(validation, nameof(validation));
        cancellationToken.ThrowIfCancellationRequested();
        return new SearchRun<T>(candidates, train, validation, space, options, progress, cancellationToken).Execute();
    }

    private static void ThrowIfBadCandidates<T>(IReadOnlyList<SearchCandidate<T>> candidates, Dataset<T> data, SearchMetric metric)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("The set of candidates is empty; give at least one architecture.", nameof(candidates));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < candidates.Count; i++)
        {
            SearchCandidate<T> candidate = candidates[i]
                ?? throw new ArgumentException($"Candidate {i} is null.", nameof(candidates));
            if (!names.Add(candidate.Name))
            {
                throw new ArgumentException($"Two candidates are named '{candidate.Name}'; give them distinct names.", nameof(candidates));
            }

            if (candidate.InputSize != data.InputSize || candidate.OutputSize != data.TargetSize)
            {
                throw new ArgumentException(
                    $"Candidate '{candidate.Name}' takes {candidate.InputSize} inputs and gives {candidate.OutputSize} outputs, " +
                    $"but the data has inputs of {data.InputSize} and targets of {data.TargetSize} values.",
                    nameof(candidates));
            }

            if (metric == SearchMetric.ValidationAccuracy && candidate.ProblemKind != ProblemKind.Classification)
            {
                throw new ArgumentException(
                    $"Candidate '{candidate.Name}' is a regression network, which has no accuracy; score it by SearchMetric.ValidationLoss.",
                    nameof(candidates));
            }
        }
    }

    private static (Dataset<T> Train, Dataset<T> Validation) HoldOut<T>(Dataset<T> data, SearchOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        DatasetSplit<T> split = DatasetSplitter.Split(data, 1 - options.ValidationSplit, options.ValidationSplit, 0, options.Seed);
        return (split.Train, split.Validation);
    }

    private static void ThrowIfEmpty<T>(Dataset<T> data, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (data.Count == 0)
        {
            throw new ArgumentException($"The {name} data has no samples (after holding out the validation share, if the search split it).", name);
        }
    }
}
