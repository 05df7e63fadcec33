using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Bench.Generation;
using NetGen.Generator;

// For each network: the generator's first run in this process (includes JIT-compiling the generator), the
// median of later runs on fresh compilations (as each command-line build does, with a new driver), the
// generated size, and the median time to emit the consumer with and without the generated code.
const int Reps = 15;
var networks = new (string Name, string Attributes)[]
{
    ("2-2-1", "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)]"),
    ("64-32-10", "[Network(Loss.CategoricalCrossEntropy)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)]"),
    ("784-128-10", "[Network(Loss.CategoricalCrossEntropy)] [Input(784)] [Dense(128, Activation.ReLU)] [Dense(10, Activation.Softmax)]"),
};

Console.WriteLine("| network | generated lines | first run ms | generator ms (median) | emit without generated code ms | emit with it ms |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (name, attributes) in networks)
{
    string source = "using NetGen;\nnamespace Consumer;\n" + attributes + "\npublic sealed partial class Net;\n";
    var runs = new List<double>();
    Compilation output = null!;
    int lines = 0;
    for (int r = 0; r <= Reps; r++)
    {
        CSharpCompilation compilation = ConsumerCompilation.Create(source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new NetworkGenerator().AsSourceGenerator()], parseOptions: ConsumerCompilation.ParseOptions);
        long start = Stopwatch.GetTimestamp();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
        runs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        lines = driver.GetRunResult().GeneratedTrees.Sum(t => t.GetText().Lines.Count);
    }

    double without = MedianEmit(() => ConsumerCompilation.Create(source));
    Compilation generated = output;
    double with = MedianEmit(() => generated.RemoveAllSyntaxTrees().AddSyntaxTrees(generated.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ConsumerCompilation.ParseOptions))));
    Console.WriteLine($"| {name} | {lines:N0} | {runs[0]:F1} | {Median(runs.Skip(1)):F2} | {without:F1} | {with:F1} |");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted[sorted.Count / 2];
}

static double MedianEmit(Func<Compilation> create)
{
    var times = new List<double>();
    for (int r = 0; r < 7; r++)
    {
        Compilation compilation = create();
        long start = Stopwatch.GetTimestamp();
        ConsumerCompilation.Emit(compilation);
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    return Median(times.Skip(1));
}
