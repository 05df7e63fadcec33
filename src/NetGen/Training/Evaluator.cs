using System;
using System.Numerics;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>
/// Computes <see cref="EvaluationMetrics"/> through <see cref="INetwork{T}.ForwardBatch"/>, <see cref="Block"/> samples per call
/// (as matrix products on the networks that have them), with one output buffer, so evaluating every epoch does not allocate.
/// </summary>
internal sealed class Evaluator<TNet, T>
    where TNet : INetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Samples per ForwardBatch call: enough for the matrix products to pay, few enough for the outputs to stay in cache.</summary>
    public const int Block = 256;

    private readonly T[] _outputs = new T[Block * TNet.OutputSize];
    private readonly ProblemKind _kind;
    private readonly double _threshold;

    public Evaluator(ProblemKind kind)
    {
        _kind = kind;
        _threshold = DecisionThreshold();
    }

    public EvaluationMetrics Evaluate(TNet network, Dataset<T> data, int? epoch)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException("Cannot evaluate on a data set with no samples.", nameof(data));
        }

        double lossSum = 0;
        int correct = 0;
        double absoluteSum = 0;
        double squaredSum = 0;
        int width = TNet.OutputSize;
        for (int start = 0; start < data.Count; start += Block)
        {
            int rows = Math.Min(Block, data.Count - start);
            network.ForwardBatch(data.Inputs.Slice(start * TNet.InputSize, rows * TNet.InputSize), _outputs.AsSpan(0, rows * width));
            for (int k = 0; k < rows; k++)
            {
                int i = start + k;
                ReadOnlySpan<T> target = data.GetTarget(i), output = _outputs.AsSpan(k * width, width);
                double loss = double.CreateChecked(network.ComputeLoss(output, target));
                if (!double.IsFinite(loss))
                {
                    string when = epoch is { } e ? $" after epoch {e}" : string.Empty;
                    throw new NonFiniteLossException(
                        $"The loss of sample {i} is {loss}{when}: the network's output is {Format(output)}. Its parameters may have diverged.",
                        epoch,
                        sampleIndex: i);
                }

                lossSum += loss;
                if (_kind == ProblemKind.Classification)
                {
                    correct += IsCorrect(output, target) ? 1 : 0;
                }
                else
                {
                    for (int j = 0; j < width; j++)
                    {
                        double r = double.CreateChecked(output[j]) - double.CreateChecked(target[j]);
                        absoluteSum += Math.Abs(r);
                        squaredSum += r * r;
                    }
                }
            }
        }

        int n = data.Count;
        int values = n * width;
        return _kind == ProblemKind.Classification
            ? new EvaluationMetrics(_kind, n, lossSum / n, (double)correct / n, null, null)
            : new EvaluationMetrics(_kind, n, lossSum / n, null, absoluteSum / values, Math.Sqrt(squaredSum / values));
    }

    /// <summary>Classification or regression from the loss and the output activation.</summary>
    public static ProblemKind Infer()
    {
        if (TNet.LossFunction is Loss.BinaryCrossEntropy or Loss.CategoricalCrossEntropy or Loss.KLDivergence or Loss.Hinge)
        {
            return ProblemKind.Classification;
        }

        ReadOnlySpan<Activation> activations = TNet.LayerActivations;
        return !activations.IsEmpty && activations[^1] is Activation.Softmax or Activation.Step
            ? ProblemKind.Classification
            : ProblemKind.Regression;
    }

    /// <summary>
    /// For a single output: 0 for a hinge loss and for outputs centred on 0 (Tanh, Linear, LeakyReLU,
    /// ELU); 0.5 for outputs in [0, 1] or [0, ∞) (Sigmoid, Step, Softmax, ReLU, Softplus, Exponential).
    /// </summary>
    public static double DecisionThreshold()
    {
        if (TNet.LossFunction == Loss.Hinge)
        {
            return 0;
        }

        ReadOnlySpan<Activation> activations = TNet.LayerActivations;
        Activation last = activations.IsEmpty ? Activation.Linear : activations[^1];
        return last is Activation.Tanh or Activation.Linear or Activation.LeakyReLU or Activation.ELU ? 0 : 0.5;
    }

    private bool IsCorrect(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        if (output.Length == 1)
        {
            bool predicted = double.CreateChecked(output[0]) > _threshold;
            bool actual = double.CreateChecked(target[0]) > _threshold;
            return predicted == actual;
        }

        return OneHot.Decode(output) == OneHot.Decode(target);
    }

    private static string Format(ReadOnlySpan<T> values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = double.CreateChecked(values[i]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
