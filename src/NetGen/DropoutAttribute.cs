using System;

namespace NetGen;

/// <summary>
/// Inverted dropout on the output of the <see cref="DenseAttribute"/> layer just before it: while
/// training (<c>Backward</c>, <c>TrainStep</c>) each unit is zeroed with probability <c>rate</c> and
/// the others are scaled by 1/(1 − rate); <c>Forward</c> is unaffected. The masks come from the
/// network's own seeded sequence (<c>SeedDropout</c>; the trainer seeds it from its seed).
/// </summary>
/// <example>
/// <code>
/// [Network(Loss.CategoricalCrossEntropy)]
/// [Input(64)]
/// [Dense(32, Activation.ReLU)]
/// [Dropout(0.2)]
/// [Dense(10, Activation.Softmax)]
/// public partial class DigitsNet;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : Attribute
{
    /// <summary>Drops each unit of the previous layer with probability <paramref name="rate"/>, in [0, 1).</summary>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>The probability that a unit is dropped while training, in [0, 1).</summary>
    public double Rate { get; }
}
