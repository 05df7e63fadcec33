using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator;
using NetGen.Generator.Analyzers;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// The one compilation harness of the test projects (linked as source into NetGen.Analyzers.Tests):
/// compiles source as a user's project does — the real <see cref="NetworkGenerator"/> first, with the
/// build properties a project sets, then, for <see cref="AnalyzeAsync(string[])"/>, the real
/// <see cref="NetworkAnalyzer"/> over the compilation that includes the generated code.
/// </summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Nullable on and unsafe code allowed (so a test may put <c>[module: SkipLocalsInit]</c> over generated code, as a user may).</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

    /// <summary>
    /// An empty compilation every test compilation is derived from: derived compilations with the same
    /// references share its bound reference assemblies, so a test binds the framework once, not per case.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> Empty = new(() =>
        CSharpCompilation.Create("TestProject", Array.Empty<SyntaxTree>(), TestReferences.All, CompilationOptions));

    /// <summary>A compilation of <paramref name="sources"/> (files Source0.cs, Source1.cs, …) against <see cref="TestReferences.All"/>.</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        Empty.Value.AddSyntaxTrees(sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")));

    /// <summary>A driver over the generator, seeing <paramref name="properties"/> as the project's build properties.</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps = false, BuildProperties? properties = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            optionsProvider: properties ?? BuildProperties.None,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator once: what it produced and the compilation with its output added.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources), BuildProperties.None);

    /// <summary>Runs the generator once over <paramref name="compilation"/> with the given build properties.</summary>
    public static GeneratorRun Run(Compilation compilation, BuildProperties properties)
    {
        GeneratorDriver driver = CreateDriver(properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Runs the generator and then the analyzer, as a build does.</summary>
    public static Task<AnalyzedRun> AnalyzeAsync(params string[] sources) => AnalyzeAsync(Compile(sources));

    /// <summary>Runs the generator over <paramref name="compilation"/> and the analyzer over its output.</summary>
    public static async Task<AnalyzedRun> AnalyzeAsync(Compilation compilation, BuildProperties? properties = null)
    {
        GeneratorRun run = Run(compilation, properties ?? BuildProperties.None);
        var exceptions = new List<Exception>();
        exceptions.AddRange(run.Result.Results.Select(r => r.Exception).OfType<Exception>());

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await run.Output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetworkAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();

        exceptions.AddRange(analyzerDiagnostics.Concat(run.Diagnostics)
            .Where(d => d.Id is "AD0001" or "CS8785")
            .Select(d => new InvalidOperationException(d.ToString())));
        return new AnalyzedRun(run, analyzerDiagnostics, exceptions);
    }

    /// <summary>Compiles the generator's output and loads it, failing with the compiler's messages on any error or warning.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        GeneratorRun run = Run(sources);
        run.AssertGeneratorSucceeded();
        using var stream = new MemoryStream();
        var result = run.Output.WithAssemblyName("NetGen.Generated." + Guid.NewGuid().ToString("N")).Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        }

        stream.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(stream);
    }
}
