using System;
using System.IO;

namespace NetGen.Samples.Display;

/// <summary>
/// Writes a picture beside the sample's weight file without ever failing the sample: drawing needs
/// native libraries and fonts that a bare machine may lack, so any failure is reported in one line and
/// the sample goes on.
/// </summary>
public static class Picture
{
    /// <summary>The PNG path beside <paramref name="weightFile"/>: "…/digits.safetensors" and "loss" give "…/digits-loss.png".</summary>
    public static string Beside(string weightFile, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(weightFile);
        string directory = Path.GetDirectoryName(Path.GetFullPath(weightFile)) ?? ".";
        return Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(weightFile)}-{name}.png");
    }

    /// <summary>
    /// Runs <paramref name="draw"/> on <paramref name="path"/> and prints where the picture went, or,
    /// when it throws, one line saying why there is no picture.
    /// </summary>
    /// <param name="what">What the picture shows, e.g. "loss curves".</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="draw">Writes the picture to the path it is given.</param>
    /// <returns>True when the picture was written.</returns>
    public static bool TryWrite(string what, string path, Action<string> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        try
        {
            PlotFonts.Require();
            draw(path);
            Console.WriteLine($"Wrote the {what} to {path}");
            return true;
        }
#pragma warning disable CA1031 // Whatever went wrong (no native library, no fonts, no disk), the picture is optional.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Exception cause = e;
            while (cause is TypeInitializationException { InnerException: { } inner })
            {
                cause = inner; // a missing native library surfaces as the type initializer that loads it
            }

            string reason = cause.Message.Split('\n', 2)[0].Trim();
            Console.WriteLine($"Could not draw the {what} ({cause.GetType().Name}: {reason}); going on without it.");
            return false;
        }
    }
}
