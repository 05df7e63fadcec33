using System;
using System.Collections.Generic;
using System.Globalization;
using NetGen.Training;
using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>The final metrics per data set (train, validation, test) as a table, with the wall time.</summary>
public sealed class ResultsTable
{
    private readonly List<(string Name, EvaluationMetrics Metrics)> _rows = new();

    /// <summary>Adds the metrics of one data set.</summary>
    public ResultsTable Add(string name, EvaluationMetrics metrics)
    {
        _rows.Add((name, metrics));
        return this;
    }

    /// <summary>Writes the table, then a line with the epochs run and the training and total wall time.</summary>
    public void Write(TrainingHistory history, TimeSpan wallTime)
    {
        ArgumentNullException.ThrowIfNull(history);
        bool classification = _rows.Count > 0 && _rows[0].Metrics.Kind == ProblemKind.Classification;
        var table = new Table().Border(TerminalMode.HasUnicode ? TableBorder.Rounded : TableBorder.Ascii);
        table.AddColumn("set");
        table.AddColumn(new TableColumn("samples").RightAligned());
        table.AddColumn(new TableColumn("loss").RightAligned());
        if (classification)
        {
            table.AddColumn(new TableColumn("accuracy").RightAligned());
        }
        else
        {
            table.AddColumn(new TableColumn("MAE").RightAligned());
            table.AddColumn(new TableColumn("RMSE").RightAligned());
        }

        foreach ((string name, EvaluationMetrics m) in _rows)
        {
            string count = m.Count.ToString(CultureInfo.InvariantCulture);
            string loss = MetricText.Number(m.Loss);
            if (classification)
            {
                table.AddRow(Markup.Escape(name), count, loss, MetricText.Percent(m.Accuracy));
            }
            else
            {
                table.AddRow(Markup.Escape(name), count, loss, MetricText.Number(m.MeanAbsoluteError), MetricText.Number(m.RootMeanSquaredError));
            }
        }

        TimeSpan training = TimeSpan.Zero;
        foreach (EpochReport epoch in history.Epochs)
        {
            training += epoch.Duration;
        }

        string stopped = history.StoppedEarly ? $" (stopped early, best epoch {history.BestEpoch})" : string.Empty;
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{history.Epochs.Count} epochs{stopped}; training {training.TotalSeconds:F2} s, wall time so far {wallTime.TotalSeconds:F2} s"));
    }
}
