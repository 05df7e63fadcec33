namespace NetGen.Training;

/// <summary>Whether a network's outputs are class scores or quantities; decides which metrics are reported.</summary>
public enum ProblemKind
{
    /// <summary>Outputs are class scores: accuracy is reported.</summary>
    Classification = 0,

    /// <summary>Outputs are quantities: mean absolute error and root mean squared error are reported.</summary>
    Regression = 1,
}
