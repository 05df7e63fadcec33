using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator.Analyzers;
using NetGen.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// A code-fix test on Microsoft.CodeAnalysis.Testing: the marked diagnostics of <c>TestCode</c>, the
/// action chosen by its title (the fixers' equivalence key), and <c>FixedCode</c>, which must compile
/// with no diagnostic at all. The framework also runs the fixer's FixAll provider (document, project
/// and solution scope) and checks it reaches the same <c>FixedCode</c> (or <c>BatchFixedCode</c>).
/// </summary>
internal sealed class NetGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<NetworkAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public NetGenCodeFixTest()
    {
        NetGenTestState.Apply(TestState);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => NetGenTestState.SourceGenerators;

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => GeneratorHarness.CompilationOptions;
}
