using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator;
using NetGen.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// A generator test on Microsoft.CodeAnalysis.SourceGenerators.Testing: the generated files (by hint
/// name and text, unless skipped) and every diagnostic of the compilation that includes them.
/// </summary>
internal sealed class NetGenGeneratorTest : CSharpSourceGeneratorTest<NetworkGenerator, DefaultVerifier>
{
    public NetGenGeneratorTest() => NetGenTestState.Apply(TestState);

    /// <summary>Sets MSBuild properties as a project's <c>&lt;Name&gt;value&lt;/Name&gt;</c> does, through a global .editorconfig.</summary>
    public NetGenGeneratorTest WithBuildProperty(string name, string value)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property." + name + " = " + value + "\n"));
        return this;
    }

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => GeneratorHarness.CompilationOptions;
}
