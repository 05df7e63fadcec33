using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Training;
using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>
/// Draws the loss per epoch as a small column chart in the terminal: the training loss as bars,
/// the validation loss as a marker in each column. Long runs are averaged into at most
/// <see cref="MaxColumns"/> columns; a loss that falls by more than 20× is drawn on a log scale.
/// </summary>
public static class LossChart
{
    /// <summary>The chart's width in columns.</summary>
    public const int MaxColumns = 60;

    /// <summary>The chart's height in rows.</summary>
    public const int Rows = 10;

    /// <summary>Writes the chart of <paramref name="history"/> to the console.</summary>
    public static void Write(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        IReadOnlyList<EpochReport> epochs = history.Epochs;
        double[] training = Columns(epochs, r => r.TrainingLoss);
        double[]? validation = epochs[0].ValidationLoss is null ? null : Columns(epochs, r => r.ValidationLoss ?? double.NaN);

        double[] all = [.. training, .. validation ?? []];
        double low = all.Min();
        double high = all.Max();
        var scale = new Scale(low, high, logarithmic: low > 0 && high / low > 20);

        bool unicode = TerminalMode.HasUnicode;
        string bar = unicode ? "█" : "#";
        string marker = unicode ? "●" : "o";
        var lines = new StringBuilder();
        for (int row = Rows; row >= 1; row--)
        {
            string label = row == Rows ? Label(high) : row == 1 ? Label(low) : new string(' ', 8);
            lines.Append(label).Append(unicode ? (row is 1 or Rows ? " ┤" : " │") : (row is 1 or Rows ? " +" : " |"));
            for (int c = 0; c < training.Length; c++)
            {
                if (validation is not null && scale.Row(validation[c]) == row)
                {
                    lines.Append("[yellow]").Append(marker).Append("[/]");
                }
                else if (scale.Row(training[c]) >= row)
                {
                    lines.Append("[blue]").Append(bar).Append("[/]");
                }
                else
                {
                    lines.Append(' ');
                }
            }

            lines.Append('\n');
        }

        string first = "1";
        string last = epochs.Count.ToString(CultureInfo.InvariantCulture);
        lines.Append(new string(' ', 9)).Append(unicode ? "└" : "+").Append(new string(unicode ? '─' : '-', training.Length)).Append('\n');
        lines.Append(new string(' ', 10)).Append(first).Append(new string(' ', Math.Max(1, training.Length - first.Length - last.Length))).Append(last).Append("  epoch\n");
        lines.Append(new string(' ', 10)).Append("[blue]").Append(bar).Append("[/] training loss");
        if (validation is not null)
        {
            lines.Append("   [yellow]").Append(marker).Append("[/] validation loss");
        }

        if (scale.IsLogarithmic)
        {
            lines.Append("   (log scale)");
        }

        AnsiConsole.MarkupLine(lines.ToString());
    }

    /// <summary>The per-epoch values averaged into at most <see cref="MaxColumns"/> equal buckets.</summary>
    private static double[] Columns(IReadOnlyList<EpochReport> epochs, Func<EpochReport, double> value)
    {
        int count = Math.Min(epochs.Count, MaxColumns);
        var columns = new double[count];
        for (int c = 0; c < count; c++)
        {
            int begin = c * epochs.Count / count;
            int end = (c + 1) * epochs.Count / count;
            double sum = 0;
            for (int e = begin; e < end; e++)
            {
                sum += value(epochs[e]);
            }

            columns[c] = sum / (end - begin);
        }

        return columns;
    }

    private static string Label(double value) =>
        value.ToString(value >= 100 ? "F0" : value >= 1 ? "F2" : "G3", CultureInfo.InvariantCulture).PadLeft(8);

    /// <summary>Maps a loss to a row, 1 (lowest) to <see cref="Rows"/> (highest), linearly or logarithmically.</summary>
    private readonly struct Scale(double low, double high, bool logarithmic)
    {
        public bool IsLogarithmic => logarithmic;

        public int Row(double value)
        {
            double position = logarithmic
                ? (Math.Log(value) - Math.Log(low)) / (Math.Log(high) - Math.Log(low))
                : high > low ? (value - low) / (high - low) : 1;
            return 1 + (int)Math.Round(Math.Clamp(position, 0, 1) * (Rows - 1));
        }
    }
}
