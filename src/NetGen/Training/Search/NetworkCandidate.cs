using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>A <see cref="SearchCandidate{T}"/> for the declared class <typeparamref name="TNet"/>: the static sizes reach the typed trainer.</summary>
internal sealed class NetworkCandidate<TNet, T> : SearchCandidate<T>
    where TNet : ITrainableNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Func<TNet> _factory;

    // Instances handed out so far, to catch a factory that returns the same network to two trials.
    private readonly ConditionalWeakTable<object, object> _issued = new();

    public NetworkCandidate(Func<TNet> factory, string name)
        : base(name, typeof(TNet), TNet.Layers)
    {
        _factory = factory;
    }

    public override int InputSize => TNet.InputSize;

    public override int OutputSize => TNet.OutputSize;

    public override Optimizer Optimizer => TNet.OptimizerAlgorithm;

    public override ProblemKind ProblemKind => Trainer.InferProblemKind<TNet, T>();

    internal override CandidateRun<T> Train(
        TrialSettings settings, int epochs, Dataset<T> train, Dataset<T>? validation, IProgress<EpochReport>? progress, CancellationToken cancellationToken)
    {
        TNet network = Create();
        network.InitializeParameters(settings.Seed);
        network.ResetOptimizerState();
        settings.ApplyTo(network.Hyperparameters);
        var options = new TrainerOptions
        {
            Epochs = epochs,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            LearningRateSchedule = settings.CreateSchedule(),
            EarlyStoppingPatience = validation is null ? null : settings.EarlyStoppingPatience,
        };
        TrainingHistory history = Trainer.Fit(network, train, options, validation, progress, cancellationToken);
        return new CandidateRun<T>(network, history, data => Trainer.Evaluate(network, data));
    }

    private TNet Create()
    {
        TNet network = _factory();
        if (network is null)
        {
            throw new InvalidOperationException($"The factory of search candidate '{Name}' returned null.");
        }

        lock (_issued)
        {
            if (_issued.TryGetValue(network, out _))
            {
                throw new InvalidOperationException(
                    $"The factory of search candidate '{Name}' returned an instance it had returned before; every trial needs its own network.");
            }

            _issued.Add(network, Name);
        }

        return network;
    }
}
