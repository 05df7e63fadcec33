namespace NetGen.Training;

/// <summary>What a trial of <see cref="HyperparameterSearch"/> is scored by, on the validation data after training.</summary>
public enum SearchMetric
{
    /// <summary>The mean validation loss (the network's own <c>ComputeLoss</c>); lower is better.</summary>
    ValidationLoss = 0,

    /// <summary>
    /// The validation accuracy (classification only); higher is better. Trials with the same accuracy are
    /// ranked by their validation loss.
    /// </summary>
    ValidationAccuracy = 1,
}
