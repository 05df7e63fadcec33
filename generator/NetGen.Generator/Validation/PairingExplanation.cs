using System.Collections.Generic;
using NetGen.Generator.Model;
using NetGen.Generator.Mathematics;

namespace NetGen.Generator.Validation;

/// <summary>
/// The "why" of a pairing diagnostic, from math.md's ranges: what the output activation produces,
/// what the loss needs, and which matching pair to prefer.
/// </summary>
internal static class PairingExplanation
{
    /// <summary>The range of an activation's output, in words.</summary>
    public static string Range(ActivationKind activation) => activation switch
    {
        ActivationKind.Sigmoid => "values in (0, 1)",
        ActivationKind.Tanh => "values in (−1, 1)",
        ActivationKind.ReLU => "values in [0, ∞)",
        ActivationKind.ELU => "values in (−α, ∞)",
        ActivationKind.Softplus or ActivationKind.Exponential => "values in (0, ∞)",
        ActivationKind.Softmax => "a distribution (values in (0, 1) that sum to 1)",
        ActivationKind.Step => "only 0 and 1",
        _ => "any real number",
    };

    /// <summary>Why <paramref name="loss"/> is undefined after <paramref name="activation"/> (an error cell of the table).</summary>
    public static string Error(ActivationKind activation, LossKind loss)
    {
        string outputs = ", but " + activation + " outputs " + Range(activation);
        return loss switch
        {
            LossKind.BinaryCrossEntropy => "it takes ln o and ln(1 − o), so it needs outputs in (0, 1)" + outputs,
            LossKind.CategoricalCrossEntropy or LossKind.KLDivergence => "it compares probability distributions, so it needs a Softmax output" + outputs,
            LossKind.Poisson => "it takes ln o, so it needs outputs greater than 0" + outputs,
            _ => "it needs outputs that " + activation + " does not keep to (" + Range(activation) + ")",
        };
    }

    /// <summary>Why <paramref name="loss"/> trains poorly after <paramref name="activation"/> (a warning cell of the table).</summary>
    public static string Warning(ActivationKind activation, LossKind loss)
    {
        if (loss == LossKind.Hinge)
        {
            return "trains poorly: Hinge wants outputs of either sign for targets −1 and +1, but " + activation + " outputs " + Range(activation);
        }

        if (loss == LossKind.Poisson)
        {
            return "can hit a boundary: " + activation + " outputs exactly 0 for part of its domain, where ln o is −∞ and the loss infinite";
        }

        if (activation == ActivationKind.Softmax)
        {
            return "trains poorly: its gradient passes through the Softmax Jacobian oᵢ(δᵢₖ − oₖ), which vanishes as outputs saturate; CategoricalCrossEntropy gives δ = o − y";
        }

        return "trains poorly or can hit a boundary of " + activation + "'s range, " + Range(activation);
    }

    /// <summary>The matching pair(s) to suggest instead of a valid but non-matching one, e.g. "Sigmoid with BinaryCrossEntropy or Linear with MeanSquaredError".</summary>
    public static string MatchingPairs(ActivationKind activation, LossKind loss)
    {
        var pairs = new List<string>();
        if (PairingTable.MatchingLoss(activation) is { } matchingLoss)
        {
            pairs.Add(activation + " with " + matchingLoss);
        }

        if (PairingTable.MatchingActivation(loss) is { } matchingActivation)
        {
            pairs.Add(matchingActivation + " with " + loss);
        }

        return pairs.Count == 0 ? "a matching pair" : string.Join(" or ", pairs);
    }
}
