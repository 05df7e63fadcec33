using System;
using System.IO;
using NetGen.Data;
using NetGen.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Tests.Training;

/// <summary>The trainer with generated networks: it converges with fixed seeds, and the same seed gives the same bits.</summary>
public sealed class TrainerConvergenceTests
{
    private static Dataset<float> Xor() => Dataset<float>.FromRows(
        new[] { new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f }, new[] { 1f, 1f } },
        new[] { new[] { 0f }, new[] { 1f }, new[] { 1f }, new[] { 0f } });

    private static (Dataset<float> Train, Dataset<float> Test) Iris()
    {
        CsvData<float> csv = CsvLoader.Load<float>(
            Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv"),
            new CsvOptions { LabelColumnName = "species", LabelKind = CsvLabelKind.ClassName });
        DatasetSplit<float> split = DatasetSplitter.Split(csv.Dataset, 0.7, 0, 0.3, seed: 11);
        Standardizer scale = Standardizer.Fit(split.Train);
        return (scale.Transform(split.Train), scale.Transform(split.Test));
    }

    [Fact]
    public void Xor_trains_to_a_loss_below_one_hundredth()
    {
        var network = new XorNet();
        network.Hyperparameters.LearningRate = 0.05;

        TrainingHistory history = Trainer.Fit(network, Xor(), new TrainerOptions { Epochs = 500, Seed = 1 });

        Assert.True(history.Epochs[^1].TrainingLoss < 0.01, $"final loss {history.Epochs[^1].TrainingLoss}");
        Assert.Equal(1.0, Trainer.Evaluate(network, Xor()).Accuracy);
    }

    [Fact]
    public void Iris_reaches_90_percent_on_held_out_data()
    {
        var (train, test) = Iris();
        var network = new IrisNet();
        network.Hyperparameters.LearningRate = 0.01;

        Trainer.Fit(network, train, new TrainerOptions { Epochs = 60, BatchSize = 8, Seed = 3 });

        EvaluationMetrics metrics = Trainer.Evaluate(network, test);
        Assert.Equal(45, metrics.Count);
        Assert.True(metrics.Accuracy >= 0.90, $"held-out accuracy {metrics.Accuracy}");
    }

    [Fact]
    public void The_same_seed_and_data_give_bit_identical_parameters()
    {
        var (train, _) = Iris();
        float[] Train(int seed)
        {
            var network = new IrisNet();
            Trainer.Fit(network, train, new TrainerOptions { Epochs = 5, BatchSize = 4, Seed = seed, ValidationSplit = 0.2 });
            var parameters = new float[IrisNet.ParameterCount];
            network.GetParameters(parameters);
            return parameters;
        }

        Assert.Equal(Train(8), Train(8));
        Assert.NotEqual(Train(8), Train(9));
    }
}
