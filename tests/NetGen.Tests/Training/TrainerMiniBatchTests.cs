using System;
using NetGen.Data;
using NetGen.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// The trainer gathers each mini-batch side by side and calls BackwardBatch: the parameters it leaves must be
/// those of the plain loop — Backward per sample into a zeroed gradient, then ApplyGradients — bit for bit,
/// including the last, partial batch of an epoch.
/// </summary>
public sealed class TrainerMiniBatchTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(16)]
    public void Mini_batches_leave_the_parameters_of_Backward_per_sample_and_ApplyGradients(int batchSize)
    {
        const int samples = 10, epochs = 3;
        int inputs = AdamWide.InputSize, outputs = AdamWide.OutputSize;
        var random = new Random(batchSize);
        float[][] x = new float[samples][], y = new float[samples][];
        for (int s = 0; s < samples; s++)
        {
            x[s] = new float[inputs];
            y[s] = new float[outputs];
            for (int i = 0; i < inputs; i++)
            {
                x[s][i] = (float)(random.NextDouble() * 2 - 1);
            }

            y[s][s % outputs] = 1;
        }

        var trained = new AdamWide();
        var manual = new AdamWide();
        Trainer.Fit(trained, Dataset<float>.FromRows(x, y), new TrainerOptions { Epochs = epochs, BatchSize = batchSize, Shuffle = false });

        var gradient = new float[AdamWide.ParameterCount];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int begin = 0; begin < samples; begin += batchSize)
            {
                int end = Math.Min(begin + batchSize, samples);
                Array.Clear(gradient);
                for (int s = begin; s < end; s++)
                {
                    manual.Backward(x[s], y[s], gradient);
                }

                manual.ApplyGradients(gradient, end - begin);
            }
        }

        var expected = new float[AdamWide.ParameterCount];
        var actual = new float[AdamWide.ParameterCount];
        manual.GetParameters(expected);
        trained.GetParameters(actual);
        Assert.Equal(expected, actual);
    }
}
