using System.Globalization;
using NetGen.Training;

namespace NetGen.Samples.Display;

/// <summary>The headline metric of an evaluation as short text: accuracy for classification, MAE for regression.</summary>
public static class MetricText
{
    /// <summary>"accuracy 96.7 %" or "MAE 0.0812".</summary>
    public static string Format(EvaluationMetrics metrics) =>
        metrics.Kind == ProblemKind.Classification
            ? $"accuracy {Percent(metrics.Accuracy)}"
            : $"MAE {Number(metrics.MeanAbsoluteError)}";

    /// <summary>A share as a percentage with one decimal, "–" when absent.</summary>
    public static string Percent(double? share) =>
        share is { } s ? (100 * s).ToString("F1", CultureInfo.InvariantCulture) + " %" : "–";

    /// <summary>A number with four decimals, "–" when absent.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "–";
}
