using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using ScottPlot;

namespace NetGen.Samples.Display;

/// <summary>
/// The training and validation loss per epoch as a PNG (ScottPlot): the same curves as
/// <see cref="LossChart"/>, on a log scale when the loss falls by more than 20×.
/// </summary>
public static class LossPlot
{
    /// <summary>The picture's size in pixels.</summary>
    public const int Width = 800, Height = 450;

    /// <summary>
    /// Writes the loss curves beside <paramref name="weightFile"/> ("digits-loss.png" beside
    /// "digits.safetensors") and prints where; never throws (see <see cref="Picture.TryWrite"/>).
    /// </summary>
    /// <returns>True when the picture was written.</returns>
    public static bool WriteBeside(string weightFile, TrainingHistory history, string title) =>
        Picture.TryWrite("loss curves", Picture.Beside(weightFile, "loss"), path => Save(history, title, path));

    /// <summary>Draws <paramref name="history"/> into the PNG file <paramref name="path"/>.</summary>
    public static void Save(TrainingHistory history, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        IReadOnlyList<EpochReport> epochs = history.Epochs;
        double[] epoch = epochs.Select(r => (double)r.Epoch).ToArray();
        double[] training = epochs.Select(r => r.TrainingLoss).ToArray();
        double[]? validation = epochs.All(r => r.ValidationLoss is not null)
            ? epochs.Select(r => r.ValidationLoss!.Value).ToArray()
            : null;

        double[] all = [.. training, .. validation ?? []];
        bool logarithmic = all.Min() > 0 && all.Max() / all.Min() > 20;
        Func<double, double> y = logarithmic ? Math.Log10 : v => v;

        using var plot = new Plot();
        Curve(plot, epoch, training.Select(y).ToArray(), "training loss", Colors.C0);
        if (validation is not null)
        {
            Curve(plot, epoch, validation.Select(y).ToArray(), "validation loss", Colors.C1);
        }

        if (history.StoppedEarly || history.RestoredBestParameters)
        {
            plot.Add.VerticalLine(history.BestEpoch, 1, Colors.Gray, LinePattern.Dashed).LegendText = $"best epoch {history.BestEpoch}";
        }

        if (logarithmic)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(logarithmic ? "mean loss (log scale)" : "mean loss");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    private static void Curve(Plot plot, double[] x, double[] y, string label, Color color)
    {
        var line = plot.Add.Scatter(x, y, color);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = x.Length <= 60 ? 4 : 0;
    }
}
