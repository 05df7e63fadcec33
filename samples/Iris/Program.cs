using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Iris;
using NetGen.Data;
using NetGen.Samples.Display;
using NetGen.Training;
using Spectre.Console;

// Classifies Fisher's iris flowers from four measurements.
TerminalMode.UsePlainTextWhenRedirected();
var wallTime = Stopwatch.StartNew();
const int Seed = 6; // one seed for the split and the shuffles: every run gives the same numbers
AnsiConsole.Write(new Rule("NetGen · Iris: 4-16-3, Tanh/Softmax, Adam"));

// 1. Data: species names become one-hot targets; 60 % train, 10 % validation, 30 % test.
CsvData<float> csv = CsvLoader.Load<float>(
    Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"),
    new CsvOptions { LabelColumnName = "species", LabelKind = CsvLabelKind.ClassName });
DatasetSplit<float> split = DatasetSplitter.Split(csv.Dataset, 0.6, 0.1, 0.3, Seed);

// Standardise every measurement with the mean and spread of the training set only.
Standardizer standardizer = Standardizer.Fit(split.Train);
Dataset<float> train = standardizer.Transform(split.Train);
Dataset<float> validation = standardizer.Transform(split.Validation);
Dataset<float> test = standardizer.Transform(split.Test);
Console.WriteLine($"{csv.Dataset.Count} flowers: {train.Count} train, {validation.Count} validation, {test.Count} test; species {string.Join(", ", csv.ClassNames)}");

// 2. Train: mini-batches of 8, Adam at 0.01 with a little L2 weight decay, 100 epochs.
var net = new IrisNet();
net.Hyperparameters.LearningRate = 0.01;
net.Hyperparameters.WeightDecay = 0.01;
var options = new TrainerOptions { Epochs = 100, BatchSize = 8, Seed = Seed };
TrainingHistory history = TrainingProgress.Show(
    options.Epochs, progress => Trainer.Fit(net, train, options, validation, progress));

// 3. Results.
LossChart.Write(history);
EvaluationMetrics testMetrics = Trainer.Evaluate(net, test);
new ResultsTable()
    .Add("train", Trainer.Evaluate(net, train))
    .Add("validation", Trainer.Evaluate(net, validation))
    .Add("test", testMetrics)
    .Write(history, wallTime.Elapsed);

// 4. Save the weights, load them into a fresh network and check it predicts exactly the same.
string modelPath = Path.Combine(AppContext.BaseDirectory, "iris.safetensors");
net.SaveWeights(modelPath);
var reloaded = new IrisNet();
reloaded.LoadWeights(modelPath);
Console.WriteLine($"Saved to {modelPath} and reloaded into a fresh IrisNet.");
LossPlot.WriteBeside(modelPath, history, "Iris 4-16-3 (Tanh/Softmax, Adam): loss per epoch");

var predictions = new PredictionTable("test flower");
var trainedOutput = new float[IrisNet.OutputSize];
var reloadedOutput = new float[IrisNet.OutputSize];
bool allIdentical = true;
for (int i = 0; i < 5; i++)
{
    net.Forward(test.GetInput(i), trainedOutput);
    reloaded.Forward(test.GetInput(i), reloadedOutput);
    bool identical = trainedOutput.AsSpan().SequenceEqual(reloadedOutput);
    allIdentical &= identical;
    predictions.Add(
        $"#{i + 1}",
        csv.ClassNames[OneHot.Decode(test.GetTarget(i))],
        Describe(trainedOutput),
        Describe(reloadedOutput),
        identical);
}

predictions.Write();

double accuracy = testMetrics.Accuracy ?? 0;
bool passed = accuracy >= 0.95 && allIdentical;
return Verdict.Report(
    passed,
    $"test accuracy {MetricText.Percent(accuracy)} (needs ≥ 95 %); reloaded network {(allIdentical ? "identical" : "DIFFERS")}");

// The predicted species and its probability, e.g. "virginica (0.973)".
string Describe(float[] probabilities)
{
    int best = OneHot.Decode(probabilities);
    return $"{csv.ClassNames[best]} ({probabilities[best].ToString("F3", CultureInfo.InvariantCulture)})";
}
