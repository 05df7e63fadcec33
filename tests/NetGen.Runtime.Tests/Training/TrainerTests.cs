using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Data;
using NetGen.Runtime.Tests.Networks;
using NetGen.Training;
using Xunit;

namespace NetGen.Runtime.Tests.Training;

public class TrainerTests
{
    /// <summary>y = 2x₁ − 3x₂ + 1 on the 5×5 grid x ∈ {−1, −0.5, 0, 0.5, 1}².</summary>
    private static Dataset<double> Plane()
    {
        var inputs = new List<double>();
        var targets = new List<double>();
        double[] grid = { -1, -0.5, 0, 0.5, 1 };
        foreach (double a in grid)
        {
            foreach (double b in grid)
            {
                inputs.Add(a);
                inputs.Add(b);
                targets.Add(2 * a - 3 * b + 1);
            }
        }

        return new Dataset<double>(inputs.ToArray(), targets.ToArray(), 2, 1);
    }

    private static double[] Parameters(LinearModel<double> model)
    {
        var p = new double[3];
        model.GetParameters(p);
        return p;
    }

    private sealed class Recorder(Action<EpochReport>? onReport = null) : IProgress<EpochReport>
    {
        public List<EpochReport> Reports { get; } = new();

        public void Report(EpochReport value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void LinearModelLearnsThePlane(int batchSize)
    {
        var model = new LinearModel<double>();
        model.InitializeParameters(1);
        model.Hyperparameters.LearningRate = 0.1;

        TrainingHistory history = Trainer.Fit(model, Plane(), new TrainerOptions { Epochs = 300, BatchSize = batchSize, Seed = 4 }, validation: Plane());

        double[] p = Parameters(model);
        Assert.Equal(2.0, p[0], 6);
        Assert.Equal(-3.0, p[1], 6);
        Assert.Equal(1.0, p[2], 6);
        EvaluationMetrics last = history.Epochs[^1].Validation!;
        Assert.Equal(ProblemKind.Regression, last.Kind);
        Assert.True(last.MeanAbsoluteError < 1e-6);
        Assert.Null(last.Accuracy);
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss);
    }

    [Fact]
    public void SameSeedGivesBitIdenticalParametersAndAnotherSeedDoesNot()
    {
        double[] Train(int seed)
        {
            var model = new LinearModel<double>();
            model.InitializeParameters(1);
            Trainer.Fit(model, Plane(), new TrainerOptions { Epochs = 3, BatchSize = 3, Seed = seed });
            return Parameters(model);
        }

        double[] first = Train(7);
        Assert.Equal(first, Train(7));
        Assert.NotEqual(first, Train(8));
    }

