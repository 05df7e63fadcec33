using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator;
using NetGen.Generator.Analyzers;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles test source as a user's project does: the NetGen generator first, then the analyzer over
/// the compilation that includes the generated code. Keeps everything a test looks at, including
/// exceptions the analyzer or the generator threw.
/// </summary>
internal sealed class NetworkCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private NetworkCompilation(
        Compilation output,
        ImmutableArray<Diagnostic> analyzerDiagnostics,
        ImmutableArray<Diagnostic> generatorDiagnostics,
        IReadOnlyList<string> generatedSources,
        IReadOnlyList<Exception> exceptions)
    {
        Output = output;
        AnalyzerDiagnostics = analyzerDiagnostics;
        GeneratorDiagnostics = generatorDiagnostics;
        GeneratedSources = generatedSources;
        Exceptions = exceptions;
    }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>What the analyzer reported, NG ids only, in source order.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>What the generator reported.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The text of each generated file.</summary>
    public IReadOnlyList<string> GeneratedSources { get; }

    /// <summary>Exceptions from the analyzer (AD0001) and the generator (CS8785).</summary>
    public IReadOnlyList<Exception> Exceptions { get; }

    /// <summary>Compiler errors and warnings of the output compilation (generated code included).</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public static Compilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestProject",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static Task<NetworkCompilation> RunAsync(params string[] sources) => RunAsync(Create(sources));

    public static async Task<NetworkCompilation> RunAsync(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult run = driver.GetRunResult();

        var exceptions = new ConcurrentQueue<Exception>();
        foreach (GeneratorRunResult result in run.Results)
        {
            if (result.Exception is not null)
            {
                exceptions.Enqueue(result.Exception);
            }
        }

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        foreach (Diagnostic diagnostic in analyzerDiagnostics.Concat(generatorDiagnostics))
        {
            if (diagnostic.Id is "AD0001" or "CS8785")
            {
                exceptions.Enqueue(new InvalidOperationException(diagnostic.ToString()));
            }
        }

        return new NetworkCompilation(
            output,
            analyzerDiagnostics
                .Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal))
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToImmutableArray(),
            generatorDiagnostics,
            run.GeneratedTrees.Select(tree => tree.ToString()).ToList(),
            exceptions.ToList());
    }
}
