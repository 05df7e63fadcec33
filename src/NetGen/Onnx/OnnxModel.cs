using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using NetGen.Serialization;

namespace NetGen.Onnx;

/// <summary>
/// Exports a network to an ONNX model and imports the weights of one, with no run-time dependency (NetGen reads and
/// writes the protobuf subset ONNX needs itself). docs/onnx.md lists the operators.
/// </summary>
/// <remarks>
/// <para>
/// <b>Export</b> writes the inference graph at IR version 7, ai.onnx opset 13: per layer k a <c>Gemm</c> (transB = 1)
/// over the initializers <c>layers.k.weight</c> [out, in] and <c>layers.k.bias</c> [out] (the weight file's names
/// and layout), then the activation's operator (Sigmoid, Tanh, Relu, LeakyRelu α, Elu α, Softplus, Exp, Softmax on
/// axis 1, Identity for Linear, Greater + Cast for Step; Maxout as Reshape + ReduceMax). Dropout is left out. Input
/// <c>input</c> and output <c>output</c> are [batch, width] with a symbolic batch dimension; float networks are
/// written as FLOAT, double networks as DOUBLE. producer_name is "NetGen" with its version; the doc string and
/// metadata_props (<c>netgen.architecture</c>, <c>netgen.loss</c>, <c>netgen.precision</c>, <c>netgen.network</c>)
/// carry the architecture line and the loss.
/// </para>
/// <para>
/// <b>Import</b> reads a chain of layers in that layout or in the layout of <c>torch.onnx.export</c> for an
/// <c>nn.Sequential</c> of <c>nn.Linear</c> and these activations (Gemm, or MatMul + Add; weights as initializers or
/// Constant nodes, in raw_data or float_data/double_data, FLOAT or DOUBLE), checks every layer against the class's
/// declaration (kind, sizes, activation, α, Softmax at the output) and only then sets the parameters. Any problem
/// throws <see cref="OnnxFormatException"/> and leaves the network unchanged.
/// </para>
/// </remarks>
public static class OnnxModel
{
    /// <summary>
    /// Writes <paramref name="network"/> as an ONNX model to <paramref name="path"/>: to a temporary file in the same
    /// folder, then renamed over <paramref name="path"/>, so an existing file is replaced only by a complete one.
    /// </summary>
    /// <param name="network">The network to export.</param>
    /// <param name="path">The file to create or replace (conventionally *.onnx).</param>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite.</exception>
    /// <exception cref="IOException">
    /// The file cannot be written (<see cref="DirectoryNotFoundException"/> when its folder does not exist; otherwise an
    /// <see cref="IOException"/> naming the path, with the cause as the inner exception). An existing file is then unchanged.
    /// </exception>
    public static void Save<TNet, T>(TNet network, string path)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = OnnxExporter.Build<TNet, T>(network);
        AtomicFile.Replace(path, nameof(path), stream => stream.Write(bytes));
    }

    /// <summary>Writes <paramref name="network"/> as an ONNX model to <paramref name="stream"/> (from its current position).</summary>
    /// <param name="network">The network to export.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite.</exception>
    public static void Save<TNet, T>(TNet network, Stream stream)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(OnnxExporter.Build<TNet, T>(network));
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with the weights of the ONNX model at <paramref name="path"/>,
    /// after checking that its layers are the ones the class declares, and returns the model's metadata_props.
    /// The optimizer state is not touched.
    /// </summary>
    /// <exception cref="OnnxFormatException">The file is malformed or describes another network; the parameters are unchanged.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyDictionary<string, string> Load<TNet, T>(TNet network, string path)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return LoadCore<TNet, T>(network, stream, Path.GetFileName(path));
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with the weights of the ONNX model read from
    /// <paramref name="stream"/> (to its end), after checking all of it, and returns the model's metadata_props.
    /// </summary>
    /// <exception cref="OnnxFormatException">The data is malformed or describes another network; the parameters are unchanged.</exception>
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
        byte[] data = OnnxModelParser.ReadAll(stream, fileName);
        (T[] parameters, Dictionary<string, string> metadata) = OnnxImporter.Read<TNet, T>(data, fileName);
        network.SetParameters(parameters);
        return metadata;
    }
}
