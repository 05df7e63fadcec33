using System;
using NetGen.Data;
using NetGen.Runtime.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Reliability;

/// <summary>The trainer stops with <see cref="NonFiniteLossException"/>, naming the epoch and the sample, as soon as a loss or a parameter is not finite.</summary>
public sealed class TrainerNonFiniteTests
{
    /// <summary>Ten samples on a line; sample <paramref name="marked"/> carries the poison marker.</summary>
    private static Dataset<double> Data(int marked)
    {
        var inputs = new double[20];
        var targets = new double[10];
        for (int i = 0; i < 10; i++)
        {
            inputs[2 * i] = i == marked ? PoisonedModel.Marker : 0.1 * i;
            inputs[2 * i + 1] = 1;
            targets[i] = 0.5 * i;
        }

        return new Dataset<double>(inputs, targets, 2, 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Per_sample_training_stops_at_the_sample_that_made_a_parameter_NaN_though_the_loss_stayed_finite(bool shuffle)
    {
        var model = new PoisonedModel();
        model.InitializeParameters(1);
        model.Hyperparameters.LearningRate = 1e-3;

        var e = Assert.Throws<NonFiniteLossException>(
            () => Trainer.Fit(model, Data(marked: 6), new TrainerOptions { Epochs = 3, BatchSize = 1, Shuffle = shuffle, Seed = 5, ParameterCheckInterval = 1 }));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(6, e.SampleIndex);
        Assert.Contains("epoch 1", e.Message);
        Assert.Contains("sample 6", e.Message);
        Assert.Contains("Parameter 0", e.Message);
    }

    [Fact]
    public void Mini_batch_training_stops_at_the_batch_that_made_a_parameter_NaN()
    {
        var model = new PoisonedModel();
        model.InitializeParameters(1);
        model.Hyperparameters.LearningRate = 1e-3;

        var e = Assert.Throws<NonFiniteLossException>(
            () => Trainer.Fit(model, Data(marked: 7), new TrainerOptions { Epochs = 3, BatchSize = 4, Shuffle = false, ParameterCheckInterval = 1 }));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(4, e.SampleIndex); // the batch of samples 4 to 7; which one broke the update cannot be told apart
        Assert.Contains("samples 4, 5, 6, 7", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void With_an_interval_of_32_the_parameters_are_checked_every_32_samples_and_at_the_end_of_each_epoch(int batchSize)
    {
        var model = new PoisonedModel();
        model.InitializeParameters(1);
        model.Hyperparameters.LearningRate = 1e-3;

        // 40 samples, the 35th poisoned: the check after the step that completes 32 samples passes, the one at the epoch's end fails.
        var inputs = new double[80];
        var targets = new double[40];
        for (int i = 0; i < 40; i++)
        {
            inputs[2 * i] = i == 34 ? PoisonedModel.Marker : 0.01 * i;
            inputs[2 * i + 1] = 1;
        }

        var e = Assert.Throws<NonFiniteLossException>(
            () => Trainer.Fit(model, new Dataset<double>(inputs, targets, 2, 1), new TrainerOptions { Epochs = 2, BatchSize = batchSize, Shuffle = false, ParameterCheckInterval = 32 }));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(32, e.SampleIndex);
        Assert.Contains("positions 32 to 39", e.Message);
        Assert.Contains("ParameterCheckInterval", e.Message);
    }

    [Fact]
    public void By_default_the_parameters_are_checked_after_every_step_and_the_exact_sample_is_named()
    {
        var model = new PoisonedModel();
        model.InitializeParameters(1);
        model.Hyperparameters.LearningRate = 1e-3;
        var inputs = new double[80];
        var targets = new double[40];
        for (int i = 0; i < 40; i++)
        {
            inputs[2 * i] = i == 34 ? PoisonedModel.Marker : 0.01 * i;
            inputs[2 * i + 1] = 1;
        }

        var e = Assert.Throws<NonFiniteLossException>(
            () => Trainer.Fit(model, new Dataset<double>(inputs, targets, 2, 1), new TrainerOptions { Epochs = 2, Shuffle = false }));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(34, e.SampleIndex); // the poisoned sample itself, not the end of a 32-sample interval
    }

    [Fact]
    public void A_non_finite_loss_in_a_mini_batch_names_the_sample_it_came_from()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 1e200, 1e200, 0 });

        // Sample 2's output is 1e200 · 1e200 = +∞; the others' are finite.
        var data = new Dataset<double>(new double[] { 0, 0, 0, 0, 1e200, 0, 0, 0 }, new double[4], 2, 1);

        var e = Assert.Throws<NonFiniteLossException>(
            () => Trainer.Fit(model, data, new TrainerOptions { Epochs = 1, BatchSize = 4, Shuffle = false }));

        Assert.Equal(1, e.Epoch);
        Assert.Equal(2, e.SampleIndex);
        Assert.Contains("sample 2", e.Message);
    }
}
