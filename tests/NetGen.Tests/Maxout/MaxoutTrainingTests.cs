using System;
using System.Linq;
using NetGen.Data;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Maxout;

/// <summary>TrainStep, BackwardBatch and the trainer on Maxout networks: the same contracts as for Dense ones.</summary>
public sealed class MaxoutTrainingTests
{
    [Fact]
    public void TrainStep_equals_Backward_and_ApplyGradients_with_sgd() => AssertSameParameters(new SgdMaxoutSmall(), new SgdMaxoutSmall());

    [Fact]
    public void TrainStep_equals_Backward_and_ApplyGradients_with_adam() => AssertSameParameters(new AdamMaxoutSmall(), new AdamMaxoutSmall());

    [Fact]
    public void TrainStep_equals_Backward_and_ApplyGradients_on_the_kernels_with_dropout() => AssertSameParameters(new SgdMaxoutWideDropout(), new SgdMaxoutWideDropout());

    [Fact]
    public void TrainStep_equals_Backward_and_ApplyGradients_mixed_with_dropout() => AssertSameParameters(new RmsPropMaxoutMixedDropout(), new RmsPropMaxoutMixedDropout());

    [Fact]
    public void TrainStep_equals_Backward_and_ApplyGradients_with_a_maxout_output_on_the_kernels() => AssertSameParameters(new MomentumMaxoutOutputKernels(), new MomentumMaxoutOutputKernels());

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void BackwardBatch_equals_Backward_per_sample(int count)
    {
        AssertBatchEqualsPerSample(new SgdMaxoutWideDropout(), new SgdMaxoutWideDropout(), count);
        AssertBatchEqualsPerSample(new RmsPropMaxoutMixedDropout(), new RmsPropMaxoutMixedDropout(), count);
        AssertBatchEqualsPerSample(new SgdMaxoutSmall(), new SgdMaxoutSmall(), count);
    }

    [Fact]
    public void A_maxout_network_learns_iris_as_well_as_its_dense_counterpart()
    {
        CsvData<float> csv = CsvLoader.Load<float>(System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv"), new CsvOptions { LabelColumnName = "species", LabelKind = CsvLabelKind.ClassName });
        DatasetSplit<float> split = DatasetSplitter.Split(csv.Dataset, 0.7, 0.0, 0.3, seed: 1);
        Standardizer standardizer = Standardizer.Fit(split.Train);
        var options = new TrainerOptions { Epochs = 60, BatchSize = 8, Seed = 3 };

        var maxout = new IrisMaxout();
        maxout.Hyperparameters.LearningRate = 0.01;
        Trainer.Fit(maxout, standardizer.Transform(split.Train), options);
        var dense = new IrisDense();
        dense.Hyperparameters.LearningRate = 0.01;
        Trainer.Fit(dense, standardizer.Transform(split.Train), options);

        double maxoutAccuracy = Trainer.Evaluate(maxout, standardizer.Transform(split.Test)).Accuracy!.Value;
        double denseAccuracy = Trainer.Evaluate(dense, standardizer.Transform(split.Test)).Accuracy!.Value;
        Assert.True(maxoutAccuracy >= 0.9, $"Maxout test accuracy {maxoutAccuracy:P1}");
        Assert.True(maxoutAccuracy >= denseAccuracy - 0.05, $"Maxout {maxoutAccuracy:P1} against Dense {denseAccuracy:P1}");
    }

    private static void AssertSameParameters<TNet>(TNet fused, TNet separate)
        where TNet : ITrainableNetwork<float>
    {
        int inputs = TNet.InputSize, outputs = TNet.OutputSize, count = TNet.ParameterCount;
        var random = new Random(11);
        var gradient = new float[count];
        fused.Hyperparameters.LearningRate = separate.Hyperparameters.LearningRate = 0.05;
        fused.Hyperparameters.WeightDecay = separate.Hyperparameters.WeightDecay = 0.01;
        for (int step = 0; step < 6; step++)
        {
            float[] input = Enumerable.Range(0, inputs).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            float[] target = new float[outputs];
            target[random.Next(outputs)] = 1;

            float fusedLoss = fused.TrainStep(input, target);
            Array.Clear(gradient);
            float separateLoss = separate.Backward(input, target, gradient);
            separate.ApplyGradients(gradient, 1);
            Assert.Equal(separateLoss, fusedLoss);
        }

        var a = new float[count];
        var b = new float[count];
        fused.GetParameters(a);
        separate.GetParameters(b);
        Assert.Equal(b, a);
        var initial = new float[count];
        ((TNet)Activator.CreateInstance(typeof(TNet))!).GetParameters(initial);
        Assert.NotEqual(initial, a);
    }

    private static void AssertBatchEqualsPerSample<TNet>(TNet batched, TNet single, int count)
        where TNet : ITrainableNetwork<float>
    {
        int inputs = TNet.InputSize, outputs = TNet.OutputSize;
        var random = new Random(count);
        float[] x = Enumerable.Range(0, count * inputs).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = new float[count * outputs];
        for (int s = 0; s < count; s++)
        {
            y[(s * outputs) + random.Next(outputs)] = 1;
        }

        var expected = new float[TNet.ParameterCount];
        var actual = new float[TNet.ParameterCount];
        float expectedLoss = 0;
        for (int s = 0; s < count; s++)
        {
            expectedLoss += single.Backward(x.AsSpan(s * inputs, inputs), y.AsSpan(s * outputs, outputs), expected);
        }

        Assert.Equal(expectedLoss, batched.BackwardBatch(x, y, actual));
        Assert.Equal(expected, actual);
    }
}
