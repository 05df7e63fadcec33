using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;

namespace NetGen.Serialization;

/// <summary>
/// Saves and loads a network's weights in the safetensors format: an 8-byte little-endian header
/// length, a UTF-8 JSON header, then the raw little-endian tensor data.
/// </summary>
/// <remarks>
/// <para>
/// Dense layer k (k = 0, 1, … in declaration order; <see cref="INetwork{T}.LayerSizes"/> gives the
/// widths) is stored as <c>layers.k.weight</c>, shape [out, in], row-major (W of math.md, so
/// element [i, j] is the weight from input j to unit i), and <c>layers.k.bias</c>, shape [out].
/// This is the layout of PyTorch's <c>nn.Linear</c>, so such files can be exchanged with it.
/// </para>
/// <para>
/// Loading validates the whole file before the network is changed: header length, JSON, tensor
/// names (all present, none unexpected), dtypes (F32 or F64), shapes, data offsets (inside the data
/// section, sized shape × dtype, tiling it without overlap or gap) and values (finite, and
/// representable in the network's type). A problem throws <see cref="WeightFileException"/> naming the
/// tensor, and leaves the parameters as they were. F32 files load into double networks and F64
/// files into float networks (rounded to nearest).
/// </para>
/// </remarks>
public static class SafeTensors
{
    /// <summary>
    /// Writes <paramref name="network"/>'s parameters to <paramref name="path"/>. The file is written to a
    /// temporary file in the same folder, flushed to disk and then renamed over <paramref name="path"/>, so a crash never
    /// leaves a half-written file behind and an existing file is replaced only by a complete one. Temporary files that
    /// earlier saves of the same path left behind when they were killed are deleted.
    /// </summary>
    /// <param name="network">The network to save.</param>
    /// <param name="path">The file to create or replace (conventionally *.safetensors).</param>
    /// <param name="dtype">The stored type; <see langword="null"/> (the default) is the network's own (F32 for float, F64 for double).</param>
    /// <param name="metadata">Optional strings stored under "__metadata__".</param>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite, or does not fit in <paramref name="dtype"/>.</exception>
    /// <exception cref="IOException">
    /// The file cannot be written (<see cref="DirectoryNotFoundException"/> when its folder does not exist; otherwise an
    /// <see cref="IOException"/> naming the path, with the cause as the inner exception: a full disk, no permission,
    /// <paramref name="path"/> is a directory, …). An existing file at <paramref name="path"/> is then unchanged.
    /// </exception>
    public static void Save<TNet, T>(TNet network, string path, Dtype? dtype = null, IReadOnlyDictionary<string, string>? metadata = null)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = SafeTensorsWriter.Build<TNet, T>(network, dtype ?? NativeDtype<T>(), metadata);

        AtomicFile.Replace(path, nameof(path), stream => stream.Write(bytes));
    }

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="stream"/> (from its current position).</summary>
    /// <param name="network">The network to save.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="dtype">The stored type; <see langword="null"/> (the default) is the network's own.</param>
    /// <param name="metadata">Optional strings stored under "__metadata__".</param>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite, or does not fit in <paramref name="dtype"/>.</exception>
    public static void Save<TNet, T>(TNet network, Stream stream, Dtype? dtype = null, IReadOnlyDictionary<string, string>? metadata = null)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(SafeTensorsWriter.Build<TNet, T>(network, dtype ?? NativeDtype<T>(), metadata));
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those in the file at <paramref name="path"/>,
    /// after checking all of it, and returns the file's "__metadata__" (empty if it has none).
    /// The optimizer state is not touched.
    /// </summary>
    /// <exception cref="WeightFileException">
    /// The file is malformed or does not fit the network, or it cannot be read (missing, a directory, no permission, an I/O
    /// error: the original exception is the inner one); the parameters are unchanged.
    /// </exception>
    public static IReadOnlyDictionary<string, string> Load<TNet, T>(TNet network, string path)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fileName = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        try
        {
            if (Directory.Exists(path))
            {
                throw new WeightFileException($"'{path}' is a directory, not a weight file.", fileName);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return LoadCore<TNet, T>(network, stream, fileName);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not WeightFileException)
        {
            throw new WeightFileException($"'{path}' cannot be read: {e.Message}", fileName, innerException: e);
        }
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those read from <paramref name="stream"/> (to its end),
    /// after checking all of it, and returns the "__metadata__" (empty if there is none).
    /// </summary>
    /// <exception cref="WeightFileException">The data is malformed or does not fit the network; the parameters are unchanged.</exception>
    /// <remarks>
    /// An unseekable stream is read only as far as the header and the tensors the network needs, plus one byte to see that
    /// nothing follows; errors of the stream itself propagate unchanged.
    /// </remarks>
    public static IReadOnlyDictionary<string, string> Load<TNet, T>(TNet network, Stream stream)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        return LoadCore<TNet, T>(network, stream, fileName: null);
    }

    private static IReadOnlyDictionary<string, string> LoadCore<TNet, T>(TNet network, Stream stream, string? fileName)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (T[] parameters, Dictionary<string, string> metadata) = SafeTensorsReader.Read<TNet, T>(stream, fileName);
        network.SetParameters(parameters);
        return metadata;
    }

    private static Dtype NativeDtype<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? Dtype.F32 : Dtype.F64;
}
