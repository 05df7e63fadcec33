using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Test source with the expected diagnostic spans marked as <c>[|…|]</c>. <see cref="Text"/> is the
/// source without the markers; <see cref="Spans"/> are the marked spans in it, in order.
/// </summary>
internal sealed class MarkedSource
{
    private const string Open = "[|";
    private const string Close = "|]";

    private MarkedSource(string text, IReadOnlyList<TextSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    public IReadOnlyList<TextSpan> Spans { get; }

    public static MarkedSource Parse(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        int? start = null;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, Open, 0, Open.Length) == 0)
            {
                Assert.True(start is null, "Nested [| markers are not supported.");
                start = text.Length;
                i += Open.Length - 1;
            }
            else if (start is not null && string.CompareOrdinal(marked, i, Close, 0, Close.Length) == 0)
            {
                spans.Add(TextSpan.FromBounds(start.Value, text.Length));
                start = null;
                i += Close.Length - 1;
            }
            else
            {
                text.Append(marked[i]);
            }
        }

        Assert.True(start is null, "A [| marker is not closed.");
        return new MarkedSource(text.ToString(), spans);
    }
}
