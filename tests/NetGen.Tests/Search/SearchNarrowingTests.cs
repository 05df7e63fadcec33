using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Search;

/// <summary>
/// The fine-round rule on a synthetic objective (<see cref="ObjectiveNet"/>, whose validation loss is a
/// known function of its hyperparameters): every fine range contains the best trial so far, lies inside
/// the previous round's range and is <see cref="SearchOptions.Shrink"/> times as wide in its scale.
/// </summary>
public sealed class SearchNarrowingTests
{
    private const double Shrink = 0.5;
    private const int KeepBest = 3;

    private static readonly Lazy<SearchResult<double>> Result = new(() => HyperparameterSearch.Run(
        new[] { SearchCandidate<double>.Of<ObjectiveNet>() },
        SearchData.Dummy(2),
        new SearchSpace
        {
            LearningRate = SearchRange.LogUniform(1e-5, 1),
            Beta1 = SearchRange.Uniform(0.5, 0.99),
            Beta2 = SearchRange.LogUniformOneMinus(0.9, 0.99999),
            WeightDecay = SearchRange.Uniform(0, 0.05),
            BatchSize = SearchChoice.Of(1, 2, 4, 8),
            Epochs = SearchChoice.Of(1),
        },
        new SearchOptions { Seed = 5, CoarseTrials = 24, FineRounds = 2, FineTrials = 12, KeepBest = KeepBest, Shrink = Shrink },
        SearchData.Dummy(1)));

    private static readonly (string Name, Func<SearchSpace, SearchRange> Range, Func<TrialSettings, double> Value)[] Ranges =
    {
        ("LearningRate", s => s.LearningRate, t => t.LearningRate),
        ("Beta1", s => s.Beta1!, t => t.Beta1!.Value),
        ("Beta2", s => s.Beta2!, t => t.Beta2!.Value),
        ("WeightDecay", s => s.WeightDecay!, t => t.WeightDecay!.Value),
    };

    [Fact]
    public void Every_score_is_the_objective_of_the_trials_values()
    {
        foreach (SearchTrial trial in Result.Value.Trials)
        {
            Assert.Equal(Objective(trial), trial.Score);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_fine_range_contains_the_best_trial_so_far_and_is_narrower(int round)
    {
        SearchResult<double> result = Result.Value;
        SearchSpace previous = result.Rounds[round - 1].Space;
        SearchSpace fine = result.Rounds[round].Space;
        TrialSettings best = BestByObjective(result.Trials.Where(t => t.Round < round)).First().Settings;

        foreach ((string name, Func<SearchSpace, SearchRange> range, Func<TrialSettings, double> value) in Ranges)
        {
            SearchRange before = range(previous), after = range(fine);
            Assert.True(after.Min <= value(best) && value(best) <= after.Max, $"{name}: {after} does not contain the best trial's {value(best)}");
            Assert.True(before.Min <= after.Min && after.Max <= before.Max, $"{name}: {after} is not inside {before}");
            Assert.Equal(Shrink * Width(before), Width(after), 1e-9 * Math.Max(1, Width(before)));
        }
    }

    [Fact]
    public void A_fine_set_keeps_the_values_the_best_trials_used()
    {
        SearchResult<double> result = Result.Value;
        int[] used = BestByObjective(result.Rounds[0].Trials).Take(KeepBest).Select(t => t.Settings.BatchSize).ToArray();

        int[] expected = new[] { 1, 2, 4, 8 }.Where(used.Contains).ToArray();
        Assert.Equal(expected, result.Rounds[1].Space.BatchSize.Values);
    }

    [Fact]
    public void Fine_trials_are_drawn_inside_their_round_and_do_better_than_coarse_ones()
    {
        SearchResult<double> result = Result.Value;
        foreach (SearchRound round in result.Rounds)
        {
            foreach (SearchTrial trial in round.Trials)
            {
                foreach ((string name, Func<SearchSpace, SearchRange> range, Func<TrialSettings, double> value) in Ranges)
                {
                    Assert.True(range(round.Space).Contains(value(trial.Settings)), $"trial {trial.Index}: {name} {value(trial.Settings)} outside {range(round.Space)}");
                }

                Assert.Contains(trial.Settings.BatchSize, round.Space.BatchSize.Values);
            }
        }

        Assert.True(Median(result.Rounds[2].Trials) < Median(result.Rounds[0].Trials), "narrowing did not help");
    }

    [Fact]
    public void The_winner_is_the_trial_with_the_lowest_objective()
    {
        SearchResult<double> result = Result.Value;

        Assert.Equal(BestByObjective(result.Trials).First().Index, result.Best!.Index);
        Assert.Equal(BestByObjective(result.Trials).Select(t => t.Index), result.Ranking.Select(t => t.Index));
    }

    private static double Objective(SearchTrial trial) =>
        ObjectiveNet.Objective(trial.Settings.LearningRate, trial.Settings.Beta1!.Value, trial.Settings.Beta2!.Value, trial.Settings.WeightDecay!.Value);

    private static IEnumerable<SearchTrial> BestByObjective(IEnumerable<SearchTrial> trials) =>
        trials.OrderBy(Objective).ThenBy(t => t.Index);

    private static double Median(IEnumerable<SearchTrial> trials)
    {
        double[] sorted = trials.Select(Objective).Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>The width in which the range is uniform, from its bounds: max − min, ln(max / min) or ln((1 − min) / (1 − max)).</summary>
    private static double Width(SearchRange range) => range.Scale switch
    {
        SearchScale.Log => Math.Log(range.Max / range.Min),
        SearchScale.LogOneMinus => Math.Log((1 - range.Min) / (1 - range.Max)),
        _ => range.Max - range.Min,
    };
}
