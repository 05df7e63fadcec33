using System;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace NetGen.Samples.Display;

/// <summary>
/// A confusion matrix as a PNG (ScottPlot): one square per (true, predicted) pair with its count,
/// shaded by the share of the true class it holds; the diagonal is what the network got right.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>The picture's size in pixels.</summary>
    public const int Width = 620, Height = 600;

    /// <summary>
    /// Writes the matrix beside <paramref name="weightFile"/> ("digits-confusion.png" beside
    /// "digits.safetensors") and prints where; never throws (see <see cref="Picture.TryWrite"/>).
    /// </summary>
    /// <returns>True when the picture was written.</returns>
    public static bool WriteBeside(string weightFile, ConfusionMatrix matrix, string title) =>
        Picture.TryWrite("confusion matrix", Picture.Beside(weightFile, "confusion"), path => Save(matrix, title, path));

    /// <summary>Draws <paramref name="matrix"/> into the PNG file <paramref name="path"/>.</summary>
    public static void Save(ConfusionMatrix matrix, string title, string path)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.ClassCount;
        using var plot = new Plot();
        for (int actual = 0; actual < n; actual++)
        {
            int total = Enumerable.Range(0, n).Sum(p => matrix[actual, p]);
            for (int predicted = 0; predicted < n; predicted++)
            {
                int count = matrix[actual, predicted];
                double share = total == 0 ? 0 : (double)count / total;
                Color fill = Colors.White.MixedWith(predicted == actual ? Colors.SteelBlue : Colors.FireBrick, share == 0 ? 0 : 0.15 + (0.85 * share));

                // True class from the top down, predicted class from left to right.
                double left = predicted, top = n - actual;
                var cell = plot.Add.Rectangle(left, left + 1, top - 1, top);
                cell.FillColor = fill;
                cell.LineColor = Colors.LightGray;
                if (count > 0)
                {
                    var label = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), left + 0.5, top - 0.5);
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontSize = 14;
                    label.LabelFontColor = share > 0.6 ? Colors.White : Colors.Black;
                }
            }
        }

        double[] centres = Enumerable.Range(0, n).Select(i => i + 0.5).ToArray();
        string[] names = Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.SetTicks(centres, names);
        plot.Axes.Left.SetTicks(centres, names.Reverse().ToArray());
        plot.Axes.SetLimits(0, n, 0, n);
        plot.Axes.SquareUnits();
        plot.Grid.IsVisible = false;
        plot.Title(title);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.SavePng(path, Width, Height);
    }
}
