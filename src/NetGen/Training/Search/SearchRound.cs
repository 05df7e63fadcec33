using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>One round of <see cref="HyperparameterSearch"/>: the space and candidates its trials were drawn from.</summary>
public sealed class SearchRound
{
    internal SearchRound(int index, SearchSpace space, IReadOnlyList<string> candidates, IReadOnlyList<SearchTrial> trials)
    {
        Index = index;
        Space = space;
        Candidates = candidates;
        Trials = trials;
    }

    /// <summary>0 for the coarse round, 1… for the fine rounds.</summary>
    public int Index { get; }

    /// <summary>Whether this is the coarse round, drawn from the whole space.</summary>
    public bool IsCoarse => Index == 0;

    /// <summary>The ranges and sets drawn from: the one passed to the search, or the previous round's narrowed around the best trials so far.</summary>
    public SearchSpace Space { get; }

    /// <summary>The names of the candidates drawn from.</summary>
    public IReadOnlyList<string> Candidates { get; }

    /// <summary>The round's trials, by index.</summary>
    public IReadOnlyList<SearchTrial> Trials { get; }
}
