using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// The hyperparameters one trial of <see cref="HyperparameterSearch"/> drew. An optimizer value is
/// <see langword="null"/> when the space did not search it (the network kept its own).
/// </summary>
/// <param name="LearningRate">η, the initial learning rate.</param>
/// <param name="Momentum">β of Momentum and RMSProp (<see cref="Hyperparameters.Beta"/>), or <see langword="null"/>.</param>
/// <param name="Beta1">β₁ of Adam, or <see langword="null"/>.</param>
/// <param name="Beta2">β₂ of Adam, or <see langword="null"/>.</param>
/// <param name="Epsilon">ε of RMSProp and Adam, or <see langword="null"/>.</param>
/// <param name="WeightDecay">λ of L2 weight decay, or <see langword="null"/>.</param>
/// <param name="BatchSize">Samples per optimizer update.</param>
/// <param name="Epochs">The epochs the trial may run.</param>
/// <param name="EarlyStoppingPatience">The early-stopping patience, or <see langword="null"/> for none.</param>
/// <param name="Schedule">The shape of the learning-rate schedule.</param>
/// <param name="Decay">The schedule's factor, or <see langword="null"/> for <see cref="LearningRateScheduleKind.Constant"/>.</param>
/// <param name="StepEvery">Epochs between the steps of a <see cref="LearningRateScheduleKind.Step"/> schedule, otherwise <see langword="null"/>.</param>
/// <param name="Seed">The seed of the trial's initial parameters, shuffles and dropout masks.</param>
public sealed record TrialSettings(
    double LearningRate,
    double? Momentum,
    double? Beta1,
    double? Beta2,
    double? Epsilon,
    double? WeightDecay,
    int BatchSize,
    int Epochs,
    int? EarlyStoppingPatience,
    LearningRateScheduleKind Schedule,
    double? Decay,
    int? StepEvery,
    int Seed)
{
    /// <summary>The learning-rate schedule these settings describe.</summary>
    public LearningRateSchedule CreateSchedule() => Schedule switch
    {
        LearningRateScheduleKind.Step => LearningRateSchedule.Step(LearningRate, Decay ?? 1, StepEvery ?? 1),
        LearningRateScheduleKind.Exponential => LearningRateSchedule.Exponential(LearningRate, Decay ?? 1),
        _ => LearningRateSchedule.Constant(LearningRate),
    };

    /// <summary>Writes the searched optimizer values into <paramref name="hyperparameters"/>; the others are left alone.</summary>
    public void ApplyTo(Hyperparameters hyperparameters)
    {
        System.ArgumentNullException.ThrowIfNull(hyperparameters);
        hyperparameters.LearningRate = LearningRate;
        hyperparameters.Beta = Momentum ?? hyperparameters.Beta;
        hyperparameters.Beta1 = Beta1 ?? hyperparameters.Beta1;
        hyperparameters.Beta2 = Beta2 ?? hyperparameters.Beta2;
        hyperparameters.Epsilon = Epsilon ?? hyperparameters.Epsilon;
        hyperparameters.WeightDecay = WeightDecay ?? hyperparameters.WeightDecay;
    }

    /// <summary>"η 0.00312, β₁ 0.912, batch 32, 10 epochs, Step ×0.5 every 5": the values that were drawn, four significant digits.</summary>
    public override string ToString()
    {
        var parts = new List<string> { "η " + Number(LearningRate) };
        AddIf(parts, "β", Momentum);
        AddIf(parts, "β₁", Beta1);
        AddIf(parts, "β₂", Beta2);
        AddIf(parts, "ε", Epsilon);
        AddIf(parts, "λ", WeightDecay);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"batch {BatchSize}"));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Epochs} epochs"));
        if (EarlyStoppingPatience is { } patience)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"patience {patience}"));
        }

        parts.Add(Schedule switch
        {
            LearningRateScheduleKind.Step => string.Create(CultureInfo.InvariantCulture, $"Step ×{Number(Decay ?? 1)} every {StepEvery}"),
            LearningRateScheduleKind.Exponential => $"Exponential ×{Number(Decay ?? 1)}",
            _ => "Constant",
        });
        return string.Join(", ", parts);
    }

    private static void AddIf(List<string> parts, string symbol, double? value)
    {
        if (value is { } v)
        {
            parts.Add(symbol + " " + Number(v));
        }
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
