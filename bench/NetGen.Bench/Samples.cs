using System;

namespace NetGen.Bench;

/// <summary>A data set in memory: inputs row-major, targets as the network sees them (one-hot for softmax), labels for classifiers.</summary>
internal sealed class Samples(float[] inputs, float[] targets, int[] labels, int count, int inputSize, int targetSize)
{
    public float[] Inputs { get; } = inputs;

    public float[] Targets { get; } = targets;

    /// <summary>The integer class of each row (softmax), or the rounded target (xor); unused for regression.</summary>
    public int[] Labels { get; } = labels;

    public int Count { get; } = count;

    public int InputSize { get; } = inputSize;

    public int TargetSize { get; } = targetSize;

    public ReadOnlySpan<float> Input(int row) => Inputs.AsSpan(row * InputSize, InputSize);

    public ReadOnlySpan<float> Target(int row) => Targets.AsSpan(row * TargetSize, TargetSize);

    /// <summary>Builds the targets from the CSV's last column: one-hot classes for softmax, the value otherwise.</summary>
    public static Samples FromRows(Workload workload, float[] inputs, float[] lastColumn)
    {
        int n = lastColumn.Length;
        var targets = new float[n * workload.TargetSize];
        var labels = new int[n];
        for (int r = 0; r < n; r++)
        {
            if (workload.Output == OutputKind.SoftmaxCe)
            {
                int label = (int)lastColumn[r];
                if (label < 0 || label >= workload.OutputSize)
                {
                    throw new FormatException($"row {r}: class {lastColumn[r]} outside 0..{workload.OutputSize - 1}");
                }

                labels[r] = label;
                targets[(r * workload.TargetSize) + label] = 1f;
            }
            else
            {
                targets[r] = lastColumn[r];
                labels[r] = lastColumn[r] > 0.5f ? 1 : 0;
            }
        }

        return new Samples(inputs, targets, labels, n, workload.InputSize, workload.TargetSize);
    }
}
