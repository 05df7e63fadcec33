using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using NetGen.Generator.Diagnostics;

namespace NetGen.CodeFixes;

/// <summary>
/// NG0019–NG0021: changes the output activation to the one that matches the loss, or the loss to
/// the one that matches the output activation. The analyzer puts the matching members in the
/// diagnostic's properties (only where the change leaves a valid layer) and the loss argument in its
/// additional locations.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PairingCodeFixProvider))]
[Shared]
public sealed class PairingCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PairingError, DiagnosticIds.PairingWarning, DiagnosticIds.PairingInfo);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.MatchingActivation, out string? activation)
                && activation is not null
                && ArgumentAt(root, diagnostic.Location) is { } activationArgument)
            {
                string title = "Change the output activation to " + activation;
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ReplaceAsync(context.Document, activationArgument, "Activation", activation, token), equivalenceKey: title),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.MatchingLoss, out string? loss)
                && loss is not null
                && diagnostic.AdditionalLocations.Count > 0
                && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree
                && ArgumentAt(root, diagnostic.AdditionalLocations[0]) is { } lossArgument)
            {
                string title = "Change the loss to " + loss;
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ReplaceAsync(context.Document, lossArgument, "Loss", loss, token), equivalenceKey: title),
                    diagnostic);
            }
        }
    }

    private static AttributeArgumentSyntax? ArgumentAt(SyntaxNode root, Location location) =>
        location.IsInSource && location.SourceSpan.End <= root.FullSpan.End
            ? root.FindNode(location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>()
            : null;

    private static async Task<Document> ReplaceAsync(Document document, AttributeArgumentSyntax argument, string enumName, string member, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        ExpressionSyntax value = argument.Expression switch
        {
            // Activation.Tanh, NetGen.Activation.Tanh: keep the qualification, change the member.
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name)),

            // Tanh (with "using static NetGen.Activation").
            IdentifierNameSyntax identifier => SyntaxFactory.IdentifierName(member).WithTriviaFrom(identifier),

            // Anything else: a fully qualified name the simplifier shortens where the usings allow.
            _ => SyntaxFactory.ParseExpression("global::NetGen." + enumName + "." + member)
                .WithTriviaFrom(argument.Expression)
                .WithAdditionalAnnotations(Simplifier.Annotation),
        };

        Document changed = document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, value));
        return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
