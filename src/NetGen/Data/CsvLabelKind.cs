namespace NetGen.Data;

/// <summary>How <see cref="CsvLoader"/> turns the label column into targets.</summary>
public enum CsvLabelKind
{
    /// <summary>The label is a class index 0 … K−1 (written as an integer); the target is its one-hot vector of K values.</summary>
    ClassIndex = 0,

    /// <summary>The label is a class name (such as iris's "setosa"); names are mapped to indices (see <see cref="CsvOptions.ClassNameOrder"/>) and one-hot encoded.</summary>
    ClassName = 1,

    /// <summary>The label is a number, used as the single target value.</summary>
    Regression = 2,
}
