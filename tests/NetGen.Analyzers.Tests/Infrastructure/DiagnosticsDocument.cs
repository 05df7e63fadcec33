using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>docs/diagnostics.md (copied next to the tests), read into what the tests compare with the analyzer.</summary>
internal sealed class DiagnosticsDocument
{
    private const string TableStart = "<!-- pairing-table:start -->";
    private const string TableEnd = "<!-- pairing-table:end -->";

    private static readonly Lazy<DiagnosticsDocument> LazyInstance = new(() => new DiagnosticsDocument(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal)));

    private DiagnosticsDocument(string text) => Text = text;

    public static DiagnosticsDocument Instance => LazyInstance.Value;

    public string Text { get; }

    /// <summary>The pairing table: (activation, loss) → "matching", "ok", "info", "warning" or "error".</summary>
    public IReadOnlyDictionary<(string Activation, string Loss), string> PairingTable()
    {
        int start = Text.IndexOf(TableStart, StringComparison.Ordinal);
        int end = Text.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/diagnostics.md has no pairing table between its markers.");

        string[] rows = Text[(start + TableStart.Length)..end]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] losses = Cells(rows[0]).Skip(1).ToArray();
        var table = new Dictionary<(string, string), string>();
        foreach (string row in rows.Skip(2))
        {
            string[] cells = Cells(row);
            Assert.Equal(losses.Length + 1, cells.Length);
            for (int i = 0; i < losses.Length; i++)
            {
                table.Add((cells[0], losses[i]), cells[i + 1]);
            }
        }

        return table;
    }

    /// <summary>The section of one id: from its "## NGxxxx" heading to the next heading of that level.</summary>
    public string? Section(string id)
    {
        Match match = Regex.Match(Text, "^## " + Regex.Escape(id) + "\n(.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The C# code blocks of a section, in order.</summary>
    public static IReadOnlyList<string> CodeBlocks(string section) =>
        Regex.Matches(section, "```csharp\n(.*?)\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

    private static string[] Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
}
