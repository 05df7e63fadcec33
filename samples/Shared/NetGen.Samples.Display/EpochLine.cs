using System.Globalization;
using NetGen.Training;

namespace NetGen.Samples.Display;

/// <summary>One epoch's report as a single line of plain text.</summary>
public static class EpochLine
{
    /// <summary>"epoch 12/40  loss 0.1234  val loss 0.1100  val accuracy 96.7 %", for logs.</summary>
    public static string Format(EpochReport report, int epochs) => Build(report, epochs, withValidationLoss: true);

    /// <summary>"epoch 12/40  loss 0.1234  val accuracy 96.7 %", short enough to sit beside a progress bar.</summary>
    public static string Compact(EpochReport report, int epochs) => Build(report, epochs, withValidationLoss: false);

    private static string Build(EpochReport report, int epochs, bool withValidationLoss)
    {
        string total = epochs.ToString(CultureInfo.InvariantCulture);
        string epoch = report.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(total.Length);
        string line = $"epoch {epoch}/{total}  loss {MetricText.Number(report.TrainingLoss)}";
        if (report.Validation is { } validation)
        {
            if (withValidationLoss)
            {
                line += $"  val loss {MetricText.Number(validation.Loss)}";
            }

            line += $"  val {MetricText.Format(validation)}";
        }
        else if (report.Training is { } training)
        {
            line += $"  train {MetricText.Format(training)}";
        }

        return line;
    }
}
