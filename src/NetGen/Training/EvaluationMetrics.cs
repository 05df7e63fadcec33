namespace NetGen.Training;

/// <summary>How well a network does on a data set (see <see cref="Trainer.Evaluate{TNet, T}"/>).</summary>
/// <param name="Kind">Whether classification or regression metrics were computed.</param>
/// <param name="Count">The number of samples.</param>
/// <param name="Loss">The mean per-sample loss (the network's own <c>ComputeLoss</c>).</param>
/// <param name="Accuracy">For classification, the share of samples classified correctly; otherwise <see langword="null"/>.</param>
/// <param name="MeanAbsoluteError">For regression, mean |o − y| over every output value of every sample; otherwise <see langword="null"/>.</param>
/// <param name="RootMeanSquaredError">For regression, √(mean (o − y)²) over every output value of every sample; otherwise <see langword="null"/>.</param>
public sealed record EvaluationMetrics(
    ProblemKind Kind,
    int Count,
    double Loss,
    double? Accuracy,
    double? MeanAbsoluteError,
    double? RootMeanSquaredError);
