namespace NetGen.Training;

/// <summary>
/// Reported by <see cref="HyperparameterSearch"/> after every trial. With several trials at once the
/// reports come in the order the trials finish; they are never reported concurrently.
/// </summary>
/// <param name="Round">The round the trial ran in (0 for the coarse round).</param>
/// <param name="Rounds">The number of rounds, coarse included.</param>
/// <param name="Completed">Trials finished so far, over all rounds.</param>
/// <param name="Total">Trials of all rounds.</param>
/// <param name="Trial">The trial that just finished.</param>
/// <param name="Best">The best trial finished so far (<see langword="null"/> while none has succeeded).</param>
public sealed record SearchProgress(int Round, int Rounds, int Completed, int Total, SearchTrial Trial, SearchTrial? Best);
