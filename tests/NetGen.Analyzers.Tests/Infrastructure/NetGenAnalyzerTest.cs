using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator.Analyzers;
using NetGen.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer test on Microsoft.CodeAnalysis.Testing: the snippet's expected diagnostics are its
/// markup (<c>{|NG0011:…|}</c> for an id at a span, <c>{|#0:…|}</c> with <see cref="AnalyzerTest{TVerifier}.ExpectedDiagnostics"/>
/// for a message), every other diagnostic — compiler errors included — fails the test.
/// </summary>
internal sealed class NetGenAnalyzerTest : CSharpAnalyzerTest<NetworkAnalyzer, DefaultVerifier>
{
    public NetGenAnalyzerTest()
    {
        NetGenTestState.Apply(TestState);

        // The generated files are checked by the snapshot tests; here they only have to be there.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>Runs a test over <paramref name="markup"/> with these extra expected diagnostics.</summary>
    public static System.Threading.Tasks.Task VerifyAsync(string markup, params DiagnosticResult[] expected)
    {
        var test = new NetGenAnalyzerTest { TestCode = markup };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>An expected NG diagnostic, with the severity its descriptor declares.</summary>
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<NetworkAnalyzer, DefaultVerifier>.Diagnostic(id);

    protected override IEnumerable<Type> GetSourceGenerators() => NetGenTestState.SourceGenerators;

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => GeneratorHarness.CompilationOptions;
}
