using System;
using System.IO;

namespace NetGen.Serialization;

/// <summary>
/// A weight file is malformed or does not fit the network it is loaded into. When it is thrown by a
/// load, the network's parameters have not been changed.
/// </summary>
public sealed class WeightFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the tensor where there is one.</param>
    /// <param name="fileName">The file, or <see langword="null"/> when reading a stream.</param>
    /// <param name="tensorName">The tensor concerned, or <see langword="null"/> for a problem with the file as a whole.</param>
    /// <param name="innerException">The underlying error, if any (for example a JSON error).</param>
    public WeightFileException(string message, string? fileName = null, string? tensorName = null, Exception? innerException = null)
        : base(fileName is null ? message : $"{fileName}: {message}", innerException)
    {
        FileName = fileName;
        TensorName = tensorName;
    }

    /// <summary>The file, or <see langword="null"/> when reading a stream.</summary>
    public string? FileName { get; }

    /// <summary>The tensor concerned, or <see langword="null"/> for a problem with the file as a whole.</summary>
    public string? TensorName { get; }
}
