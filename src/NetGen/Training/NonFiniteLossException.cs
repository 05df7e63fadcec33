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
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "This constructor shipped first; changing it would break callers compiled against it.")]
    public NonFiniteLossException(string message, int? epoch = null)
        : this(message, epoch, sampleIndex: null)
    {
    }

    /// <summary>Creates the exception for a problem found at a sample.</summary>
    /// <param name="message">What happened and where.</param>
    /// <param name="epoch">The epoch (from 1) in which it happened, or <see langword="null"/> outside training.</param>
    /// <param name="sampleIndex">The index, in the data set, of the sample it happened at, or <see langword="null"/> when no sample can be named.</param>
    public NonFiniteLossException(string message, int? epoch, int? sampleIndex)
        : base(message)
    {
        Epoch = epoch;
        SampleIndex = sampleIndex;
    }

    /// <summary>The epoch (from 1) in which it happened, or <see langword="null"/> outside training.</summary>
    public int? Epoch { get; }

    /// <summary>
    /// The index, in the data set being trained on or evaluated, of the sample it happened at (for a mini-batch whose
    /// samples all had finite losses, the batch's first sample), or <see langword="null"/> when no sample can be named.
    /// </summary>
    public int? SampleIndex { get; }
}
