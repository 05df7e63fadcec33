using System;
using System.Linq;
using System.Threading;
using NetGen.Data;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Search;

/// <summary>
/// The same seed gives the same trials, scores and winner at any degree of parallelism, and a trial depends
/// on the search seed and its index only.
/// </summary>
public sealed class SearchDeterminismTests
{
    private static readonly Lazy<SearchResult<float>> Sequential = new(() => Run(maxDegreeOfParallelism: 1, seed: 7));

    private static readonly SearchCandidate<float>[] Candidates =
    {
        SearchCandidate<float>.Of<SearchIrisNarrow>(),
        SearchCandidate<float>.Of<SearchIrisWide>(),
        SearchCandidate<float>.Of<SearchIrisMomentum>(),
    };

    private static SearchSpace Space => new()
    {
        LearningRate = SearchRange.LogUniform(1e-3, 0.3),
        Momentum = SearchRange.LogUniformOneMinus(0.5, 0.99),
        Beta1 = SearchRange.Uniform(0.8, 0.95),
        WeightDecay = SearchRange.Uniform(0, 1e-3),
        BatchSize = SearchChoice.Of(4, 16),
        Epochs = SearchChoice.Of(3, 6),
        EarlyStoppingPatience = SearchChoice.Of(2),
        Schedule = SearchChoice.Of(LearningRateScheduleKind.Constant, LearningRateScheduleKind.Step, LearningRateScheduleKind.Exponential),
        Decay = SearchRange.Uniform(0.5, 0.95),
        StepEvery = SearchChoice.Of(2, 3),
    };

