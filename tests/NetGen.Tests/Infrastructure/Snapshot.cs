using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions with Verify's file conventions, so a later move to Verify is a package swap:
/// <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c> beside the test, first line
/// <c>//HintName: …</c>; diagnostics (only when there are any) in <c>{TestClass}.{TestMethod}.verified.txt</c>.
/// A mismatch writes <c>.received.*</c> beside it and fails with a diff; set
/// <c>NETGEN_ACCEPT_SNAPSHOTS=1</c> to accept (the received text becomes the verified one).
/// </summary>
internal static partial class Snapshot
{
    public const string AcceptVariable = "NETGEN_ACCEPT_SNAPSHOTS";

    /// <summary>Checks every generated file and the generator's diagnostics of <paramref name="run"/>.</summary>
    public static void Verify(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "")
    {
        string prefix = Prefix(testFile, testMethod);
        if (run.Sources.Count == 0)
        {
            throw new XunitException("The generator produced no source to snapshot.");
        }

        foreach ((string hintName, string text) in run.Sources)
        {
            string name = prefix + "#" + Path.GetFileNameWithoutExtension(hintName);
            Match(name, ".cs", "//HintName: " + hintName + "\n" + Scrub(text));
        }

        var diagnostics = run.Diagnostics.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal).ToList();
        if (diagnostics.Count > 0)
        {
            Match(prefix, ".txt", string.Join("\n", diagnostics) + "\n");
        }
    }

    /// <summary>Compares <paramref name="actual"/> with <c>{path}.verified{extension}</c>.</summary>
    public static void Match(string path, string extension, string actual, bool? accept = null)
    {
        actual = actual.Replace("\r\n", "\n");
        string verified = path + ".verified" + extension;
        string received = path + ".received" + extension;
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (accept ?? Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        throw new XunitException(expected is null
            ? $"No verified snapshot {Path.GetFileName(verified)}; wrote {Path.GetFileName(received)}. Read it, then accept it by renaming it or with {AcceptVariable}=1."
            : $"{Path.GetFileName(verified)} differs from the generated text (written to {Path.GetFileName(received)}; accept with {AcceptVariable}=1):\n{Diff(expected, actual)}");
    }

    /// <summary>A unified-style diff of the changed lines with two lines of context, numbered as in the verified file.</summary>
    public static string Diff(string expected, string actual)
    {
        DiffPaneModel model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var output = new StringBuilder();
        int lastShown = -10;
        for (int i = 0; i < model.Lines.Count; i++)
        {
            bool near = false;
            for (int j = Math.Max(0, i - 2); j <= Math.Min(model.Lines.Count - 1, i + 2); j++)
            {
                near |= model.Lines[j].Type != ChangeType.Unchanged;
            }

            if (!near)
            {
                continue;
            }

            if (i > lastShown + 1)
            {
                output.Append("@@ line ").Append(model.Lines[i].Position ?? i + 1).Append(" @@\n");
            }

            DiffPiece line = model.Lines[i];
            string mark = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            output.Append(mark).Append(line.Text).Append('\n');
            lastShown = i;
        }

        return output.ToString();
    }

    private static string Prefix(string testFile, string testMethod)
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(testFile) + "." + testMethod);
    }

    /// <summary>The generator's version would change every snapshot on a release: it is scrubbed.</summary>
    private static string Scrub(string text) => VersionPattern().Replace(text, "GeneratedCode(\"NetGen\", \"{version}\")");

    [GeneratedRegex("GeneratedCode\\(\"NetGen\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
