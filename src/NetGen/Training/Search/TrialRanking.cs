using System.Collections.Generic;
using System.Linq;

namespace NetGen.Training;

/// <summary>
/// Orders trials best first: succeeded before failed; then by the metric (lower loss, or higher accuracy
/// and then lower loss); then by trial index, so that no tie is left to the order trials finished in.
/// </summary>
internal sealed class TrialRanking(SearchMetric metric) : IComparer<SearchTrial>
{
    public int Compare(SearchTrial? x, SearchTrial? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        if (x.Succeeded != y.Succeeded)
        {
            return x.Succeeded ? -1 : 1;
        }

        if (x.Succeeded)
        {
            int byScore = metric == SearchMetric.ValidationAccuracy ? y.Score.CompareTo(x.Score) : x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            int byLoss = x.Validation!.Loss.CompareTo(y.Validation!.Loss);
            if (byLoss != 0)
            {
                return byLoss;
            }
        }

        return x.Index.CompareTo(y.Index);
    }

    /// <summary>The trials best first (a stable sort; the comparer never ties two different trials anyway).</summary>
    public List<SearchTrial> Sort(IEnumerable<SearchTrial> trials) => trials.OrderBy(t => t, this).ToList();
}
