using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>How <see cref="CsvLoader"/> reads a numeric CSV file with one label column.</summary>
public sealed class CsvOptions
{
    /// <summary>
    /// Whether the first non-blank line is a header of column names. <see langword="null"/> (the default)
    /// detects it: the first line is a header when <see cref="LabelColumnName"/> is set or when one of its
    /// fields is not a number (the label field is not considered when <see cref="LabelKind"/> is
    /// <see cref="CsvLabelKind.ClassName"/>).
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The field separator (default ',').</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The label column by its header name (the file must have a header). Set this or <see cref="LabelColumnIndex"/>, not both; with neither, the last column is the label.</summary>
    public string? LabelColumnName { get; init; }

    /// <summary>The label column by its 0-based index. Set this or <see cref="LabelColumnName"/>, not both; with neither, the last column is the label.</summary>
    public int? LabelColumnIndex { get; init; }

    /// <summary>How the label becomes the target (default <see cref="CsvLabelKind.ClassIndex"/>).</summary>
    public CsvLabelKind LabelKind { get; init; } = CsvLabelKind.ClassIndex;

    /// <summary>
    /// For <see cref="CsvLabelKind.ClassIndex"/>: the number of classes K; a label outside 0 … K−1 is an error.
    /// <see langword="null"/> (the default) takes the largest label + 1.
    /// </summary>
    public int? ClassCount { get; init; }

    /// <summary>The default of <see cref="MaxClassCount"/>: 65,536 classes.</summary>
    public const int DefaultMaxClassCount = 65_536;

    /// <summary>
    /// The most classes a file may have (default <see cref="DefaultMaxClassCount"/>): a class index of this value or more,
    /// a <see cref="ClassCount"/> above it or more distinct class names is an error rather than a one-hot target of that
    /// many values per sample. Raise it for data sets with more classes.
    /// </summary>
    public int MaxClassCount { get; init; } = DefaultMaxClassCount;

    /// <summary>
    /// For <see cref="CsvLabelKind.ClassName"/>: the class names in index order; a name not in the list is an error.
    /// <see langword="null"/> (the default) collects the names from the file, numbered by <see cref="ClassNameOrder"/>.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>For <see cref="CsvLabelKind.ClassName"/> without <see cref="ClassNames"/>: how names are numbered (default first appearance).</summary>
    public ClassNameOrder ClassNameOrder { get; init; } = ClassNameOrder.FirstAppearance;

    internal void Validate()
    {
        if (LabelColumnName is not null && LabelColumnIndex is not null)
        {
            throw new ArgumentException("Set LabelColumnName or LabelColumnIndex, not both.", "options");
        }

        if (LabelColumnIndex is < 0)
        {
            throw new ArgumentException($"LabelColumnIndex must not be negative; it is {LabelColumnIndex}.", "options");
        }

        if (ClassCount is < 1)
        {
            throw new ArgumentException($"ClassCount must be at least 1; it is {ClassCount}.", "options");
        }

        if (MaxClassCount < 1)
        {
            throw new ArgumentException($"MaxClassCount must be at least 1; it is {MaxClassCount}.", "options");
        }

        if (ClassCount > MaxClassCount)
        {
            throw new ArgumentException(
                $"ClassCount is {ClassCount}, more than MaxClassCount ({MaxClassCount}); raise MaxClassCount for that many classes.", "options");
        }

        if (ClassNames is { } names && names.Count > MaxClassCount)
        {
            throw new ArgumentException(
                $"ClassNames holds {names.Count} names, more than MaxClassCount ({MaxClassCount}); raise MaxClassCount for that many classes.", "options");
        }

        if (ClassCount is not null && LabelKind != CsvLabelKind.ClassIndex)
        {
            throw new ArgumentException("ClassCount applies only to LabelKind ClassIndex; for ClassName give ClassNames.", "options");
        }

        if (ClassNames is not null)
        {
            if (LabelKind != CsvLabelKind.ClassName)
            {
                throw new ArgumentException("ClassNames applies only to LabelKind ClassName.", "options");
            }

            if (ClassNames.Count == 0)
            {
                throw new ArgumentException("ClassNames must hold at least one name.", "options");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in ClassNames)
            {
                if (name is null || !seen.Add(name))
                {
                    throw new ArgumentException($"ClassNames must hold distinct, non-null names; '{name}' is repeated or null.", "options");
                }
            }
        }

        if (Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The delimiter cannot be a quote or a line break.", "options");
        }
    }
}
