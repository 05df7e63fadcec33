using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace NetGen.Onnx;

/// <summary>
/// Checks an ONNX file's chain of layers against a network's declaration and decodes its weights into math.md's
/// flat parameter order. It never touches the network: the caller sets the parameters only if this returns.
/// </summary>
internal static class OnnxImporter
{
    public static (T[] Parameters, Dictionary<string, string> Metadata) Read<TNet, T>(byte[] data, string? fileName)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        NetworkLayout layout = NetworkLayout.Of<TNet, T>();
        OnnxModelFile model = OnnxModelParser.Parse(data, fileName);
        List<FileLayer> layers = OnnxLayerMatcher.Match(model, fileName);
        CheckInput(model, layout, fileName);
        if (layers.Count != layout.Layers.Length)
        {
            throw new OnnxFormatException(
                $"The file has {layers.Count} layers ({string.Join(" → ", layers.Select(DescribeFile))}), " +
                $"but {layout.Name} declares {layout.Layers.Length} ({string.Join(" → ", layout.Layers.Select(NetworkLayout.Describe))}).",
                fileName);
        }

        for (int k = 0; k < layers.Count; k++)
        {
            CheckLayer(k, layers[k], layout.Layers[k], layout, fileName);
        }

        var parameters = new T[layout.ParameterCount];
        for (int k = 0; k < layers.Count; k++)
        {
            Decode(layers[k], layout.Layers[k], layout.Offsets[k], layout.Single, parameters, fileName);
        }

        return (parameters, model.Metadata);
    }

    private static void CheckInput(OnnxModelFile model, NetworkLayout layout, string? fileName)
    {
        OnnxValueInfo input = model.Inputs.First(i => !model.Initializers.ContainsKey(i.Name));
        if (input.Dims is { } dims && (dims.Count != 2 || (dims[1] is { } width && width != layout.InputSize)))
        {
            throw new OnnxFormatException(
                $"The graph input '{input.Name}' has shape [{string.Join(", ", dims.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "?"))}], " +
                $"but {layout.Name} declares [batch, {layout.InputSize}].",
                fileName,
                input.Name);
        }
    }

    private static void CheckLayer(int k, FileLayer file, LayerDescription declared, NetworkLayout layout, string? fileName)
    {
        string where = file.LastNode == file.AffineNode
            ? $"Layer {k} (node {file.AffineNode.Display})"
            : $"Layer {k} (nodes {file.AffineNode.Display} to {file.LastNode.Display})";
        if (file.Kind != declared.Kind)
        {
            throw new OnnxFormatException(
                $"{where}: the file has a {DescribeFile(file)} layer, but {layout.Name} declares {NetworkLayout.Describe(declared)}.", fileName, file.LastNode.Id);
        }

        string expectedShape = $"[{declared.Rows}, {declared.Inputs}]";
        if (file.Rows != declared.Rows || file.Inputs != declared.Inputs)
        {
            throw new OnnxFormatException(
                $"{where}: the file's weight '{file.Weight.Name}' maps {file.Inputs} inputs to {file.Rows} values, " +
                $"but {layout.Name} declares {NetworkLayout.Describe(declared)} with {declared.Inputs} inputs (weight {expectedShape}).",
                fileName,
                file.AffineNode.Id);
        }

        if (file.Kind == LayerKind.Maxout && (file.MaxoutUnits != declared.Units || file.Pieces != declared.Pieces))
        {
            throw new OnnxFormatException(
                $"{where}: the file takes the max of {file.Pieces} pieces for {file.MaxoutUnits} units, but {layout.Name} declares {NetworkLayout.Describe(declared)}.",
                fileName,
                file.LastNode.Id);
        }

        if (file.Activation != declared.Activation)
        {
            string hint = k == layout.Layers.Length - 1 && (file.Activation == Activation.Softmax || declared.Activation == Activation.Softmax)
                ? file.Activation == Activation.Softmax
                    ? " The file applies Softmax at the output; declare the output layer with Activation.Softmax."
                    : " The file ends without Softmax (PyTorch classifiers trained with CrossEntropyLoss export logits): add nn.Softmax(dim=1) before exporting, or declare the output Linear."
                : "";
            throw new OnnxFormatException(
                $"{where}: the file applies {ActivationInFile(file)}, but {layout.Name} declares {NetworkLayout.Describe(declared)}.{hint}",
                fileName,
                file.LastNode.Id);
        }

        if (OnnxOperators.HasAlpha(declared.Activation) && file.Alpha != (float)declared.Alpha)
        {
            throw new OnnxFormatException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{where}: the file's {OnnxOperators.OperatorOf(file.Activation)} has alpha = {file.Alpha:R}, but {layout.Name} declares α = {declared.Alpha:R}."),
                fileName,
                file.LastNode.Id);
        }
    }

    private static void Decode<T>(FileLayer file, LayerDescription declared, int offset, bool single, T[] parameters, string? fileName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double[] weight = file.Weight.ToDoubles(declared.WeightCount, single, fileName);
        int rows = declared.Rows;
        int inputs = declared.Inputs;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < inputs; j++)
            {
                double value = file.WeightTransposed ? weight[j * rows + i] : weight[i * inputs + j];
                parameters[offset + i * inputs + j] = T.CreateChecked(value);
            }
        }

        if (file.Bias is { } biasTensor)
        {
            double[] bias = biasTensor.ToDoubles(rows, single, fileName);
            for (int i = 0; i < rows; i++)
            {
                parameters[offset + declared.WeightCount + i] = T.CreateChecked(bias[i]);
            }
        }
    }

    private static string ActivationInFile(FileLayer file) =>
        file.ActivationNode is null
            ? "no activation (Linear)"
            : file.Activation == Activation.Step
                ? "Greater + Cast (Step)"
                : OnnxOperators.HasAlpha(file.Activation)
                    ? string.Create(CultureInfo.InvariantCulture, $"{OnnxOperators.OperatorOf(file.Activation)} (alpha = {file.Alpha:R})")
                    : OnnxOperators.OperatorOf(file.Activation);

    private static string DescribeFile(FileLayer file) =>
        file.Kind == LayerKind.Maxout
            ? $"Maxout {file.MaxoutUnits} × {file.Pieces} pieces"
            : $"Dense {file.Rows} ({ActivationInFile(file)})";
}
