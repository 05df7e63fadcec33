using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Digits;
using NetGen.Data;
using NetGen.Samples.Display;
using NetGen.Training;
using Spectre.Console;

// Recognises handwritten digits from 8×8 images.
TerminalMode.UsePlainTextWhenRedirected();
var wallTime = Stopwatch.StartNew();
const int Seed = 1; // one seed for the split and the shuffles: every run gives the same numbers
AnsiConsole.Write(new Rule("NetGen · Digits: 64-32-10, ReLU/Softmax, Adam"));

// 1. Data: 1797 images of 64 pixels (0–16) and their digit, one-hot; 70 % train, 10 % validation, 20 % test.
CsvData<float> csv = CsvLoader.Load<float>(
    Path.Combine(AppContext.BaseDirectory, "data", "digits.csv"),
    new CsvOptions { LabelColumnName = "digit", LabelKind = CsvLabelKind.ClassIndex, ClassCount = 10 });

// Scale the pixels to [0, 1].
float[] pixels = csv.Dataset.Inputs.ToArray();
for (int i = 0; i < pixels.Length; i++)
{
    pixels[i] /= 16f;
}

var images = new Dataset<float>(pixels, csv.Dataset.Targets, DigitsNet.InputSize, DigitsNet.OutputSize);
DatasetSplit<float> split = DatasetSplitter.Split(images, 0.7, 0.1, 0.2, Seed);
(Dataset<float> train, Dataset<float> validation, Dataset<float> test) = split;
Console.WriteLine($"{images.Count} images: {train.Count} train, {validation.Count} validation, {test.Count} test");

// 2. Train: mini-batches of 32, Adam starting at 0.005 and halved every 10 epochs, 30 epochs.
var net = new DigitsNet();
var options = new TrainerOptions
{
    Epochs = 30,
    BatchSize = 32,
    LearningRateSchedule = LearningRateSchedule.Step(0.005, factor: 0.5, every: 10),
    Seed = Seed,
};
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
string modelPath = Path.Combine(AppContext.BaseDirectory, "digits.safetensors");
net.SaveWeights(modelPath);
var reloaded = new DigitsNet();
reloaded.LoadWeights(modelPath);
Console.WriteLine($"Saved to {modelPath} and reloaded into a fresh DigitsNet.");
LossPlot.WriteBeside(modelPath, history, "Digits 64-32-10 (ReLU/Softmax, Adam): loss per epoch");
ConfusionMatrixPlot.WriteBeside(
    modelPath, ConfusionMatrix.Count(net, test), $"Digits: {test.Count} test images, accuracy {MetricText.Percent(testMetrics.Accuracy)}");

var predictions = new PredictionTable("test image");
var trainedOutput = new float[DigitsNet.OutputSize];
var reloadedOutput = new float[DigitsNet.OutputSize];
bool allIdentical = true;
for (int i = 0; i < 4; i++)
{
    net.Forward(test.GetInput(i), trainedOutput);
    reloaded.Forward(test.GetInput(i), reloadedOutput);
    bool identical = trainedOutput.AsSpan().SequenceEqual(reloadedOutput);
    allIdentical &= identical;
    predictions.Add(
        DigitImage.Render(test.GetInput(i), TerminalMode.HasUnicode),
        OneHot.Decode(test.GetTarget(i)).ToString(CultureInfo.InvariantCulture),
        Describe(trainedOutput),
        Describe(reloadedOutput),
        identical);
}

predictions.Write();

// 5. What the batched members buy: the trainer's TrainBatch against the sample-by-sample path, on the same batches.
Console.WriteLine(TrainingSpeed.Compare(train, options.BatchSize));

double accuracy = testMetrics.Accuracy ?? 0;
bool passed = accuracy >= 0.95 && allIdentical;
return Verdict.Report(
    passed,
    $"test accuracy {MetricText.Percent(accuracy)} (needs ≥ 95 %); reloaded network {(allIdentical ? "identical" : "DIFFERS")}");

// The predicted digit and its probability, e.g. "7 (0.998)".
static string Describe(float[] probabilities)
{
    int digit = OneHot.Decode(probabilities);
    return string.Create(CultureInfo.InvariantCulture, $"{digit} ({probabilities[digit]:F3})");
}
