namespace NetGen.Data;

/// <summary>How class names found in a CSV file are numbered when <see cref="CsvOptions.ClassNames"/> is not given.</summary>
public enum ClassNameOrder
{
    /// <summary>In the order in which the names first appear in the file.</summary>
    FirstAppearance = 0,

    /// <summary>In ordinal (culture-independent) string order.</summary>
    Sorted = 1,
}
