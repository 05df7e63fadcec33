namespace NetGen.Training;

/// <summary>
/// The shape of a trial's learning-rate schedule; the search builds the <see cref="LearningRateSchedule"/>
/// from the trial's sampled learning rate and decay.
/// </summary>
public enum LearningRateScheduleKind
{
    /// <summary>The sampled learning rate every epoch (<see cref="LearningRateSchedule.Constant"/>).</summary>
    Constant = 0,

    /// <summary>
    /// Multiplied by the sampled decay every <see cref="SearchSpace.StepEvery"/> epochs
    /// (<see cref="LearningRateSchedule.Step"/>).
    /// </summary>
    Step = 1,

    /// <summary>Multiplied by the sampled decay every epoch (<see cref="LearningRateSchedule.Exponential"/>).</summary>
    Exponential = 2,
}
