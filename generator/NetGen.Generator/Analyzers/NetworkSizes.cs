using NetGen.Generator.Model;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// The sizes a generated network exposes as constants (InputSize, OutputSize, ParameterCount) and
/// its first Step layer, worked out from a declaration the generator accepts.
/// </summary>
internal sealed class NetworkSizes
{
    private NetworkSizes(int inputSize, int outputSize, long parameterCount, int stepLayer)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        ParameterCount = parameterCount;
        StepLayer = stepLayer;
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public long ParameterCount { get; }

    /// <summary>The number (from 1) of the first Dense layer with Step, or 0 when the network is trainable.</summary>
    public int StepLayer { get; }

    public static NetworkSizes Of(NetworkDeclaration declaration)
    {
        int input = 0, previous = 0, output = 0, number = 0, step = 0;
        long parameters = 0;
        foreach (LayerDeclaration layer in declaration.Layers)
        {
            if (layer.Kind == LayerKind.Input)
            {
                input = previous = layer.Size;
                continue;
            }

            if (layer.Kind != LayerKind.Dense)
            {
                continue; // layers without parameters keep the width
            }

            number++;
            parameters += ((long)previous * layer.Size) + layer.Size;
            previous = output = layer.Size;
            if (step == 0 && layer.Activation == (int)ActivationKind.Step)
            {
                step = number;
            }
        }

        return new NetworkSizes(input, output, parameters, step);
    }
}