    [Fact]
    public void FullBatchStepsMatchHandComputedGradientDescent()
    {
        var data = new Dataset<double>(new[] { 1.0, 2, -1, 0.5, 0, -3 }, new[] { 1.0, -2, 4 }, 2, 1);
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 0.2, -0.1, 0.3 });
        model.Hyperparameters.LearningRate = 0.05;

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 2, BatchSize = 3, Shuffle = false });

        // By hand: θ ← θ − η·(1/3)·Σ r·[x₁, x₂, 1], twice.
        double w1 = 0.2, w2 = -0.1, b = 0.3;
        double[,] x = { { 1, 2 }, { -1, 0.5 }, { 0, -3 } };
        double[] y = { 1, -2, 4 };
        for (int step = 0; step < 2; step++)
        {
            double g1 = 0, g2 = 0, gb = 0;
            for (int i = 0; i < 3; i++)
            {
                double r = w1 * x[i, 0] + w2 * x[i, 1] + b - y[i];
                g1 += r * x[i, 0];
                g2 += r * x[i, 1];
                gb += r;
            }

            w1 -= 0.05 * g1 / 3;
            w2 -= 0.05 * g2 / 3;
            b -= 0.05 * gb / 3;
        }

        double[] p = Parameters(model);
        Assert.Equal(w1, p[0], 14);
        Assert.Equal(w2, p[1], 14);
        Assert.Equal(b, p[2], 14);
        Assert.Equal(new[] { 3, 3 }, model.AppliedBatchSizes);
    }

    [Fact]
    public void MiniBatchesCallApplyGradientsWithEachBatchsActualSize()
    {
        var model = new LinearModel<double>();
        var data = new Dataset<double>(new double[20], new double[10], 2, 1);

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 2, BatchSize = 4 });

        Assert.Equal(new[] { 4, 4, 2, 4, 4, 2 }, model.AppliedBatchSizes);
        Assert.Equal(20, model.BackwardCalls);
        Assert.Equal(0, model.TrainStepCalls);
    }

    [Fact]
    public void BatchSizeOneUsesTrainStep()
    {
        var model = new LinearModel<double>();
        var data = new Dataset<double>(new double[20], new double[10], 2, 1);

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 3 });

        Assert.Equal(30, model.TrainStepCalls);
        Assert.Empty(model.AppliedBatchSizes);
    }

    [Fact]
    public void StepScheduleSetsTheLearningRateAtEachEpochStart()
    {
        var model = new LinearModel<double>();
        var data = new Dataset<double>(new double[4], new double[2], 2, 1);
        var recorder = new Recorder();

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 5, LearningRateSchedule = LearningRateSchedule.Step(0.1, 0.5, every: 2) }, progress: recorder);

        double[] expected = { 0.1, 0.1, 0.05, 0.05, 0.025 };
        Assert.Equal(expected, recorder.Reports.Select(r => r.LearningRate));
        Assert.Equal(expected.SelectMany(rate => new[] { rate, rate }), model.LearningRatesSeen);
    }

    [Fact]
    public void ExponentialScheduleDecaysEveryEpoch()
    {
        var model = new LinearModel<double>();
        var data = new Dataset<double>(new double[2], new double[1], 2, 1);
        var recorder = new Recorder();

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 4, LearningRateSchedule = LearningRateSchedule.Exponential(0.2, 0.9) }, progress: recorder);

        double[] expected = { 0.2, 0.18, 0.162, 0.1458 };
        for (int e = 0; e < 4; e++)
        {
            Assert.Equal(expected[e], recorder.Reports[e].LearningRate, 15);
            Assert.Equal(expected[e], model.LearningRatesSeen[e], 15);
        }
    }

    [Fact]
    public void ConstantScheduleAndNoSchedule()
    {
        Assert.Equal(0.3, LearningRateSchedule.Constant(0.3).LearningRateAt(1000));
        var model = new LinearModel<double>();
        model.Hyperparameters.LearningRate = 0.07;
        Trainer.Fit(model, new Dataset<double>(new double[2], new double[1], 2, 1), new TrainerOptions { Epochs = 2 });
        Assert.Equal(new[] { 0.07, 0.07 }, model.LearningRatesSeen);
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Step(0.1, 0, 1));
    }

    [Fact]
    public void ProgressReportsOncePerEpochInOrder()
    {
        var recorder = new Recorder();
        Trainer.Fit(new LinearModel<double>(), Plane(), new TrainerOptions { Epochs = 6 }, progress: recorder);

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, recorder.Reports.Select(r => r.Epoch));
        Assert.All(recorder.Reports, r => Assert.Null(r.Validation));
    }

    /// <summary>
    /// Training data y = x₁ pulls w₁ from 0 towards 1; validation data y = 0.5·x₁ is fitted best half-way.
    /// With x₁ = ±1, x₂ = 0, full batches and η = 0.1: w₁ after epoch e is 1 − 0.9ᵉ and b stays 0, so the
    /// validation loss ½(w₁ − 0.5)² is lowest at epoch 7 (w₁ = 0.5217) and rises after it.
    /// </summary>
    [Fact]
    public void EarlyStoppingRestoresTheBestEpochsParameters()
    {
        var train = new Dataset<double>(new double[] { 1, 0, -1, 0 }, new double[] { 1, -1 }, 2, 1);
        var validation = new Dataset<double>(new double[] { 1, 0, -1, 0 }, new double[] { 0.5, -0.5 }, 2, 1);
        var model = new LinearModel<double>();
        model.Hyperparameters.LearningRate = 0.1;

        TrainingHistory history = Trainer.Fit(
            model, train, new TrainerOptions { Epochs = 100, BatchSize = 2, Shuffle = false, EarlyStoppingPatience = 3 }, validation);

        Assert.Equal(7, history.BestEpoch);
        Assert.Equal(10, history.Epochs.Count);
        Assert.True(history.StoppedEarly);
        Assert.True(history.RestoredBestParameters);
        double w7 = 1 - Math.Pow(0.9, 7);
        Assert.Equal(0.5 * (w7 - 0.5) * (w7 - 0.5), history.BestLoss, tolerance: 1e-15);
        Assert.Equal(history.BestLoss, history.Epochs[6].ValidationLoss);
        double[] p = Parameters(model);
        Assert.Equal(w7, p[0], 14);
        Assert.Equal(0.0, p[1]);
        Assert.Equal(0.0, p[2], 14);
    }

    [Fact]
    public void EarlyStoppingWithoutRestoreKeepsTheLastParameters()
    {
        var train = new Dataset<double>(new double[] { 1, 0, -1, 0 }, new double[] { 1, -1 }, 2, 1);
        var validation = new Dataset<double>(new double[] { 1, 0, -1, 0 }, new double[] { 0.5, -0.5 }, 2, 1);
        var model = new LinearModel<double>();
        model.Hyperparameters.LearningRate = 0.1;

        TrainingHistory history = Trainer.Fit(
            model, train, new TrainerOptions { Epochs = 100, BatchSize = 2, Shuffle = false, EarlyStoppingPatience = 3, RestoreBestParameters = false }, validation);

        Assert.False(history.RestoredBestParameters);
        Assert.Equal(1 - Math.Pow(0.9, 10), Parameters(model)[0], 14);
    }

    [Fact]
    public void CancellationBetweenBatchesThrowsAndStopsTraining()
    {
        using var cts = new CancellationTokenSource();
        var model = new LinearModel<double>();
        var recorder = new Recorder(report =>
        {
            if (report.Epoch == 2)
            {
                cts.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() =>
            Trainer.Fit(model, Plane(), new TrainerOptions { Epochs = 10 }, progress: recorder, cancellationToken: cts.Token));

        Assert.Equal(2, recorder.Reports.Count);
        Assert.Equal(50, model.TrainStepCalls);
    }

    [Fact]
    public void AlreadyCancelledTokenTrainsNothing()
    {
        var model = new LinearModel<double>();
        Assert.Throws<OperationCanceledException>(() =>
            Trainer.Fit(model, Plane(), new TrainerOptions { Epochs = 10 }, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Equal(0, model.TrainStepCalls);
    }

    [Fact]
    public void ValidationSplitHoldsOutTheGivenShare()
    {
        var recorder = new Recorder();
        Trainer.Fit(new LinearModel<double>(), Plane(), new TrainerOptions { Epochs = 1, ValidationSplit = 0.2 }, progress: recorder);

        Assert.Equal(5, recorder.Reports[0].Validation!.Count);
    }

    [Fact]
    public void BadArgumentsGiveSpecificErrors()
    {
        var model = new LinearModel<double>();
        var wide = new Dataset<double>(new double[3], new double[1], 3, 1);
        var e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, wide));
        Assert.Contains("inputs of 3", e.Message);
        Assert.Contains("takes 2 inputs", e.Message);

        e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, Plane(), new TrainerOptions { EarlyStoppingPatience = 2 }));
        Assert.Contains("validation data", e.Message);

        e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, Plane(), new TrainerOptions { ValidationSplit = 0.2 }, Plane()));
        Assert.Contains("not both", e.Message);

        e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, Plane(), new TrainerOptions { BatchSize = 0 }));
        Assert.Contains("BatchSize", e.Message);

        e = Assert.Throws<ArgumentException>(() => Trainer.Fit(model, new Dataset<double>(Array.Empty<double>(), Array.Empty<double>(), 2, 1)));
        Assert.Contains("no samples", e.Message);
    }

    [Fact]
    public void DivergenceIsReportedNotTrainedThrough()
    {
        var data = new Dataset<double>(new double[] { 100, -100, 50, 80 }, new double[] { 1, 2 }, 2, 1);
        var model = new LinearModel<double>();
        model.Hyperparameters.LearningRate = 10;

        var e = Assert.Throws<NonFiniteLossException>(() => Trainer.Fit(model, data, new TrainerOptions { Epochs = 1000 }));

        Assert.NotNull(e.Epoch);
        Assert.Contains("lower learning rate", e.Message);
    }

    [Fact]
    public void EvaluateRegressionMetricsByHand()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 1.0, 0, 0 });   // o = x₁
        var data = new Dataset<double>(new double[] { 1, 0, 2, 0, 3, 0 }, new[] { 1.5, 2, 2 }, 2, 1);

        EvaluationMetrics m = Trainer.Evaluate(model, data);

        // residuals −0.5, 0, 1
        Assert.Equal(ProblemKind.Regression, m.Kind);
        Assert.Equal(3, m.Count);
        Assert.Equal((0.125 + 0 + 0.5) / 3, m.Loss, 15);
        Assert.Equal(0.5, m.MeanAbsoluteError!.Value, 15);
        Assert.Equal(Math.Sqrt(1.25 / 3), m.RootMeanSquaredError!.Value, 15);
    }

    [Fact]
    public void SingleOutputAccuracyThresholdsALinearOutputAtZero()
    {
        var model = new LinearModel<double>();
        model.SetParameters(new[] { 1.0, 0, 0 });   // o = x₁
        var data = new Dataset<double>(new double[] { 0.5, 0, -0.2, 0, 0.3, 0, -0.7, 0 }, new double[] { 1, -1, -1, 1 }, 2, 1);

        EvaluationMetrics m = Trainer.Evaluate(model, data, ProblemKind.Classification);

        // predicted positive: samples 0 and 2; actually positive: samples 0 and 3 → 2 of 4 right
        Assert.Equal(0.5, m.Accuracy);
        Assert.Null(m.MeanAbsoluteError);
    }

    [Fact]
    public void SigmoidOutputIsClassificationWithThresholdOneHalf()
    {
        var unit = new SigmoidUnit();
        unit.SetParameters(new[] { 1.0, 0 });   // o = σ(x)
        var data = new Dataset<double>(new[] { 2.0, -1, 0.1, -0.1 }, new double[] { 1, 0, 1, 0 }, 1, 1);

        EvaluationMetrics m = Trainer.Evaluate(unit, data);

        // σ(2), σ(−1), σ(0.1), σ(−0.1) = 0.88, 0.27, 0.525, 0.475: against 0.5 all four are right
        // (against 0 all would be "1" and only half right).
        Assert.Equal(ProblemKind.Classification, Trainer.InferProblemKind<SigmoidUnit, double>());
        Assert.Equal(ProblemKind.Classification, m.Kind);
        Assert.Equal(1.0, m.Accuracy);
        static double Sigma(double a) => 1 / (1 + Math.Exp(-a));
        double expectedLoss = (-Math.Log(Sigma(2)) - Math.Log(1 - Sigma(-1)) - Math.Log(Sigma(0.1)) - Math.Log(1 - Sigma(-0.1))) / 4;
        Assert.Equal(expectedLoss, m.Loss, 14);
    }

    [Fact]
    public void LogisticUnitLearnsASeparableProblem()
    {
        var unit = new SigmoidUnit();
        unit.Hyperparameters.LearningRate = 0.5;
        var data = new Dataset<double>(new[] { -2.0, -1, -0.5, 0.5, 1, 2 }, new double[] { 0, 0, 0, 1, 1, 1 }, 1, 1);

        TrainingHistory history = Trainer.Fit(unit, data, new TrainerOptions { Epochs = 50, EvaluateTrainingSet = true });

        Assert.Equal(1.0, history.Epochs[^1].Training!.Accuracy);
    }

    [Fact]
    public void MultiOutputAccuracyComparesArgmaxes()
    {
        var net = new SmallNet<double>();
        var p = new double[17];
        p[15] = 0.2;   // b₂ = [0.2, 0.8] with W₁ = 0, b₁ = 0: every output is [0.2, 0.8], class 1
        p[16] = 0.8;
        net.SetParameters(p);
        var data = new Dataset<double>(new double[6], new double[] { 0, 1, 1, 0, 0, 1 }, 2, 2);

        EvaluationMetrics m = Trainer.Evaluate(net, data, ProblemKind.Classification);

        Assert.Equal(2.0 / 3.0, m.Accuracy!.Value, 15);
        Assert.Equal((0.5 * (0.04 + 0.04) + 0.5 * (0.64 + 0.64) + 0.5 * (0.04 + 0.04)) / 3, m.Loss, 15);
    }

    [Fact]
    public void EvaluateTrainingSetAddsTrainingMetrics()
    {
        var recorder = new Recorder();
        Trainer.Fit(new LinearModel<double>(), Plane(), new TrainerOptions { Epochs = 2, EvaluateTrainingSet = true }, progress: recorder);
        Assert.All(recorder.Reports, r => Assert.Equal(25, r.Training!.Count));
    }

    [Fact]
    public void FloatNetworkTrainsToo()
    {
        var model = new LinearModel<float>();
        model.Hyperparameters.LearningRate = 0.1;
        Dataset<float> data = Plane().ConvertTo<float>();

        Trainer.Fit(model, data, new TrainerOptions { Epochs = 200 });

        var p = new float[3];
        model.GetParameters(p);
        Assert.Equal(2f, p[0], 3);
        Assert.Equal(-3f, p[1], 3);
        Assert.Equal(1f, p[2], 3);
    }
}
