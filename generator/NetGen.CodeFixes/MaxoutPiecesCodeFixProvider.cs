using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;

namespace NetGen.CodeFixes;

/// <summary>NG0033: gives a Maxout layer the least number of pieces it can have, 2.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaxoutPiecesCodeFixProvider))]
[Shared]
public sealed class MaxoutPiecesCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use 2 pieces per unit";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MaxoutPieces);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>() is { NameEquals: null } argument)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, token => SetAsync(context.Document, argument, token), equivalenceKey: Title), diagnostic);
            }
        }
    }

    private static async Task<Document> SetAsync(Document document, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        ExpressionSyntax two = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(2)).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(two)));
    }
}
