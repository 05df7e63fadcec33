namespace NetGen.Bench;

/// <summary>Mean per-sample loss (<c>ComputeLoss(Forward(x), y)</c>, summed in double) and train-set accuracy.</summary>
internal readonly record struct Evaluation(double Loss, double? Accuracy)
{
    public static Evaluation Of(ITrainableNetwork<float> network, Samples data, Workload workload)
    {
        var output = new float[workload.OutputSize];
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < data.Count; r++)
        {
            network.Forward(data.Input(r), output);
            loss += network.ComputeLoss(output, data.Target(r));
            correct += workload.Output switch
            {
                OutputKind.SoftmaxCe => ArgMax(output) == data.Labels[r] ? 1 : 0,
                OutputKind.SigmoidMse => (output[0] > 0.5f) == (data.Target(r)[0] > 0.5f) ? 1 : 0,
                _ => 0,
            };
        }

        double? accuracy = workload.IsClassifier ? (double)correct / data.Count : null;
        return new Evaluation(loss / data.Count, accuracy);
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
