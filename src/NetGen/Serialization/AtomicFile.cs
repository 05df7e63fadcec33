using System;
using System.IO;
using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("NetGen.Runtime.Tests")] // the full-disk test drives AtomicFile.Replace with a failing writer

namespace NetGen.Serialization;

/// <summary>
/// Replaces a file only with complete content: written to a temporary file <c>.{name}.{guid}.tmp</c> in the same
/// folder, flushed to disk, then renamed over the target. The temporary file is held with <see cref="FileShare.None"/>
/// while it is written, so temporary files of the same target that can be opened exclusively belong to saves that
/// were killed; they are deleted after every successful save.
/// </summary>
internal static class AtomicFile
{
    /// <exception cref="DirectoryNotFoundException">The folder of <paramref name="path"/> does not exist.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names it, the inner exception is the cause, the target is unchanged.</exception>
    public static void Replace(string path, string parameterName, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", parameterName);
        string name = Path.GetFileName(fullPath);
        if (name.Length == 0)
        {
            throw new ArgumentException($"'{path}' names a folder, not a file.", parameterName);
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot save '{fullPath}': the folder '{folder}' does not exist.");
        }

        if (Directory.Exists(fullPath))
        {
            throw new IOException($"Cannot save '{fullPath}': it is a directory.");
        }

        string temporary = Path.Combine(folder, TemporaryPrefix(name) + Guid.NewGuid().ToString("N") + TemporarySuffix);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException($"Cannot save '{fullPath}': {e.Message} The file there, if any, is unchanged.", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        DeleteStaleTemporaries(folder, name);
    }

    private const string TemporarySuffix = ".tmp";

    private static string TemporaryPrefix(string name) => "." + name + ".";

    /// <summary>Deletes <c>.{name}.{32 hex digits}.tmp</c> files no running save holds open; never fails the save.</summary>
    private static void DeleteStaleTemporaries(string folder, string name)
    {
        string prefix = TemporaryPrefix(name);
        string[] candidates;
        try
        {
            candidates = Directory.GetFiles(folder, prefix + "*" + TemporarySuffix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string candidate in candidates)
        {
            string middle = Path.GetFileName(candidate)[prefix.Length..^TemporarySuffix.Length];
            if (middle.Length != 32 || !Guid.TryParseExact(middle, "N", out _))
            {
                continue;
            }

            try
            {
                // Opening exclusively fails while a save holds the file; deleting on close removes it once we hold it.
                using var stale = new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a concurrent save, or already gone.
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more; a leftover is removed by the next successful save.
        }
    }
}
