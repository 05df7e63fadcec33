using System;

namespace NetGen.Training;

/// <summary>
/// A loss became NaN or infinite: training diverged (typically the learning rate is too high or the
/// inputs are not scaled), or the network's parameters are not finite.
/// </summary>
public sealed class NonFiniteLossException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="epoch">The epoch (from 1) in which it happened, or <see langword="null"/> outside training.</param>
    public NonFiniteLossException(string message, int? epoch = null)
        : base(message)
    {
        Epoch = epoch;
    }

    /// <summary>The epoch (from 1) in which it happened, or <see langword="null"/> outside training.</summary>
    public int? Epoch { get; }
}
