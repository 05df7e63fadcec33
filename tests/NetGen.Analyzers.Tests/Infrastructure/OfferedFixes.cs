using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// The titles a fixer offers for a diagnostic, for the one thing Microsoft.CodeAnalysis.Testing does
/// not check: that an action is <em>not</em> offered. (Applying fixes, FixAll included, is
/// <see cref="NetGenCodeFixTest{TCodeFix}"/>'s job.)
/// </summary>
internal static class OfferedFixes
{
    public static async Task<IReadOnlyList<string>> TitlesAsync(string source, CodeFixProvider provider, string id)
    {
        Assert.Contains(id, provider.FixableDiagnosticIds);
        var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("TestProject", "TestProject", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(GeneratorHarness.CompilationOptions)
            .WithMetadataReferences(TestReferences.All)
            .AddDocument("Source0.cs", source);
        AnalyzedRun result = await GeneratorHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);
        Assert.Empty(result.Exceptions);
        Diagnostic diagnostic = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == id);

        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.Select(action => action.Title).ToList();
    }
}
