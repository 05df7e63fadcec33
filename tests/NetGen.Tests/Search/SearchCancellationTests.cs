using System;
using System.Threading;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Search;

/// <summary>The search honours its cancellation token: before it starts, between trials and inside a trial's epoch.</summary>
public sealed class SearchCancellationTests
{
    private static readonly SearchSpace Space = new() { Epochs = SearchChoice.Of(2), BatchSize = SearchChoice.Of(1) };

    [Fact]
    public void A_cancelled_token_stops_the_search_before_any_trial()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        int reports = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(4), Space, new SearchOptions(), SearchData.Dummy(1),
            new CountingProgress(_ => reports++), cancellation.Token));

        Assert.Equal(0, reports);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Cancelling_after_the_third_trial_stops_the_search(int degree)
    {
        using var cancellation = new CancellationTokenSource();
        int reports = 0;
        var options = new SearchOptions { CoarseTrials = 40, FineRounds = 2, MaxDegreeOfParallelism = degree };

        Assert.ThrowsAny<OperationCanceledException>(() => HyperparameterSearch.Run(
            new[] { SearchCandidate<double>.Of<ObjectiveNet>() }, SearchData.Dummy(4), Space, options, SearchData.Dummy(1),
            new CountingProgress(_ =>
            {
                if (++reports == 3)
                {
                    cancellation.Cancel();
                }
            }),
            cancellation.Token));

        // Trials already running may finish; no new one starts, and no fine round does.
        Assert.InRange(reports, 3, 3 + degree);
    }

    [Fact]
    public void Cancelling_inside_a_trial_stops_it_at_the_next_batch()
    {
        using var cancellation = new CancellationTokenSource();
        int steps = 0;
        int reports = 0;
        var candidate = SearchCandidate<double>.Of(() => new ObjectiveNet
        {
            OnStep = () =>
            {
                if (++steps == 3)
                {
                    cancellation.Cancel();
                }
            },
        });

        Assert.ThrowsAny<OperationCanceledException>(() => HyperparameterSearch.Run(
            new[] { candidate }, SearchData.Dummy(10), Space, new SearchOptions { MaxDegreeOfParallelism = 1 }, SearchData.Dummy(1),
            new CountingProgress(_ => reports++), cancellation.Token));

        Assert.Equal(3, steps);
        Assert.Equal(0, reports);
    }

    /// <summary>Calls <paramref name="onReport"/> synchronously (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class CountingProgress(Action<SearchProgress> onReport) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value) => onReport(value);
    }
}
