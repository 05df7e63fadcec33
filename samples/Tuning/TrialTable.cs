using System.Globalization;
using NetGen.Samples.Display;
using NetGen.Training;
using Spectre.Console;

namespace Tuning;

/// <summary>Every trial of a search, best first: its round, architecture, hyperparameters, epochs, scores and time.</summary>
internal static class TrialTable
{
    public static void Write(SearchResult<float> result)
    {
        var table = new Table().Border(TerminalMode.HasUnicode ? TableBorder.Rounded : TableBorder.Ascii);
        table.AddColumn(new TableColumn("rank").RightAligned());
        table.AddColumn("trial");
        table.AddColumn("network");
        foreach (string name in new[] { "η", "β₁", "β₂", "λ", "batch" })
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        table.AddColumn("schedule");
        table.AddColumn(new TableColumn("epochs (best)").RightAligned());
        table.AddColumn(new TableColumn("val loss").RightAligned());
        table.AddColumn(new TableColumn("val acc").RightAligned());
        table.AddColumn(new TableColumn("time").RightAligned());

        for (int rank = 0; rank < result.Ranking.Count; rank++)
        {
            SearchTrial trial = result.Ranking[rank];
            TrialSettings s = trial.Settings;
            table.AddRow(
                Text(rank + 1),
                string.Create(CultureInfo.InvariantCulture, $"#{trial.Index} {RoundName.Of(trial.Round)}"),
                Markup.Escape(trial.Candidate),
                TrialText.Value(s.LearningRate),
                TrialText.Value(s.Beta1),
                TrialText.Value(s.Beta2),
                TrialText.Value(s.WeightDecay),
                Text(s.BatchSize),
                Markup.Escape(TrialText.Schedule(s)),
                string.Create(CultureInfo.InvariantCulture, $"{trial.EpochsRun} ({trial.BestEpoch})"),
                MetricText.Number(trial.Validation?.Loss),
                MetricText.Percent(trial.Validation?.Accuracy),
                string.Create(CultureInfo.InvariantCulture, $"{trial.Duration.TotalSeconds:F2} s"));
        }

        AnsiConsole.Write(table);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
