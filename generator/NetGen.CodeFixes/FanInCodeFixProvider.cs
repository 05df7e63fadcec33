using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;

namespace NetGen.CodeFixes;

/// <summary>NG0011: sets the declared fan-in (<c>Inputs = n</c>) to the previous layer's width, or removes it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FanInCodeFixProvider))]
[Shared]
public sealed class FanInCodeFixProvider : CodeFixProvider
{
    private const string RemoveTitle = "Remove the declared fan-in (Inputs)";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FanInMismatch);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { NameEquals: not null } argument)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.PreviousWidth, out string? text)
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int width))
            {
                string setTitle = "Set Inputs to the previous layer's width";
                context.RegisterCodeFix(
                    CodeAction.Create(setTitle, token => SetAsync(context.Document, argument, width, token), equivalenceKey: setTitle),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(RemoveTitle, token => RemoveAsync(context.Document, argument, token), equivalenceKey: RemoveTitle),
                diagnostic);
        }
    }

    private static async Task<Document> SetAsync(Document document, AttributeArgumentSyntax argument, int width, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        ExpressionSyntax value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(width))
            .WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument, argument.WithExpression(value)));
    }

    private static async Task<Document> RemoveAsync(Document document, AttributeArgumentSyntax argument, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia) is { } fixedRoot
            ? document.WithSyntaxRoot(fixedRoot)
            : document;
    }
}
