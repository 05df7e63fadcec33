using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Tests.Numerics;

/// <summary>
/// The output activation × loss pairs that must train, derived here by hand from math.md's valid
/// ranges (independently of the generator's pairing table, which the tests compare against it).
/// </summary>
internal static class PairingExpectations
{
    /// <summary>Where a loss is defined, from math.md's "valid outputs" column.</summary>
    private static bool LossDefinedFor(Activation output, Loss loss) => loss switch
    {
        // Any output.
        Loss.MeanSquaredError or Loss.MeanAbsoluteError or Loss.Huber or Loss.Hinge => true,
        // o ∈ (0, 1): Sigmoid, and Softmax whose every component is in (0, 1).
        Loss.BinaryCrossEntropy => output is Activation.Sigmoid or Activation.Softmax,
        // o a distribution.
        Loss.CategoricalCrossEntropy or Loss.KLDivergence => output == Activation.Softmax,
        // o > 0 (ReLU reaches 0, the boundary: defined but warned about).
        Loss.Poisson => output is Activation.Sigmoid or Activation.Softplus or Activation.Exponential or Activation.Softmax or Activation.ReLU,
        _ => false,
    };

    /// <summary>Every pair whose network has a Backward: the loss is defined and the output is not Step.</summary>
    public static IReadOnlyList<(Activation Output, Loss Loss)> TrainablePairs { get; } =
        (from output in Enum.GetValues<Activation>()
         from loss in Enum.GetValues<Loss>()
         where output != Activation.Step && LossDefinedFor(output, loss)
         select (output, loss)).ToList();

    /// <summary>Every activation that can sit in a hidden layer of a trainable network.</summary>
    public static IReadOnlyList<Activation> HiddenActivations { get; } =
        Enum.GetValues<Activation>().Where(a => a != Activation.Step).ToList();
}
