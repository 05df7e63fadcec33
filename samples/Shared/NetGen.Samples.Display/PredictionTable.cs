using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>
/// A few predictions of the trained network next to those of the network reloaded from its weight
/// file, one row per sample, marking whether the two are identical.
/// </summary>
public sealed class PredictionTable
{
    private readonly Table _table;

    /// <summary>Starts a table whose first column describes the sample (<paramref name="sampleHeader"/>).</summary>
    public PredictionTable(string sampleHeader)
    {
        _table = new Table().Border(TerminalMode.HasUnicode ? TableBorder.Rounded : TableBorder.Ascii).ShowRowSeparators();
        _table.AddColumn(Markup.Escape(sampleHeader));
        _table.AddColumn("expected");
        _table.AddColumn("trained");
        _table.AddColumn("reloaded");
        _table.AddColumn("same");
    }

    /// <summary>Adds one sample's row.</summary>
    public void Add(string sample, string expected, string trained, string reloaded, bool identical)
    {
        string mark = identical ? "[green]yes[/]" : "[red]NO[/]";
        _table.AddRow(Markup.Escape(sample), Markup.Escape(expected), Markup.Escape(trained), Markup.Escape(reloaded), mark);
    }

    /// <summary>Writes the table.</summary>
    public void Write() => AnsiConsole.Write(_table);
}
