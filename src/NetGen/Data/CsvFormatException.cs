using System;

namespace NetGen.Data;

/// <summary>
/// A CSV file could not be read as a data set. The message starts with the file, the 1-based line and
/// the 1-based column (field number), as in "iris.csv, line 7, column 3: 'abc' is not a number."
/// </summary>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> and <paramref name="column"/> of <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file (or the source name given for a reader).</param>
    /// <param name="line">The 1-based physical line number.</param>
    /// <param name="column">The 1-based field number, or 0 when the problem concerns the whole line or file.</param>
    /// <param name="reason">What is wrong, as a sentence.</param>
    public CsvFormatException(string fileName, int line, int column, string reason)
        : base(Format(fileName, line, column, reason))
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file (or the source name given for a reader).</summary>
    public string FileName { get; }

    /// <summary>The 1-based physical line number (blank lines count).</summary>
    public int Line { get; }

    /// <summary>The 1-based field number within the line, or 0 when the problem concerns the whole line or file.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    private static string Format(string fileName, int line, int column, string reason) =>
        column > 0
            ? $"{fileName}, line {line}, column {column}: {reason}"
            : $"{fileName}, line {line}: {reason}";
}
