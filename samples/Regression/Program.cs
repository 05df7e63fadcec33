using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Data;
using NetGen.Samples.Display;
using NetGen.Training;
using Regression;
using Spectre.Console;

// Fits y = sin x from 1000 noisy samples.
TerminalMode.UsePlainTextWhenRedirected();
var wallTime = Stopwatch.StartNew();
const int Seed = 1; // one seed for the data, the split and the shuffles: every run gives the same numbers
const double Noise = 0.1; // the noise's standard deviation: no model can get the RMSE much below it
AnsiConsole.Write(new Rule("NetGen · Regression: 1-16-16-1, Tanh/Linear, mean squared error"));

// 1. Data: x in [−π, π], y = sin x + noise; 70 % train, 10 % validation, 20 % test.
Dataset<float> samples = NoisySine.Generate(count: 1000, Noise, Seed);
(Dataset<float> train, Dataset<float> validation, Dataset<float> test) = DatasetSplitter.Split(samples, 0.7, 0.1, 0.2, Seed);
Console.WriteLine($"{samples.Count} samples of sin x + N(0, {Noise}²): {train.Count} train, {validation.Count} validation, {test.Count} test");

// 2. Train: mini-batches of 8, Adam from 0.01 decaying 4 % per epoch, 100 epochs.
var net = new SineNet();
var options = new TrainerOptions
{
    Epochs = 100,
    BatchSize = 8,
    LearningRateSchedule = LearningRateSchedule.Exponential(0.01, decay: 0.96),
    Seed = Seed,
};
TrainingHistory history = TrainingProgress.Show(
    options.Epochs, progress => Trainer.Fit(net, train, options, validation, progress));

// 3. Results: the loss is ½(o − y)²; MAE and RMSE are in the units of y.
LossChart.Write(history);
EvaluationMetrics testMetrics = Trainer.Evaluate(net, test);
new ResultsTable()
    .Add("train", Trainer.Evaluate(net, train))
    .Add("validation", Trainer.Evaluate(net, validation))
    .Add("test", testMetrics)
    .Write(history, wallTime.Elapsed);

// 4. Save the weights, load them into a fresh network and check it predicts exactly the same.
string modelPath = Path.Combine(AppContext.BaseDirectory, "sine.safetensors");
net.SaveWeights(modelPath);
var reloaded = new SineNet();
reloaded.LoadWeights(modelPath);
Console.WriteLine($"Saved to {modelPath} and reloaded into a fresh SineNet.");
LossPlot.WriteBeside(modelPath, history, "Regression 1-16-16-1 (Tanh/Linear, Adam): loss per epoch");

var predictions = new PredictionTable("x");
var trainedOutput = new float[SineNet.OutputSize];
var reloadedOutput = new float[SineNet.OutputSize];
bool allIdentical = true;
foreach (float x in new[] { -3f, -1.5f, 0f, 1.5f, 3f })
{
    net.Forward([x], trainedOutput);
    reloaded.Forward([x], reloadedOutput);
    bool identical = trainedOutput.AsSpan().SequenceEqual(reloadedOutput);
    allIdentical &= identical;
    predictions.Add(
        Format(x),
        $"sin x = {Format(Math.Sin(x))}",
        Format(trainedOutput[0]),
        Format(reloadedOutput[0]),
        identical);
}

predictions.Write();

double rmse = testMetrics.RootMeanSquaredError ?? double.PositiveInfinity;
bool passed = rmse <= 0.13 && allIdentical;
return Verdict.Report(
    passed,
    $"test RMSE {MetricText.Number(rmse)} (needs ≤ 0.13), MAE {MetricText.Number(testMetrics.MeanAbsoluteError)}; " +
    $"reloaded network {(allIdentical ? "identical" : "DIFFERS")}");

static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
