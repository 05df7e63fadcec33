using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>The sample's pass/fail line and its exit code, so CI can run the samples.</summary>
public static class Verdict
{
    /// <summary>Prints "PASS: …" or "FAIL: …" and returns the process exit code: 0 when <paramref name="passed"/>, 1 otherwise.</summary>
    public static int Report(bool passed, string statement)
    {
        string label = passed ? "[green]PASS[/]" : "[red]FAIL[/]";
        AnsiConsole.MarkupLine($"{label}: {Markup.Escape(statement)}");
        return passed ? 0 : 1;
    }
}
