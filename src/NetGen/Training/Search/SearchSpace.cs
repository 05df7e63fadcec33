using System;
using System.Globalization;

namespace NetGen.Training;

/// <summary>
/// The hyperparameters <see cref="HyperparameterSearch"/> draws each trial from: the optimizer's (learning
/// rate, momentum, β₁, β₂, ε, weight decay) and the trainer's (batch size, epochs, early-stopping patience,
/// learning-rate schedule and its decay). A range left <see langword="null"/> is not searched: the network
/// keeps its own value (math.md's default unless its factory sets another).
/// </summary>
/// <remarks>
/// Every setter checks its value against the hyperparameter's domain and throws an
/// <see cref="ArgumentOutOfRangeException"/> whose parameter name is the property and whose message
/// gives the range. The architecture is not a hyperparameter here: it is the choice of candidate.
/// </remarks>
public sealed class SearchSpace
{
    private readonly SearchRange _learningRate = SearchRange.LogUniform(1e-4, 1e-1);
    private readonly SearchRange? _momentum;
    private readonly SearchRange? _beta1;
    private readonly SearchRange? _beta2;
    private readonly SearchRange? _epsilon;
    private readonly SearchRange? _weightDecay;
    private readonly SearchRange? _decay;
    private readonly SearchChoice<int> _batchSize = SearchChoice.Of(32);
    private readonly SearchChoice<int> _epochs = SearchChoice.Of(10);
    private readonly SearchChoice<int>? _earlyStoppingPatience;
    private readonly SearchChoice<LearningRateScheduleKind> _schedule = SearchChoice.Of(LearningRateScheduleKind.Constant);
    private readonly SearchChoice<int> _stepEvery = SearchChoice.Of(10);

    /// <summary>η, the initial learning rate (default log-uniform in [10⁻⁴, 10⁻¹]); positive.</summary>
    public SearchRange LearningRate
    {
        get => _learningRate;
        init => _learningRate = Check(value, nameof(LearningRate), low: 0, lowIncluded: false, high: double.PositiveInfinity);
    }

    /// <summary>β of <see cref="Optimizer.Momentum"/> and <see cref="Optimizer.RmsProp"/> (<see cref="Hyperparameters.Beta"/>); in [0, 1).</summary>
    public SearchRange? Momentum
    {
        get => _momentum;
        init => _momentum = CheckOptional(value, nameof(Momentum), low: 0, lowIncluded: true, high: 1);
    }

    /// <summary>β₁ of <see cref="Optimizer.Adam"/>; in [0, 1).</summary>
    public SearchRange? Beta1
    {
        get => _beta1;
        init => _beta1 = CheckOptional(value, nameof(Beta1), low: 0, lowIncluded: true, high: 1);
    }

    /// <summary>β₂ of <see cref="Optimizer.Adam"/>; in [0, 1).</summary>
    public SearchRange? Beta2
    {
        get => _beta2;
        init => _beta2 = CheckOptional(value, nameof(Beta2), low: 0, lowIncluded: true, high: 1);
    }

    /// <summary>ε of <see cref="Optimizer.RmsProp"/> and <see cref="Optimizer.Adam"/>; positive.</summary>
    public SearchRange? Epsilon
    {
        get => _epsilon;
        init => _epsilon = CheckOptional(value, nameof(Epsilon), low: 0, lowIncluded: false, high: double.PositiveInfinity);
    }

    /// <summary>λ of L2 weight decay; 0 or more (a log-uniform range cannot include 0: use <see cref="SearchRange.Uniform"/> for that).</summary>
    public SearchRange? WeightDecay
    {
        get => _weightDecay;
        init => _weightDecay = CheckOptional(value, nameof(WeightDecay), low: 0, lowIncluded: true, high: double.PositiveInfinity);
    }

    /// <summary>Samples per optimizer update (default {32}); each at least 1.</summary>
    public SearchChoice<int> BatchSize
    {
        get => _batchSize;
        init => _batchSize = CheckAtLeastOne(value, nameof(BatchSize));
    }

