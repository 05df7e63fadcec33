using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Search;

/// <summary>What a search returns: failed trials ranked last, ties broken by index, progress per trial, and the winner retrained.</summary>
public sealed class SearchResultTests
{
    [Fact]
    public void A_diverging_trial_is_recorded_as_failed_and_ranked_last()
    {
        var candidate = SearchCandidate<double>.Of(() => new ObjectiveNet { DivergeAbove = 0.01 }, "Diverging");
        var space = new SearchSpace { LearningRate = SearchRange.LogUniform(1e-4, 1), Epochs = SearchChoice.Of(1) };

        SearchResult<double> result = HyperparameterSearch.Run(
            new[] { candidate }, SearchData.Dummy(2), space, new SearchOptions { CoarseTrials = 12, FineRounds = 1, FineTrials = 4, Seed = 2 }, SearchData.Dummy(1));

        SearchTrial[] failed = result.Trials.Where(t => t.Settings.LearningRate > 0.01).ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, t =>
        {
            Assert.False(t.Succeeded);
            Assert.True(double.IsNaN(t.Score));
            Assert.Contains("NaN", t.Failure, StringComparison.Ordinal);
        });
        Assert.All(result.Trials.Except(failed), t => Assert.True(t.Succeeded));
        Assert.Equal(failed.Select(t => t.Index).Order(), result.Ranking.Skip(result.Trials.Count - failed.Length).Select(t => t.Index));
        Assert.True(result.Best!.Settings.LearningRate <= 0.01);
    }

    [Fact]
    public void Equal_scores_are_ranked_by_trial_index_whatever_the_parallelism()
    {
        // Every value fixed: every trial scores the same, so only the index can order them.
        var space = new SearchSpace { LearningRate = SearchRange.Fixed(0.01), Beta1 = SearchRange.Fixed(0.8), Epochs = SearchChoice.Of(1) };

        SearchResult<double> result = HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(2), space,
            new SearchOptions { CoarseTrials = 16, FineRounds = 1, FineTrials = 8, MaxDegreeOfParallelism = 8 }, SearchData.Dummy(1));

        Assert.Single(result.Trials.Select(t => t.Score).Distinct());
        Assert.Equal(Enumerable.Range(0, 24), result.Ranking.Select(t => t.Index));
        Assert.Equal(0, result.Best!.Index);
    }

    [Fact]
    public void Progress_is_reported_once_per_trial_with_the_counts()
    {
        var reports = new List<SearchProgress>();
        var options = new SearchOptions { CoarseTrials = 6, FineRounds = 2, FineTrials = 3, MaxDegreeOfParallelism = 3 };

        SearchResult<double> result = HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(2), new SearchSpace { Epochs = SearchChoice.Of(1) }, options,
            SearchData.Dummy(1), new ListProgress(reports));

        Assert.Equal(Enumerable.Range(1, 12), reports.Select(r => r.Completed));
        Assert.All(reports, r => Assert.Equal(12, r.Total));
        Assert.All(reports, r => Assert.Equal(3, r.Rounds));
        Assert.Equal(result.Trials.Select(t => t.Index).Order(), reports.Select(r => r.Trial.Index).Order());
        Assert.All(reports, r => Assert.Equal(r.Trial.Index < 6 ? 0 : r.Trial.Index < 9 ? 1 : 2, r.Round));
        Assert.Equal(result.Best!.Index, reports[^1].Best!.Index);
    }

    [Fact]
    public void Retraining_the_winner_trains_its_settings_on_train_and_validation_together()
    {
        var space = new SearchSpace
        {
            LearningRate = SearchRange.LogUniform(3e-3, 0.1),
            BatchSize = SearchChoice.Of(4, 8),
            Epochs = SearchChoice.Of(12),
            EarlyStoppingPatience = SearchChoice.Of(2),
        };
        SearchResult<float> result = HyperparameterSearch.Run(
            new[] { SearchCandidate<float>.Of<SearchIrisNarrow>(), SearchCandidate<float>.Of<SearchIrisWide>() },
            SearchData.Iris.Train, space, new SearchOptions { CoarseTrials = 4, FineRounds = 1, FineTrials = 2, Metric = SearchMetric.ValidationAccuracy },
            SearchData.Iris.Validation);

        RetrainedNetwork<float> retrained = result.RetrainBest();

        // By hand: the same class, seed and values on the concatenation, for the best epoch's count of epochs.
        SearchTrial best = result.Best!;
        Assert.Equal(best.Candidate, retrained.Network.GetType().Name);
        int epochs = best.BestEpoch;
        float[] expected = best.Candidate == nameof(SearchIrisNarrow)
            ? TrainByHand(new SearchIrisNarrow(), best.Settings, epochs)
            : TrainByHand(new SearchIrisWide(), best.Settings, epochs);
        float[] actual = new float[expected.Length];
        retrained.Network.GetParameters(actual);
        Assert.Equal(expected, actual);
        Assert.Equal(epochs, retrained.History.Epochs.Count);
        Assert.Equal(SearchData.Iris.Test.Count, retrained.Evaluate(SearchData.Iris.Test).Count);
    }

    [Fact]
    public void Without_a_validation_set_the_search_holds_out_its_share_of_the_training_data()
    {
        var options = new SearchOptions { CoarseTrials = 2, FineRounds = 0, ValidationSplit = 0.25, Seed = 9 };

        SearchResult<float> result = HyperparameterSearch.Run(
            new[] { SearchCandidate<float>.Of<SearchIrisNarrow>() }, SearchData.Iris.Train, new SearchSpace { Epochs = SearchChoice.Of(1) }, options);

        // DatasetSplitter's rule, independently: the first round(N·0.75) of the seeded shuffle train, the rest validate.
        int count = SearchData.Iris.Train.Count;
        int trainCount = (int)Math.Round(count * 0.75, MidpointRounding.AwayFromZero);
        int[] order = DatasetSplitter.ShuffledIndices(count, 9);
        Assert.Equal(trainCount, result.TrainingData.Count);
        Assert.Equal(count - trainCount, result.ValidationData.Count);
        Assert.Equal(SearchData.Iris.Train.GetInput(order[trainCount]).ToArray(), result.ValidationData.GetInput(0).ToArray());
        Assert.All(result.Trials, t => Assert.Equal(count - trainCount, t.Validation!.Count));
    }

    [Fact]
    public void A_candidate_describes_its_declared_class()
    {
        SearchCandidate<float> candidate = SearchCandidate<float>.Of<SearchIrisMomentum>();

        Assert.Equal("SearchIrisMomentum", candidate.Name);
        Assert.Equal(typeof(SearchIrisMomentum), candidate.NetworkType);
        Assert.Equal("4-8-3", candidate.Architecture);
        Assert.Equal(Optimizer.Momentum, candidate.Optimizer);
        Assert.Equal(ProblemKind.Classification, candidate.ProblemKind);
        Assert.Equal((4, 3), (candidate.InputSize, candidate.OutputSize));
        Assert.Equal("Renamed", SearchCandidate<float>.Of<SearchIrisMomentum>("Renamed").Name);
    }

    [Fact]
    public void A_factory_that_returns_one_instance_twice_is_caught()
    {
        var shared = new ObjectiveNet();
        var candidate = SearchCandidate<double>.Of(() => shared, "Shared");

        var error = Assert.Throws<InvalidOperationException>(() => HyperparameterSearch.Run(
            new[] { candidate }, SearchData.Dummy(2), new SearchSpace { Epochs = SearchChoice.Of(1) },
            new SearchOptions { CoarseTrials = 2, FineRounds = 0, MaxDegreeOfParallelism = 1 }, SearchData.Dummy(1)));

        Assert.Contains("'Shared' returned an instance it had returned before", error.Message, StringComparison.Ordinal);
    }

    private static float[] TrainByHand<TNet>(TNet network, TrialSettings s, int epochs)
        where TNet : ITrainableNetwork<float>
    {
        DatasetSplit<float> iris = SearchData.Iris;
        var all = new Dataset<float>(
            iris.Train.Inputs.ToArray().Concat(iris.Validation.Inputs.ToArray()).ToArray(),
            iris.Train.Targets.ToArray().Concat(iris.Validation.Targets.ToArray()).ToArray(),
            4,
            3);
        network.InitializeParameters(s.Seed);
        network.Hyperparameters.LearningRate = s.LearningRate;
        Trainer.Fit(network, all, new TrainerOptions { Epochs = epochs, BatchSize = s.BatchSize, Seed = s.Seed, LearningRateSchedule = LearningRateSchedule.Constant(s.LearningRate) });
        float[] parameters = new float[TNet.ParameterCount];
        network.GetParameters(parameters);
        return parameters;
    }

    private sealed class ListProgress(List<SearchProgress> reports) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => reports.Add(value);
    }
}
