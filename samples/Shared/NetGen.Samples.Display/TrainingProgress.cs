using System;
using NetGen.Training;
using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>
/// Shows training as it runs: a live progress bar in a terminal, or one plain line every few epochs
/// when the output is a log (CI, a pipe or a file), so nothing waits on a terminal that is not there.
/// </summary>
public static class TrainingProgress
{
    /// <summary>
    /// Runs <paramref name="train"/>, handing it the <see cref="IProgress{T}"/> to pass to
    /// <see cref="Trainer.Fit{TNet, T}"/>, and returns what it returns.
    /// </summary>
    /// <param name="epochs">The number of epochs the trainer was asked for (the bar's length).</param>
    /// <param name="train">Calls <c>Trainer.Fit</c> with the progress it is given.</param>
    /// <param name="linesInLog">Without a live terminal, about how many epoch lines to print.</param>
    public static TrainingHistory Show(int epochs, Func<IProgress<EpochReport>, TrainingHistory> train, int linesInLog = 10)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (!TerminalMode.IsLive)
        {
            return train(new EpochLinePrinter(epochs, Math.Max(1, epochs / linesInLog)));
        }

        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = 30 },
                new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("starting…", maxValue: epochs);
                TrainingHistory history = train(new ProgressBarUpdater(task, epochs));
                task.Value = task.MaxValue; // early stopping ends before the last epoch
                return history;
            });
    }

    /// <summary>Moves the bar and shows the latest epoch's figures in its description.</summary>
    private sealed class ProgressBarUpdater(ProgressTask task, int epochs) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            task.Description = Markup.Escape(EpochLine.Compact(value, epochs));
            task.Value = value.Epoch;
        }
    }

    /// <summary>Prints the first epoch, every <c>every</c>-th and the last, synchronously on the training thread.</summary>
    private sealed class EpochLinePrinter(int epochs, int every) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            if (value.Epoch == 1 || value.Epoch % every == 0 || value.Epoch == epochs)
            {
                Console.WriteLine(EpochLine.Format(value, epochs));
            }
        }
    }
}
