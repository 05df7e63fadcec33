using System;
using System.Collections.Generic;
using NetGen.Samples.Display;
using NetGen.Training;
using Spectre.Console;

namespace Tuning;

/// <summary>
/// Shows the search as it runs: one live progress bar per round in a terminal, with the best trial so far;
/// one plain line per finished round when the output is a log (CI, a pipe or a file).
/// </summary>
internal static class SearchDisplay
{
    /// <summary>Runs <paramref name="search"/> with a progress display for <paramref name="options"/>' rounds and returns what it returns.</summary>
    public static SearchResult<float> Show(SearchOptions options, Func<IProgress<SearchProgress>, SearchResult<float>> search)
    {
        int[] trialsPerRound = TrialsPerRound(options);
        if (!TerminalMode.IsLive)
        {
            return search(new RoundLinePrinter(trialsPerRound));
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = 24 },
                new ElapsedTimeColumn())
            .Start(context =>
            {
                var bars = new ProgressTask[trialsPerRound.Length];
                for (int round = 0; round < bars.Length; round++)
                {
                    bars[round] = context.AddTask(Markup.Escape($"{RoundName.Of(round),-7} waiting"), autoStart: round == 0, maxValue: trialsPerRound[round]);
                }

                return search(new ProgressBarUpdater(bars));
            });
    }

    private static int[] TrialsPerRound(SearchOptions options)
    {
        var counts = new int[1 + options.FineRounds];
        for (int round = 0; round < counts.Length; round++)
        {
            counts[round] = round == 0 ? options.CoarseTrials : options.FineTrials;
        }

        return counts;
    }

    /// <summary>Moves the round's bar and shows the best trial so far beside it.</summary>
    private sealed class ProgressBarUpdater(ProgressTask[] bars) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value)
        {
            ProgressTask bar = bars[value.Round];
            if (!bar.IsStarted)
            {
                bar.StartTask();
            }

            bar.Increment(1);
            if (bar.Value >= bar.MaxValue)
            {
                bar.StopTask(); // the round's elapsed time stops with its last trial
            }

            string best = value.Best is { } trial ? "best " + TrialText.Score(trial) : "no trial has succeeded yet";
            bar.Description = Markup.Escape($"{RoundName.Of(value.Round),-7} {best}");
        }
    }

    /// <summary>Prints one line when a round's last trial has finished: the best trial of the rounds so far (the same on every run).</summary>
    private sealed class RoundLinePrinter(int[] trialsPerRound) : IProgress<SearchProgress>
    {
        private readonly Dictionary<int, int> _finished = new();

        public void Report(SearchProgress value)
        {
            _finished[value.Round] = _finished.GetValueOrDefault(value.Round) + 1;
            if (_finished[value.Round] == trialsPerRound[value.Round])
            {
                string best = value.Best is { } trial ? TrialText.Score(trial) : "no trial succeeded";
                Console.WriteLine($"{RoundName.Of(value.Round),-7} round: {trialsPerRound[value.Round]} trials done; best so far {best}");
            }
        }
    }
}
