using System.Globalization;
using NetGen.Samples.Display;
using NetGen.Training;

namespace Tuning;

/// <summary>A trial's figures as short text for the progress display, the table and the Best: line.</summary>
internal static class TrialText
{
    /// <summary>"#17 Digits64  val loss 0.0712  accuracy 98.3 %".</summary>
    public static string Score(SearchTrial trial) =>
        trial.Validation is { } validation
            ? string.Create(CultureInfo.InvariantCulture, $"#{trial.Index} {trial.Candidate}  val loss {MetricText.Number(validation.Loss)}  {MetricText.Format(validation)}")
            : string.Create(CultureInfo.InvariantCulture, $"#{trial.Index} {trial.Candidate}  failed");

    /// <summary>A value drawn for the trial with four significant digits, "–" when it was not searched.</summary>
    public static string Value(double? value) =>
        value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    /// <summary>"Const", "Step ×0.61/5" or "Exp ×0.93".</summary>
    public static string Schedule(TrialSettings settings) => settings.Schedule switch
    {
        LearningRateScheduleKind.Step => string.Create(CultureInfo.InvariantCulture, $"Step ×{Value(settings.Decay)}/{settings.StepEvery}"),
        LearningRateScheduleKind.Exponential => $"Exp ×{Value(settings.Decay)}",
        _ => "Const",
    };
}
