using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Source with Microsoft.CodeAnalysis.Testing markup (<c>{|NG0011:…|}</c>, <c>{|#0:…|}</c>, <c>[|…|]</c>),
/// read by the framework's own parser, for the checks the framework does not make itself (messages,
/// the documented snippets).
/// </summary>
internal sealed class Markup
{
    private Markup(string text, IDictionary<string, ImmutableArray<TextSpan>> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source without markup.</summary>
    public string Text { get; }

    /// <summary>The marked spans by name ("" for <c>[|…|]</c>).</summary>
    public IDictionary<string, ImmutableArray<TextSpan>> Spans { get; }

    public static Markup Parse(string markup)
    {
        TestFileMarkupParser.GetSpans(markup, out string text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        return new Markup(text, spans);
    }

    /// <summary>The spans marked with <paramref name="name"/>, none if there are none.</summary>
    public IReadOnlyList<TextSpan> Named(string name) =>
        Spans.TryGetValue(name, out ImmutableArray<TextSpan> spans) ? spans : Enumerable.Empty<TextSpan>().ToList();
}
