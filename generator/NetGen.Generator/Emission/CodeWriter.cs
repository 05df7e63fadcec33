using System;
using System.Text;

namespace NetGen.Generator.Emission;

/// <summary>An indented text writer: generated code is written as text, not through syntax trees.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string text)
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _depth * 4).Append(text);
        }

        _text.Append('\n');
    }

    /// <summary>
    /// Writes a template as it reads, one line per line, each indented to the current depth: the emitter's members
    /// are written as raw string templates that look like their output. An empty line is a blank line as
    /// <see cref="Line()"/> writes it (never two in a row, none right after an opening brace).
    /// </summary>
    public void Lines(string template)
    {
        foreach (string line in template.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0)
            {
                Line();
            }
            else
            {
                Line(line);
            }
        }
    }

    /// <summary>A blank line, unless one is already there or a block has just opened.</summary>
    public void Line()
    {
        int n = _text.Length;
        bool afterBlank = n >= 2 && _text[n - 1] == '\n' && _text[n - 2] == '\n';
        bool afterBrace = n >= 2 && _text[n - 1] == '\n' && _text[n - 2] == '{';
        if (!afterBlank && !afterBrace)
        {
            _text.Append('\n');
        }
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public Scope Block(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Scope(this);
    }

    /// <summary>Indents without braces (continuation lines).</summary>
    public Scope Indent()
    {
        _depth++;
        return new Scope(this, braces: false);
    }

    public override string ToString() => _text.ToString();

    /// <summary>A closing brace never follows a blank line.</summary>
    private void TrimTrailingBlankLine()
    {
        if (_text.Length >= 2 && _text[_text.Length - 1] == '\n' && _text[_text.Length - 2] == '\n')
        {
            _text.Length--;
        }
    }

    internal readonly struct Scope : IDisposable
    {
        private readonly CodeWriter _writer;
        private readonly bool _braces;

        public Scope(CodeWriter writer, bool braces = true)
        {
            _writer = writer;
            _braces = braces;
        }

        public void Dispose()
        {
            _writer._depth--;
            if (_braces)
            {
                _writer.TrimTrailingBlankLine();
                _writer.Line("}");
            }
        }
    }
}
