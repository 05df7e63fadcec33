using System;
using Spectre.Console;

namespace NetGen.Samples.Display;

/// <summary>Whether the console can show live, redrawn output or only plain lines (CI logs, pipes, files).</summary>
public static class TerminalMode
{
    /// <summary>
    /// True when a live progress bar can be redrawn in place: Spectre.Console sees an interactive
    /// terminal, stdout is not redirected and no CI system is driving the run (CI=true).
    /// </summary>
    public static bool IsLive =>
        AnsiConsole.Profile.Capabilities.Interactive
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>True when the console can print box-drawing and block characters.</summary>
    public static bool HasUnicode => AnsiConsole.Profile.Capabilities.Unicode;

    /// <summary>
    /// When stdout goes to a file, a pipe or a CI log, makes Spectre.Console write plain text: no
    /// colour or cursor escape codes, no prompts. Call it once, before anything is written.
    /// </summary>
    public static void UsePlainTextWhenRedirected()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        }
    }
}
