using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Mathematics;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// NG0023: code that uses a training member (<c>Backward</c>, <c>TrainStep</c>…) of a network the
/// generator made inference-only because of a Step layer. The member does not exist, so the
/// compiler reports CS1061 too; this says why.
/// </summary>
internal static class TrainingMemberAnalysis
{
    public static void Analyze(SyntaxNodeAnalysisContext context, NetworkDeclarationCache declarations)
    {
        (SimpleNameSyntax? name, ExpressionSyntax? receiver) = context.Node switch
        {
            MemberAccessExpressionSyntax access => (access.Name, access.Expression),
            MemberBindingExpressionSyntax binding => (binding.Name, (binding.Parent?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>())?.Expression),
            IdentifierNameSyntax identifier when IsUnqualified(identifier) => (identifier, null),
            _ => (null, null),
        };

        if (name is null
            || !IsTrainingMember(name.Identifier.ValueText)
            || context.SemanticModel.GetSymbolInfo(name, context.CancellationToken) is { Symbol: not null } or { CandidateSymbols.Length: > 0 })
        {
            return;
        }

        INamedTypeSymbol? type = receiver is null
            ? context.ContainingSymbol?.ContainingType ?? context.ContainingSymbol as INamedTypeSymbol
            : context.SemanticModel.GetTypeInfo(receiver, context.CancellationToken).Type as INamedTypeSymbol;
        if (type is null
            || declarations.Get(type, context.CancellationToken) is not { } declaration
            || !NetworkRules.CanGenerate(declaration))
        {
            return;
        }

        NumberedLayer? step = declaration.ParameterLayers()
            .FirstOrDefault(l => l.Layer is DenseDeclaration dense && !ActivationFacts.IsDifferentiable(dense.Activation));
        if (step is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TrainingMemberOnInferenceOnly,
            name.GetLocation(),
            type.Name,
            step.Number.ToString(CultureInfo.InvariantCulture),
            name.Identifier.ValueText));
    }

    private static bool IsTrainingMember(string name) =>
        name is "Backward" or "BackwardBatch" or "TrainStep" or "ApplyGradients" or "ResetOptimizerState" or "Hyperparameters" or "OptimizerAlgorithm";

    /// <summary>A bare name inside the network's own code (not the right-hand side of <c>a.b</c> or <c>?.b</c>).</summary>
    private static bool IsUnqualified(IdentifierNameSyntax identifier) =>
        identifier.Parent is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or QualifiedNameSyntax);
}
