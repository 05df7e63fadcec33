using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>Applies a code fix the way an IDE does: analyzer diagnostics of a document in an AdhocWorkspace, then the chosen action's changes.</summary>
internal static class CodeFixRunner
{
    /// <summary>The titles <paramref name="provider"/> offers for the one <paramref name="id"/> diagnostic in <paramref name="source"/>.</summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(string source, CodeFixProvider provider, string id) =>
        (await ActionsAsync(CreateDocument(source), provider, id)).Select(action => action.Title).ToList();

    /// <summary>The source after applying the action titled <paramref name="title"/> to the one <paramref name="id"/> diagnostic.</summary>
    public static async Task<string> ApplyAsync(string source, CodeFixProvider provider, string id, string title)
    {
        Document document = CreateDocument(source);
        IReadOnlyList<CodeAction> actions = await ActionsAsync(document, provider, id);
        CodeAction action = Assert.Single(actions, a => a.Title == title);
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        Document changed = apply.ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }

    private static async Task<IReadOnlyList<CodeAction>> ActionsAsync(Document document, CodeFixProvider provider, string id)
    {
        Assert.Contains(id, provider.FixableDiagnosticIds);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        NetworkCompilation result = await NetworkCompilation.RunAsync(compilation);
        Assert.Empty(result.Exceptions);
        Diagnostic diagnostic = Assert.Single(result.AnalyzerDiagnostics, d => d.Id == id);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.CurrentSolution
            .AddProject("TestProject", "TestProject", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(NetworkCompilation.ParseOptions)
            .WithMetadataReferences(TestReferences.All);
        return project.AddDocument("Source0.cs", source);
    }
}
