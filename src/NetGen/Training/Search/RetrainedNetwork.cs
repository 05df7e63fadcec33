using System;
using System.Numerics;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>The winning candidate trained again on the training and validation data (<see cref="SearchResult{T}.RetrainBest"/>).</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
public sealed class RetrainedNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Func<Dataset<T>, EvaluationMetrics> _evaluate;

    internal RetrainedNetwork(SearchCandidate<T> candidate, SearchTrial trial, CandidateRun<T> run)
    {
        Candidate = candidate;
        Trial = trial;
        Network = run.Network;
        History = run.History;
        _evaluate = run.Evaluate;
    }

    /// <summary>The trained network, an instance of <see cref="SearchCandidate{T}.NetworkType"/> (cast it to use the declared class).</summary>
    public ITrainableNetwork<T> Network { get; }

    /// <summary>The winning architecture.</summary>
    public SearchCandidate<T> Candidate { get; }

    /// <summary>The winning trial, whose settings and seed were reused.</summary>
    public SearchTrial Trial { get; }

    /// <summary>The retraining's epochs.</summary>
    public TrainingHistory History { get; }

    /// <summary><see cref="Trainer.Evaluate{TNet, T}"/> of <see cref="Network"/> on <paramref name="data"/> (typically the test set).</summary>
    /// <exception cref="ArgumentException">The widths do not match the network, or <paramref name="data"/> is empty.</exception>
    public EvaluationMetrics Evaluate(Dataset<T> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return _evaluate(data);
    }
}
