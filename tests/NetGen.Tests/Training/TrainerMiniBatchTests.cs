using System;
using NetGen.Data;
using NetGen.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>
/// The trainer gathers each mini-batch side by side and calls TrainBatch: the parameters it leaves must be those of
/// the plain loop of TrainBatch calls over the same batches, bit for bit, including the last, partial batch of an
/// epoch; and, against the independent per-sample reference (Backward per sample into a zeroed gradient, then
/// ApplyGradients), the same to rounding.
/// </summary>
public sealed class TrainerMiniBatchTests
{
    private const int Samples = 10, Epochs = 3;

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(16)]
    public void Mini_batches_leave_the_parameters_of_TrainBatch_on_the_same_batches(int batchSize)
    {
        (float[][] x, float[][] y) = Data(AdamWide.InputSize, AdamWide.OutputSize, batchSize);
        var trained = new AdamWide();
        var manual = new AdamWide();
        Trainer.Fit(trained, Dataset<float>.FromRows(x, y), new TrainerOptions { Epochs = Epochs, BatchSize = batchSize, Shuffle = false });

        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (int begin = 0; begin < Samples; begin += batchSize)
            {
                int end = Math.Min(begin + batchSize, Samples);
                manual.TrainBatch(Rows(x, begin, end), Rows(y, begin, end));
            }
        }

        Assert.Equal(Parameters(manual), Parameters(trained));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    public void Mini_batches_agree_with_Backward_per_sample_and_ApplyGradients_to_rounding(int batchSize)
    {
        (float[][] x, float[][] y) = Data(SgdWide.InputSize, SgdWide.OutputSize, batchSize);
        var trained = new SgdWide();
        var manual = new SgdWide();
        Trainer.Fit(trained, Dataset<float>.FromRows(x, y), new TrainerOptions { Epochs = Epochs, BatchSize = batchSize, Shuffle = false });

        var gradient = new float[SgdWide.ParameterCount];
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (int begin = 0; begin < Samples; begin += batchSize)
            {
                int end = Math.Min(begin + batchSize, Samples);
                Array.Clear(gradient);
                for (int s = begin; s < end; s++)
                {
                    manual.Backward(x[s], y[s], gradient);
                }

                manual.ApplyGradients(gradient, end - begin);
            }
        }

        // SGD, η = 0.01 (the default), a few steps: the summation order moves each parameter by a few float ulps at most.
        float[] expected = Parameters(manual), actual = Parameters(trained);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-6f * Math.Max(1f, Math.Abs(expected[k])), $"parameter {k}: {actual[k]} against {expected[k]}");
        }

        Assert.NotEqual(Parameters(new SgdWide()), actual); // it trained
    }

    private static (float[][] X, float[][] Y) Data(int inputs, int outputs, int seed)
    {
        var random = new Random(seed);
        float[][] x = new float[Samples][], y = new float[Samples][];
        for (int s = 0; s < Samples; s++)
        {
            x[s] = new float[inputs];
            y[s] = new float[outputs];
            for (int i = 0; i < inputs; i++)
            {
                x[s][i] = (float)(random.NextDouble() * 2 - 1);
            }

            y[s][s % outputs] = 1;
        }

        return (x, y);
    }

    private static float[] Rows(float[][] rows, int begin, int end)
    {
        int width = rows[0].Length;
        var flat = new float[(end - begin) * width];
        for (int s = begin; s < end; s++)
        {
            rows[s].CopyTo(flat, (s - begin) * width);
        }

        return flat;
    }

    private static float[] Parameters<TNet>(TNet net)
        where TNet : INetwork<float>
    {
        var values = new float[TNet.ParameterCount];
        net.GetParameters(values);
        return values;
    }
}
