using System;
using System.IO;

namespace NetGen.Onnx;

/// <summary>
/// An ONNX file is malformed (bad protobuf: lengths, truncation, varint overflow, sizes past the file), uses an
/// operator or layout NetGen does not read, or describes a different network than the class declares. The message
/// names the node (or initializer), what the file has and what the class declares. When it is thrown by a load,
/// the network's parameters have not been changed.
/// </summary>
public sealed class OnnxFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong: the node, what the file has, what the class declares.</param>
    /// <param name="fileName">The file, or <see langword="null"/> when reading a stream.</param>
    /// <param name="nodeName">The node or initializer concerned, or <see langword="null"/> for the file as a whole.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public OnnxFormatException(string message, string? fileName = null, string? nodeName = null, Exception? innerException = null)
        : base(fileName is null ? message : $"{fileName}: {message}", innerException)
    {
        FileName = fileName;
        NodeName = nodeName;
    }

    /// <summary>The file, or <see langword="null"/> when reading a stream.</summary>
    public string? FileName { get; }

    /// <summary>The node or initializer concerned, or <see langword="null"/> for a problem with the file as a whole.</summary>
    public string? NodeName { get; }
}
