using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Data;
using NetGen.Samples.Display;
using NetGen.Training;
using Spectre.Console;
using Tuning;

// Chooses the architecture and hyperparameters of a digits classifier by coarse-to-fine random search.
// `dotnet run --project samples/Tuning -- --threads 1` limits the trials run at once (default: one per core).
TerminalMode.UsePlainTextWhenRedirected();
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 150; // room for the trial table's 13 columns in a log
}

var wallTime = Stopwatch.StartNew();
const int Seed = 1; // one seed for the split, the trials and the retraining: every run gives the same numbers
int threads = args.Length == 2 && args[0] == "--threads" ? int.Parse(args[1], CultureInfo.InvariantCulture) : -1;
AnsiConsole.Write(new Rule("NetGen · Tuning: coarse-to-fine random search on Digits"));

// 1. Data: 1797 images of 64 pixels (0–16), scaled to [0, 1]; 70 % train, 10 % validation (scores the trials), 20 % test.
CsvData<float> csv = CsvLoader.Load<float>(
    Path.Combine(AppContext.BaseDirectory, "data", "digits.csv"),
    new CsvOptions { LabelColumnName = "digit", LabelKind = CsvLabelKind.ClassIndex, ClassCount = 10 });
float[] pixels = csv.Dataset.Inputs.ToArray();
for (int i = 0; i < pixels.Length; i++)
{
    pixels[i] /= 16f;
}

var images = new Dataset<float>(pixels, csv.Dataset.Targets, 64, 10);
(Dataset<float> train, Dataset<float> validation, Dataset<float> test) = DatasetSplitter.Split(images, 0.7, 0.1, 0.2, Seed);
Console.WriteLine($"{images.Count} images: {train.Count} train, {validation.Count} validation, {test.Count} test");

// 2. What to search: three declared architectures (two Dense, one Maxout; see Candidates.cs)
//    and the optimizer's and trainer's hyperparameters, each on the scale it varies on.
SearchCandidate<float>[] candidates =
{
    SearchCandidate<float>.Of<Digits32>(),
    SearchCandidate<float>.Of<Digits64>(),
    SearchCandidate<float>.Of<DigitsMaxout>(),
};
var space = new SearchSpace
{
    LearningRate = SearchRange.LogUniform(1e-4, 1e-2),
    Beta1 = SearchRange.LogUniformOneMinus(0.8, 0.95),
    Beta2 = SearchRange.LogUniformOneMinus(0.99, 0.9999),
    WeightDecay = SearchRange.LogUniform(1e-6, 1e-3),
    BatchSize = SearchChoice.Of(16, 32, 64),
    Epochs = SearchChoice.Of(20),
    EarlyStoppingPatience = SearchChoice.Of(3),
    Schedule = SearchChoice.Of(LearningRateScheduleKind.Constant, LearningRateScheduleKind.Step, LearningRateScheduleKind.Exponential),
    Decay = SearchRange.Uniform(0.5, 0.95),
    StepEvery = SearchChoice.Of(5),
};
var options = new SearchOptions
{
    Seed = Seed,
    CoarseTrials = 12,
    FineRounds = 2,
    FineTrials = 6,
    KeepBest = 3,
    Metric = SearchMetric.ValidationLoss,
    MaxDegreeOfParallelism = threads,
};
string parallelism = threads == -1 ? $"{Environment.ProcessorCount} (one per core)" : threads.ToString(CultureInfo.InvariantCulture);
Console.WriteLine($"{options.CoarseTrials} coarse trials, then {options.FineRounds} fine rounds of {options.FineTrials}; trials at once: {parallelism}");

// 3. Search: every trial trains its own network on the training set and is scored on the validation set.
SearchResult<float> result = SearchDisplay.Show(
    options, progress => HyperparameterSearch.Run(candidates, train, space, options, validation, progress));
TrialTable.Write(result);
foreach (SearchRound round in result.Rounds)
{
    SearchSpace s = round.Space;
    Console.WriteLine(
        $"{RoundName.Of(round.Index),-7} space: {string.Join("/", round.Candidates)}, η {s.LearningRate}, β₁ {s.Beta1}, β₂ {s.Beta2}, λ {s.WeightDecay}, batch {s.BatchSize}, schedule {s.Schedule}, decay {s.Decay}");
}

SearchTrial best = result.Best ?? throw new InvalidOperationException("Every trial diverged.");
SearchCandidate<float> winner = result.BestCandidate!;
Console.WriteLine(
    $"Best: trial #{best.Index} ({RoundName.Of(best.Round)} round), {winner}: {best.Settings}; " +
    $"validation loss {MetricText.Number(best.Validation!.Loss)}, {MetricText.Format(best.Validation)}");

// 4. Retrain the winner on train + validation (for its best epoch's count of epochs) and test it once.
RetrainedNetwork<float>? retrained = null;
TrainingHistory history = TrainingProgress.Show(
    best.BestEpoch,
    progress =>
    {
        retrained = result.RetrainBest(progress);
        return retrained.History;
    });
EvaluationMetrics testMetrics = retrained!.Evaluate(test);
new ResultsTable()
    .Add("train (seen in retraining)", retrained.Evaluate(result.TrainingData))
    .Add("validation (seen in retraining)", retrained.Evaluate(result.ValidationData))
    .Add("test", testMetrics)
    .Write(history, wallTime.Elapsed);

double accuracy = testMetrics.Accuracy ?? 0;
return Verdict.Report(
    accuracy >= 0.95,
    $"{winner.Name} retrained, test accuracy {MetricText.Percent(accuracy)} (needs ≥ 95 %); {result.Trials.Count} trials in {wallTime.Elapsed.TotalSeconds:F1} s");
