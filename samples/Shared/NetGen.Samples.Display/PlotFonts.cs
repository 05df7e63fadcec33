using System;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Samples.Display;

/// <summary>
/// The fonts the pictures need. Without any font installed the drawing library still draws, but every
/// title, axis label and number comes out blank; a picture like that is worse than none.
/// </summary>
internal static class PlotFonts
{
    /// <summary>Throws <see cref="InvalidOperationException"/> when the system has no font to draw text with.</summary>
    public static void Require()
    {
        // Without font files the font manager still hands out a typeface, an empty one: ask it for a glyph.
        SKTypeface typeface = Fonts.GetTypeface(Fonts.Default, bold: false, italic: false);
        if (typeface.GetGlyph('0') == 0)
        {
            throw new InvalidOperationException(
                "no fonts are installed and its text would be blank; on Debian or Ubuntu: apt-get install fonts-dejavu-core");
        }
    }
}
