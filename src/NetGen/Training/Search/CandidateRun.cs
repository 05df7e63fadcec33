using System;
using System.Numerics;

namespace NetGen.Training;

/// <summary>A network a <see cref="SearchCandidate{T}"/> trained, with its history and a typed way to evaluate it.</summary>
internal sealed record CandidateRun<T>(
    ITrainableNetwork<T> Network,
    TrainingHistory History,
    Func<Data.Dataset<T>, EvaluationMetrics> Evaluate)
    where T : unmanaged, IFloatingPointIeee754<T>;