    /// <summary>Passes over the training data (default {10}), the most a trial runs with early stopping; each at least 1.</summary>
    public SearchChoice<int> Epochs
    {
        get => _epochs;
        init => _epochs = CheckAtLeastOne(value, nameof(Epochs));
    }

    /// <summary>
    /// Stop a trial when its validation loss has not improved for this many epochs (and keep its best
    /// epoch's parameters); <see langword="null"/> (the default) runs every epoch. Each at least 1.
    /// </summary>
    public SearchChoice<int>? EarlyStoppingPatience
    {
        get => _earlyStoppingPatience;
        init => _earlyStoppingPatience = value is null ? null : CheckAtLeastOne(value, nameof(EarlyStoppingPatience));
    }

    /// <summary>The shape of the learning-rate schedule (default {Constant}). <see cref="LearningRateScheduleKind.Step"/> and <see cref="LearningRateScheduleKind.Exponential"/> need <see cref="Decay"/>.</summary>
    public SearchChoice<LearningRateScheduleKind> Schedule
    {
        get => _schedule;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Schedule));
            foreach (LearningRateScheduleKind kind in value.Values)
            {
                if (!Enum.IsDefined(kind))
                {
                    throw new ArgumentOutOfRangeException(nameof(Schedule), value, $"Schedule holds {(int)kind}, which is not a LearningRateScheduleKind.");
                }
            }

            _schedule = value;
        }
    }

    /// <summary>
    /// The factor a <see cref="LearningRateScheduleKind.Step"/> schedule multiplies the learning rate by every
    /// <see cref="StepEvery"/> epochs, or an <see cref="LearningRateScheduleKind.Exponential"/> one every epoch;
    /// in (0, 1]. Needed when <see cref="Schedule"/> holds either.
    /// </summary>
    public SearchRange? Decay
    {
        get => _decay;
        init => _decay = value is { Max: > 1 }
            ? throw new ArgumentOutOfRangeException(nameof(Decay), value, string.Create(CultureInfo.InvariantCulture, $"Decay must be in (0, 1]; the range {value} reaches {value.Max}."))
            : CheckOptional(value, nameof(Decay), low: 0, lowIncluded: false, high: double.PositiveInfinity);
    }

    /// <summary>The epochs between two steps of a <see cref="LearningRateScheduleKind.Step"/> schedule (default {10}); each at least 1.</summary>
    public SearchChoice<int> StepEvery
    {
        get => _stepEvery;
        init => _stepEvery = CheckAtLeastOne(value, nameof(StepEvery));
    }

    /// <summary>Whether <see cref="Schedule"/> holds a kind that uses <see cref="Decay"/>.</summary>
    internal bool NeedsDecay =>
        _schedule.Contains(LearningRateScheduleKind.Step) || _schedule.Contains(LearningRateScheduleKind.Exponential);

    private static SearchRange? CheckOptional(SearchRange? range, string name, double low, bool lowIncluded, double high) =>
        range is null ? null : Check(range, name, low, lowIncluded, high);

    private static SearchRange Check(SearchRange range, string name, double low, bool lowIncluded, double high)
    {
        ArgumentNullException.ThrowIfNull(range, name);
        bool lowOk = lowIncluded ? range.Min >= low : range.Min > low;
        if (!lowOk)
        {
            string bound = lowIncluded ? "at least" : "above";
            throw new ArgumentOutOfRangeException(
                name, range, string.Create(CultureInfo.InvariantCulture, $"{name} must be {bound} {low}; the range {range} starts at {range.Min}."));
        }

        if (range.Max >= high)
        {
            throw new ArgumentOutOfRangeException(
                name, range, string.Create(CultureInfo.InvariantCulture, $"{name} must be below {high}; the range {range} reaches {range.Max}."));
        }

        return range;
    }

    private static SearchChoice<int> CheckAtLeastOne(SearchChoice<int> choice, string name)
    {
        ArgumentNullException.ThrowIfNull(choice, name);
        foreach (int value in choice.Values)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, choice, $"{name} must hold values of at least 1; the set {choice} holds {value}.");
            }
        }

        return choice;
    }
}