    private static SearchResult<float> Run(int maxDegreeOfParallelism, int seed, int coarseTrials = 8) =>
        HyperparameterSearch.Run(
            Candidates,
            SearchData.Iris.Train,
            Space,
            new SearchOptions { Seed = seed, CoarseTrials = coarseTrials, FineRounds = 2, FineTrials = 4, MaxDegreeOfParallelism = maxDegreeOfParallelism },
            SearchData.Iris.Validation);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_degree_of_parallelism_gives_what_one_thread_gives(int degree)
    {
        SearchResult<float> parallel = Run(degree, seed: 7);

        AssertSameSearch(Sequential.Value, parallel);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Trials_that_finish_out_of_order_still_give_what_one_thread_gives(int degree)
    {
        // Iris trials take well under a millisecond, so the calling thread may run a whole round before a
        // worker starts. Here every trial sleeps 0–6 ms per step, depending on its learning rate, so several
        // run at once and they finish in another order than they started.
        SearchResult<double> sequential = SleepyRun(1);
        SearchResult<double> parallel = SleepyRun(degree);

        Assert.Equal(sequential.Trials.Select(t => (t.Index, t.Settings, t.Score)), parallel.Trials.Select(t => (t.Index, t.Settings, t.Score)));
        Assert.Equal(sequential.Ranking.Select(t => t.Index), parallel.Ranking.Select(t => t.Index));
        Assert.Equal(sequential.Rounds[2].Space.LearningRate.Min, parallel.Rounds[2].Space.LearningRate.Min);
        Assert.Equal(sequential.Rounds[2].Space.LearningRate.Max, parallel.Rounds[2].Space.LearningRate.Max);
    }

    [Fact]
    public void Another_seed_draws_other_trials()
    {
        SearchResult<float> other = Run(maxDegreeOfParallelism: 2, seed: 8);

        Assert.NotEqual(Sequential.Value.Trials[0].Settings, other.Trials[0].Settings);
    }

    [Fact]
    public void A_coarse_trial_depends_on_the_seed_and_its_index_only()
    {
        // Ten coarse trials instead of eight: the first eight are drawn and scored exactly as before.
        SearchResult<float> longer = Run(maxDegreeOfParallelism: 3, seed: 7, coarseTrials: 10);

        for (int i = 0; i < 8; i++)
        {
            AssertSameTrial(Sequential.Value.Trials[i], longer.Trials[i]);
        }
    }

    [Fact]
    public void A_trial_scores_what_training_its_settings_by_hand_gives()
    {
        SearchResult<float> result = Sequential.Value;
        SearchTrial trial = result.Trials.First(t => t.Candidate == nameof(SearchIrisWide));
        TrialSettings s = trial.Settings;

        // Independently of the search: a fresh network, the trial's seed and values, the trainer's own schedule.
        var network = new SearchIrisWide();
        network.InitializeParameters(s.Seed);
        network.Hyperparameters.LearningRate = s.LearningRate;
        network.Hyperparameters.Beta1 = s.Beta1!.Value;
        network.Hyperparameters.WeightDecay = s.WeightDecay!.Value;
        LearningRateSchedule schedule = s.Schedule switch
        {
            LearningRateScheduleKind.Step => LearningRateSchedule.Step(s.LearningRate, s.Decay!.Value, s.StepEvery!.Value),
            LearningRateScheduleKind.Exponential => LearningRateSchedule.Exponential(s.LearningRate, s.Decay!.Value),
            _ => LearningRateSchedule.Constant(s.LearningRate),
        };
        TrainingHistory history = Trainer.Fit(
            network,
            SearchData.Iris.Train,
            new TrainerOptions { Epochs = s.Epochs, BatchSize = s.BatchSize, Seed = s.Seed, LearningRateSchedule = schedule, EarlyStoppingPatience = 2 },
            SearchData.Iris.Validation);
        EvaluationMetrics metrics = Trainer.Evaluate(network, SearchData.Iris.Validation);

        Assert.Equal(metrics.Loss, trial.Score);
        Assert.Equal(history.Epochs.Count, trial.EpochsRun);
        Assert.Equal(history.BestEpoch, trial.BestEpoch);
    }

    private static SearchResult<double> SleepyRun(int degree)
    {
        var candidate = SearchCandidate<double>.Of(() =>
        {
            ObjectiveNet? network = null;
            network = new ObjectiveNet { OnStep = () => Thread.Sleep((int)(-Math.Log10(network!.Hyperparameters.LearningRate) * 7) % 7) };
            return network;
        });
        var space = new SearchSpace
        {
            LearningRate = SearchRange.LogUniform(1e-4, 1),
            Beta1 = SearchRange.Uniform(0.5, 0.99),
            Beta2 = SearchRange.LogUniformOneMinus(0.9, 0.9999),
            WeightDecay = SearchRange.Uniform(0, 0.05),
            Epochs = SearchChoice.Of(1, 2),
            BatchSize = SearchChoice.Of(1),
        };
        return HyperparameterSearch.Run(
            new[] { candidate }, SearchData.Dummy(2), space,
            new SearchOptions { Seed = 3, CoarseTrials = 10, FineRounds = 2, FineTrials = 5, KeepBest = 2, MaxDegreeOfParallelism = degree },
            SearchData.Dummy(1));
    }

    private static void AssertSameSearch(SearchResult<float> expected, SearchResult<float> actual)
    {
        Assert.Equal(expected.Trials.Count, actual.Trials.Count);
        for (int i = 0; i < expected.Trials.Count; i++)
        {
            AssertSameTrial(expected.Trials[i], actual.Trials[i]);
        }

        Assert.Equal(expected.Ranking.Select(t => t.Index), actual.Ranking.Select(t => t.Index));
        Assert.NotNull(expected.Best);
        Assert.Equal(expected.Best!.Index, actual.Best!.Index);
        for (int r = 0; r < expected.Rounds.Count; r++)
        {
            Assert.Equal(expected.Rounds[r].Candidates, actual.Rounds[r].Candidates);
            Assert.Equal((expected.Rounds[r].Space.LearningRate.Min, expected.Rounds[r].Space.LearningRate.Max), (actual.Rounds[r].Space.LearningRate.Min, actual.Rounds[r].Space.LearningRate.Max));
            Assert.Equal(expected.Rounds[r].Space.BatchSize.Values, actual.Rounds[r].Space.BatchSize.Values);
        }
    }

    private static void AssertSameTrial(SearchTrial expected, SearchTrial actual)
    {
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Round, actual.Round);
        Assert.Equal(expected.Candidate, actual.Candidate);
        Assert.Equal(expected.Settings, actual.Settings);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Score), BitConverter.DoubleToInt64Bits(actual.Score));
        Assert.Equal(expected.Validation, actual.Validation);
        Assert.Equal(expected.EpochsRun, actual.EpochsRun);
        Assert.Equal(expected.BestEpoch, actual.BestEpoch);
    }
}
