using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Threading;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>
/// Trains any <see cref="ITrainableNetwork{T}"/> on a <see cref="Dataset{T}"/>: epochs of shuffled
/// mini-batches, learning-rate schedules, validation metrics, early stopping and progress reports.
/// </summary>
/// <remarks>
/// Training starts from the network's current parameters (call <c>InitializeParameters</c> or load
/// weights first) and continues its optimizer state. The loop does not allocate per sample: buffers are
/// allocated once per call. The same network state, data, options and seed give bit-identical parameters.
/// </remarks>
public static class Trainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="train"/>.</summary>
    /// <param name="network">The network to train, in place.</param>
    /// <param name="train">The training data; its widths must match the network.</param>
    /// <param name="options">How to train; <see langword="null"/> means the defaults of <see cref="TrainerOptions"/>.</param>
    /// <param name="validation">Validation data, or <see langword="null"/> (see also <see cref="TrainerOptions.ValidationSplit"/>).</param>
    /// <param name="progress">Receives an <see cref="EpochReport"/> after every epoch, on the training thread. Note that <see cref="Progress{T}"/> posts its callback to the captured synchronization context or the thread pool, so in a console app its lines can arrive late or out of order; implement <see cref="IProgress{T}"/> directly to print synchronously.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>The reports of all epochs, the best epoch and whether training stopped early.</returns>
    /// <exception cref="ArgumentException">A data set's widths do not match the network, a data set is empty, or the options contradict each other or the data.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the parameters are as the last completed batch left them.</exception>
    /// <exception cref="NonFiniteLossException">
    /// A loss or a parameter became NaN or infinite (training diverged). Losses are checked at every step, the parameters
    /// every <see cref="TrainerOptions.ParameterCheckInterval"/> samples and at the end of every epoch;
    /// <see cref="NonFiniteLossException.Epoch"/> and <see cref="NonFiniteLossException.SampleIndex"/> say where. The parameters are left as they were then: a mini-batch with a non-finite loss is not applied; a
    /// per-sample TrainStep has already applied its step, as has the step that made a parameter non-finite.
    /// </exception>
    public static TrainingHistory Fit<TNet, T>(
        TNet network,
        Dataset<T> train,
        TrainerOptions? options = null,
        Dataset<T>? validation = null,
        IProgress<EpochReport>? progress = null,
        CancellationToken cancellationToken = default)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainerOptions();
        options.Validate();
        ThrowIfMismatched<TNet, T>(train, nameof(train));
        if (validation is not null)
        {
            ThrowIfMismatched<TNet, T>(validation, nameof(validation));
            if (options.ValidationSplit > 0)
            {
                throw new ArgumentException("Pass a validation set or set ValidationSplit, not both.", nameof(validation));
            }
        }
        else if (options.ValidationSplit > 0)
        {
            (train, validation) = HoldOut(train, options.ValidationSplit, options.Seed);
        }

        if (train.Count == 0)
        {
            throw new ArgumentException("The training set has no samples.", nameof(train));
        }

        if (validation is { Count: 0 })
        {
            throw new ArgumentException("The validation set has no samples.", nameof(validation));
        }

        if (options.EarlyStoppingPatience is not null && validation is null)
        {
            throw new ArgumentException(
                "Early stopping needs validation data: pass a validation set or set ValidationSplit.", nameof(options));
        }

        return new Run<TNet, T>(network, train, validation, options, progress, cancellationToken).Execute();
    }

    /// <summary>
    /// The mean loss and, for classification, the accuracy or, for regression, the mean absolute and
    /// root mean squared errors of <paramref name="network"/> on <paramref name="data"/>.
    /// </summary>
    /// <param name="network">The network to evaluate.</param>
    /// <param name="data">The samples; the widths must match the network.</param>
    /// <param name="kind">Classification or regression; <see langword="null"/> infers it (<see cref="InferProblemKind{TNet, T}"/>).</param>
    /// <remarks>
    /// A sample counts as correctly classified when the index of the largest output equals that of the
    /// largest target value. With a single output, the output and the target are each compared with a
    /// threshold: 0 for a Hinge loss and for Tanh, Linear, LeakyReLU and ELU outputs, 0.5 otherwise
    /// (Sigmoid and other outputs in [0, 1] or [0, ∞)).
    /// </remarks>
    /// <exception cref="ArgumentException">The widths do not match the network, or <paramref name="data"/> is empty.</exception>
    /// <exception cref="NonFiniteLossException">A sample's loss is NaN or infinite.</exception>
    public static EvaluationMetrics Evaluate<TNet, T>(TNet network, Dataset<T> data, ProblemKind? kind = null)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfMismatched<TNet, T>(data, nameof(data));
        return new Evaluator<TNet, T>(kind ?? InferProblemKind<TNet, T>()).Evaluate(network, data, epoch: null);
    }

    /// <summary>
    /// Classification when the loss is BinaryCrossEntropy, CategoricalCrossEntropy, KLDivergence or Hinge,
    /// or the output layer is Softmax or Step; regression otherwise.
    /// </summary>
    public static ProblemKind InferProblemKind<TNet, T>()
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Evaluator<TNet, T>.Infer();

    private static void ThrowIfMismatched<TNet, T>(Dataset<T> data, string parameterName)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data, parameterName);
        if (data.InputSize != TNet.InputSize || data.TargetSize != TNet.OutputSize)
        {
            throw new ArgumentException(
                $"The {parameterName} data has inputs of {data.InputSize} and targets of {data.TargetSize} values, " +
                $"but {typeof(TNet).Name} takes {TNet.InputSize} inputs and gives {TNet.OutputSize} outputs.",
                parameterName);
        }
    }

    private static (Dataset<T> Train, Dataset<T> Validation) HoldOut<T>(Dataset<T> data, double fraction, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        DatasetSplit<T> split = DatasetSplitter.Split(data, 1 - fraction, fraction, 0, seed);
        if (split.Validation.Count == 0 || split.Train.Count == 0)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"ValidationSplit {fraction} of {data.Count} samples leaves {split.Train.Count} for training and {split.Validation.Count} for validation; both need at least one."),
                "options");
        }

        return (split.Train, split.Validation);
    }

    /// <summary>The state of one <see cref="Fit{TNet, T}"/> call; all buffers are allocated here, once.</summary>
    private sealed class Run<TNet, T>
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly TNet _network;
        private readonly Dataset<T> _train;
        private readonly Dataset<T>? _validation;
        private readonly TrainerOptions _options;
        private readonly IProgress<EpochReport>? _progress;
        private readonly CancellationToken _cancellationToken;
        private readonly Evaluator<TNet, T> _evaluator;
        private readonly int[] _order;
        private readonly T[]? _batchInputs;
        private readonly T[]? _batchTargets;
        private readonly T[]? _best;
        private readonly T[] _parameters;
        private readonly T[] _output;
        private DeterministicRandom _random;
        private int _uncheckedFrom; // the position in the epoch's order of the first sample trained since the parameters were last checked

        public Run(
            TNet network, Dataset<T> train, Dataset<T>? validation, TrainerOptions options, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
        {
            _network = network;
            _train = train;
            _validation = validation;
            _options = options;
            _progress = progress;
            _cancellationToken = cancellationToken;
            _evaluator = new Evaluator<TNet, T>(options.ProblemKind ?? Evaluator<TNet, T>.Infer());
            _order = new int[train.Count];
            for (int i = 0; i < _order.Length; i++)
            {
                _order[i] = i;
            }

            // A mini-batch's rows side by side, for TrainBatch (matrix products over the batch).
            _batchInputs = options.BatchSize > 1 ? new T[Math.Min(options.BatchSize, train.Count) * TNet.InputSize] : null;
            _batchTargets = options.BatchSize > 1 ? new T[Math.Min(options.BatchSize, train.Count) * TNet.OutputSize] : null;
            _best = options.EarlyStoppingPatience is not null && options.RestoreBestParameters ? new T[TNet.ParameterCount] : null;
            _parameters = new T[TNet.ParameterCount];
            _output = new T[TNet.OutputSize];
            _random = new DeterministicRandom(options.Seed);
            network.SeedDropout(options.Seed);
        }

        public TrainingHistory Execute()
        {
            var reports = new List<EpochReport>(_options.Epochs);
            double bestLoss = double.PositiveInfinity;
            int bestEpoch = 0;
            int sinceBest = 0;
            bool stoppedEarly = false;
            for (int epoch = 1; epoch <= _options.Epochs; epoch++)
            {
                long start = Stopwatch.GetTimestamp();
                if (_options.Shuffle)
                {
                    _random.Shuffle(_order.AsSpan());
                }

                double learningRate = ApplySchedule(epoch);
                double trainingLoss = RunEpoch(epoch);
                EvaluationMetrics? trainingMetrics = _options.EvaluateTrainingSet ? _evaluator.Evaluate(_network, _train, epoch) : null;
                EvaluationMetrics? validationMetrics = _validation is null ? null : _evaluator.Evaluate(_network, _validation, epoch);

                double monitored = validationMetrics?.Loss ?? trainingLoss;
                if (monitored < bestLoss - _options.EarlyStoppingMinDelta)
                {
                    bestLoss = monitored;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    if (_best is not null)
                    {
                        _network.GetParameters(_best);
                    }
                }
                else
                {
                    sinceBest++;
                }

                var report = new EpochReport(
                    epoch, learningRate, trainingLoss, trainingMetrics, validationMetrics, Stopwatch.GetElapsedTime(start));
                reports.Add(report);
                _progress?.Report(report);

                if (_options.EarlyStoppingPatience is { } patience && sinceBest >= patience)
                {
                    stoppedEarly = epoch < _options.Epochs;
                    break;
                }
            }

            bool restored = false;
            if (_best is not null && bestEpoch != reports.Count)
            {
                _network.SetParameters(_best);
                restored = true;
            }

            return new TrainingHistory(reports, bestEpoch, bestLoss, stoppedEarly, restored);
        }

        private double ApplySchedule(int epoch)
        {
            if (_options.LearningRateSchedule is { } schedule)
            {
                double rate = schedule.LearningRateAt(epoch);
                if (!(rate > 0) || !double.IsFinite(rate))
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The learning-rate schedule {schedule} gives {rate} for epoch {epoch}; a learning rate must be positive and finite."));
                }

                _network.Hyperparameters.LearningRate = rate;
            }

            return _network.Hyperparameters.LearningRate;
        }

        /// <summary>One pass over the shuffled order; returns the mean per-sample loss.</summary>
        private double RunEpoch(int epoch)
        {
            int count = _order.Length;
            int batchSize = _options.BatchSize;
            double lossSum = 0;
            _uncheckedFrom = 0;
            for (int begin = 0; begin < count; begin += batchSize)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                int end = Math.Min(begin + batchSize, count);
                double batchLoss = 0;
                if (_batchInputs is null)
                {
                    int i = _order[begin];
                    batchLoss = double.CreateChecked(_network.TrainStep(_train.GetInput(i), _train.GetTarget(i)));
                }
                else
                {
                    int inputSize = TNet.InputSize, outputSize = TNet.OutputSize;
                    for (int k = begin; k < end; k++)
                    {
                        int i = _order[k];
                        _train.GetInput(i).CopyTo(_batchInputs.AsSpan((k - begin) * inputSize, inputSize));
                        _train.GetTarget(i).CopyTo(_batchTargets.AsSpan((k - begin) * outputSize, outputSize));
                    }

                    // TrainBatch returns the batch's mean loss and makes no update when it is not finite.
                    int rows = end - begin;
                    batchLoss = rows * double.CreateChecked(_network.TrainBatch(
                        _batchInputs.AsSpan(0, rows * inputSize), _batchTargets!.AsSpan(0, rows * outputSize)));
                }

                if (!double.IsFinite(batchLoss))
                {
                    throw LossNotFinite(epoch, begin, end, batchLoss);
                }

                if (end - _uncheckedFrom >= _options.ParameterCheckInterval || end == count)
                {
                    ThrowIfParametersNotFinite(epoch, _uncheckedFrom, end);
                    _uncheckedFrom = end;
                }
                lossSum += batchLoss;
            }

            return lossSum / count;
        }

        /// <summary>The batch's loss is not finite: names the first sample whose own loss is not, or the batch when none alone is.</summary>
        private NonFiniteLossException LossNotFinite(int epoch, int begin, int end, double batchLoss)
        {
            int culprit = _order[begin];
            double sampleLoss = batchLoss;
            if (end - begin > 1)
            {
                for (int k = begin; k < end; k++)
                {
                    int i = _order[k];
                    _network.Forward(_train.GetInput(i), _output);
                    double loss = double.CreateChecked(_network.ComputeLoss(_output, _train.GetTarget(i)));
                    if (!double.IsFinite(loss))
                    {
                        culprit = i;
                        sampleLoss = loss;
                        break;
                    }
                }
            }

            return new NonFiniteLossException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The training loss became {sampleLoss} in epoch {epoch}, at sample {culprit}{BatchNote(begin, end)} (learning rate {_network.Hyperparameters.LearningRate}): training diverged. Try a lower learning rate or scale the inputs."),
                epoch,
                culprit);
        }

        /// <summary>
        /// A parameter is NaN or ±∞ after the steps of positions <paramref name="begin"/> to <paramref name="end"/> − 1 of the
        /// epoch's order (possible with finite losses, e.g. behind a ReLU, which maps NaN to 0).
        /// </summary>
        private void ThrowIfParametersNotFinite(int epoch, int begin, int end)
        {
            _network.GetParameters(_parameters);
            int bad = Kernels.VectorMath.IndexOfNonFinite<T>(_parameters);
            if (bad >= 0)
            {
                string where = end - begin <= _options.BatchSize
                    ? $"in the step of sample {_order[begin]}{BatchNote(begin, end)}"
                    : $"in one of the steps of samples {SampleList(begin, end)} (positions {begin} to {end - 1} of the epoch; set ParameterCheckInterval = 1 to name the step)";
                throw new NonFiniteLossException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Parameter {bad} became {_parameters[bad]} in epoch {epoch}, {where}, though the losses were finite (learning rate {_network.Hyperparameters.LearningRate}): training diverged. Try a lower learning rate or scale the inputs."),
                    epoch,
                    _order[begin]);
            }
        }

        /// <summary>For a mini-batch, ", in the mini-batch of samples 4, 5, 6, 7".</summary>
        private string BatchNote(int begin, int end) =>
            end - begin == 1 ? string.Empty : ", in the mini-batch of samples " + SampleList(begin, end);

        /// <summary>The data set indices at positions <paramref name="begin"/> to <paramref name="end"/> − 1 of the epoch's order, at most eight named.</summary>
        private string SampleList(int begin, int end)
        {
            const int Named = 8;
            string samples = string.Join(", ", _order.AsSpan(begin, Math.Min(end - begin, Named)).ToArray());
            return samples + (end - begin > Named ? ", …" : string.Empty);
        }
    }
}
