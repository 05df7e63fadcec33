using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using System.Threading;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>
/// One architecture <see cref="HyperparameterSearch"/> may choose: a declared network class (its layers
/// are fixed at compile time and checked by the analyzers) and how to create an instance of it. Every
/// trial creates its own instance and initialises it with the trial's seed.
/// </summary>
/// <typeparam name="T">The networks' scalar type.</typeparam>
public abstract class SearchCandidate<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected SearchCandidate(string name, Type networkType, ReadOnlySpan<LayerDescription> layers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        NetworkType = networkType;
        Layers = layers.ToArray();
        Architecture = Describe(layers);
    }

    /// <summary>The name trials and results refer to it by (by default the class name); unique within a search.</summary>
    public string Name { get; }

    /// <summary>The declared network class.</summary>
    public Type NetworkType { get; }

    /// <summary>Every layer with parameters, as the network describes it (<see cref="INetwork{T}.Layers"/>).</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>The widths from input to output, "64-32-10"; a Maxout layer shows its pieces, "64-32×2-10".</summary>
    public string Architecture { get; }

    /// <summary>Values per input sample.</summary>
    public abstract int InputSize { get; }

    /// <summary>Values per output.</summary>
    public abstract int OutputSize { get; }

    /// <summary>The optimizer the class was declared with.</summary>
    public abstract Optimizer Optimizer { get; }

    /// <summary>Classification or regression, inferred from the loss and the output layer (<see cref="Trainer.InferProblemKind{TNet, T}"/>).</summary>
    public abstract ProblemKind ProblemKind { get; }

    /// <summary>A candidate whose trials each create <c>new <typeparamref name="TNet"/>()</c>.</summary>
    /// <typeparam name="TNet">The declared network class.</typeparam>
    /// <param name="name">The name in the results; <see langword="null"/> for the class name.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter (none or a factory): no call is ambiguous.")]
    public static SearchCandidate<T> Of<TNet>(string? name = null)
        where TNet : ITrainableNetwork<T>, new() =>
        new NetworkCandidate<TNet, T>(static () => new TNet(), name ?? typeof(TNet).Name);

    /// <summary>A candidate whose trials each call <paramref name="factory"/>, which must return a new instance every time.</summary>
    /// <typeparam name="TNet">The declared network class.</typeparam>
    /// <param name="factory">Creates one network; called once per trial, possibly from several threads at once.</param>
    /// <param name="name">The name in the results; <see langword="null"/> for the class name.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first parameter (none or a factory): no call is ambiguous.")]
    public static SearchCandidate<T> Of<TNet>(Func<TNet> factory, string? name = null)
        where TNet : ITrainableNetwork<T>
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new NetworkCandidate<TNet, T>(factory, name ?? typeof(TNet).Name);
    }

    /// <summary>"DigitsNet64 (64-64-10, Adam)".</summary>
    public override string ToString() => $"{Name} ({Architecture}, {Optimizer})";

    /// <summary>
    /// Creates an instance, initialises it with <see cref="TrialSettings.Seed"/>, applies the settings and
    /// trains it on <paramref name="train"/>, with <paramref name="validation"/> for early stopping when given.
    /// </summary>
    internal abstract CandidateRun<T> Train(
        TrialSettings settings, int epochs, Dataset<T> train, Dataset<T>? validation, IProgress<EpochReport>? progress, CancellationToken cancellationToken);

    private static string Describe(ReadOnlySpan<LayerDescription> layers)
    {
        if (layers.IsEmpty)
        {
            return string.Empty;
        }

        var text = new StringBuilder().Append(layers[0].Inputs);
        foreach (LayerDescription layer in layers)
        {
            text.Append('-').Append(layer.Units);
            if (layer.Kind == LayerKind.Maxout)
            {
                text.Append('×').Append(layer.Pieces);
            }
        }

        return text.ToString();
    }
}
