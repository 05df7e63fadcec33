using System;
using System.Text;

namespace Digits;

/// <summary>Draws an 8×8 digit as 4 lines of text, two pixel rows per line (half-block characters).</summary>
public static class DigitImage
{
    /// <summary>The 64 pixels (row-major, 0 = blank, 1 = full ink) as text; pixels above one half count as ink.</summary>
    public static string Render(ReadOnlySpan<float> pixels, bool unicode)
    {
        var text = new StringBuilder();
        for (int row = 0; row < 8; row += 2)
        {
            for (int column = 0; column < 8; column++)
            {
                bool top = pixels[row * 8 + column] > 0.5f;
                bool bottom = pixels[(row + 1) * 8 + column] > 0.5f;
                text.Append((top, bottom) switch
                {
                    (true, true) => unicode ? '█' : '#',
                    (true, false) => unicode ? '▀' : '"',
                    (false, true) => unicode ? '▄' : '.',
                    _ => ' ',
                });
            }

            if (row < 6)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
