using System;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Search;

/// <summary>Bad spaces, options and candidates are rejected where they are written, with the parameter and the value named.</summary>
public sealed class SearchSpaceValidationTests
{
    [Fact]
    public void An_empty_set_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchChoice.Of<int>());

        Assert.Equal("values", error.ParamName);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_holding_a_value_twice_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchChoice.Of(16, 32, 16));

        Assert.Equal("values", error.ParamName);
        Assert.Contains("16 appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_range_is_rejected_with_both_bounds()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SearchRange.Uniform(0.9, 0.1));

        Assert.Equal("max", error.ParamName);
        Assert.Equal(0.1, error.ActualValue);
        Assert.Contains("max 0.1 is below min 0.9", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 0.1, "min", 0.0)]
    [InlineData(-1e-3, 0.1, "min", -1e-3)]
    [InlineData(1e-4, -1.0, "max", -1.0)]
    public void A_log_range_with_a_bound_that_is_not_positive_is_rejected(double min, double max, string parameter, double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SearchRange.LogUniform(min, max));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(value, error.ActualValue);
        Assert.Contains("positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_log_uniform_in_one_minus_v_must_stay_below_one()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SearchRange.LogUniformOneMinus(0.9, 1));

        Assert.Equal("max", error.ParamName);
        Assert.Equal(1.0, error.ActualValue);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bound_that_is_not_a_finite_number_is_rejected(double bound)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SearchRange.Uniform(bound, 1));

        Assert.Equal("min", error.ParamName);
    }

    [Fact]
    public void A_learning_rate_range_reaching_zero_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SearchSpace { LearningRate = SearchRange.Uniform(0, 0.1) });

        Assert.Equal(nameof(SearchSpace.LearningRate), error.ParamName);
        Assert.Contains("Uniform(0, 0.1) starts at 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SearchSpace.Momentum))]
    [InlineData(nameof(SearchSpace.Beta1))]
    [InlineData(nameof(SearchSpace.Beta2))]
    public void A_beta_range_reaching_one_is_rejected(string property)
    {
        SearchRange range = SearchRange.Uniform(0.5, 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(SearchSpace.Momentum) => new SearchSpace { Momentum = range },
            nameof(SearchSpace.Beta1) => new SearchSpace { Beta1 = range },
            _ => new SearchSpace { Beta2 = range },
        });

        Assert.Equal(property, error.ParamName);
        Assert.Contains("must be below 1; the range Uniform(0.5, 1) reaches 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_weight_decay_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SearchSpace { WeightDecay = SearchRange.Uniform(-0.1, 0.1) });

        Assert.Equal(nameof(SearchSpace.WeightDecay), error.ParamName);
        Assert.Contains("starts at -0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decay_above_one_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SearchSpace { Decay = SearchRange.Uniform(0.5, 1.5) });

        Assert.Equal(nameof(SearchSpace.Decay), error.ParamName);
        Assert.Contains("reaches 1.5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SearchSpace.BatchSize))]
    [InlineData(nameof(SearchSpace.Epochs))]
    [InlineData(nameof(SearchSpace.EarlyStoppingPatience))]
    [InlineData(nameof(SearchSpace.StepEvery))]
    public void A_count_set_holding_zero_is_rejected(string property)
    {
        SearchChoice<int> set = SearchChoice.Of(16, 0);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(SearchSpace.BatchSize) => new SearchSpace { BatchSize = set },
            nameof(SearchSpace.Epochs) => new SearchSpace { Epochs = set },
            nameof(SearchSpace.EarlyStoppingPatience) => new SearchSpace { EarlyStoppingPatience = set },
            _ => new SearchSpace { StepEvery = set },
        });

        Assert.Equal(property, error.ParamName);
        Assert.Contains("the set {16, 0} holds 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decaying_schedule_without_a_decay_range_is_rejected_when_the_search_starts()
    {
        var space = new SearchSpace { Schedule = SearchChoice.Of(LearningRateScheduleKind.Constant, LearningRateScheduleKind.Step) };

        var error = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(4), space));

        Assert.Equal("space", error.ParamName);
        Assert.Contains("{Constant, Step}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Decay is null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SearchOptions.CoarseTrials), 0)]
    [InlineData(nameof(SearchOptions.FineRounds), -1)]
    [InlineData(nameof(SearchOptions.FineTrials), 0)]
    [InlineData(nameof(SearchOptions.KeepBest), 0)]
    [InlineData(nameof(SearchOptions.MaxDegreeOfParallelism), 0)]
    public void An_option_out_of_range_is_rejected_with_its_name_and_value(string property, int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(SearchOptions.CoarseTrials) => new SearchOptions { CoarseTrials = value },
            nameof(SearchOptions.FineRounds) => new SearchOptions { FineRounds = value },
            nameof(SearchOptions.FineTrials) => new SearchOptions { FineTrials = value },
            nameof(SearchOptions.KeepBest) => new SearchOptions { KeepBest = value },
            _ => new SearchOptions { MaxDegreeOfParallelism = value },
        });

        Assert.Equal(property, error.ParamName);
        Assert.Equal(value, error.ActualValue);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_shrink_outside_zero_to_one_is_rejected(double shrink)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SearchOptions { Shrink = shrink });

        Assert.Equal(nameof(SearchOptions.Shrink), error.ParamName);
        Assert.Equal(shrink, error.ActualValue);
    }

    [Fact]
    public void An_empty_set_of_candidates_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(Array.Empty<SearchCandidate<double>>(), SearchData.Dummy(4)));

        Assert.Equal("candidates", error.ParamName);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_candidates_with_one_name_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>(), SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(4)));

        Assert.Equal("candidates", error.ParamName);
        Assert.Contains("'ObjectiveNet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_of_other_widths_is_rejected_with_them()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<float>.Of<SearchIrisNarrow>() }, SearchData.Dummy(4).ConvertTo<float>()));

        Assert.Equal("candidates", error.ParamName);
        Assert.Contains("'SearchIrisNarrow' takes 4 inputs and gives 3 outputs, but the data has inputs of 1 and targets of 1 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_is_not_asked_of_a_regression_network()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<float>.Of<SearchRegression>() },
            SearchData.Iris.Train,
            options: new SearchOptions { Metric = SearchMetric.ValidationAccuracy }));

        Assert.Equal("candidates", error.ParamName);
        Assert.Contains("'SearchRegression' is a regression network", error.Message, StringComparison.Ordinal);
    }
}
