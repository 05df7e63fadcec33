using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Generator.Diagnostics;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// Reports everything wrong with a network declaration while it is typed (validation's findings, and NG0032 for
/// layer attributes without [Network]), call sites whose argument lengths are known to be wrong (NG0025) and
/// training members used on an inference-only network (NG0023). The declaration checks are
/// <see cref="Validation.NetworkRules"/>, the same the generator uses to decide whether to emit, so the
/// generator stays quiet exactly where this analyzer reports an error.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (NetworkAttributeTypes.Resolve(start.Compilation) is not { } types)
            {
                return;
            }

            var declarations = new NetworkDeclarationCache(types);
            start.RegisterSymbolAction(symbol => DeclarationAnalysis.Analyze(symbol, declarations), SymbolKind.NamedType);
            start.RegisterSymbolAction(symbol => LayerWithoutNetworkAnalysis.Analyze(symbol, types), SymbolKind.NamedType);
            start.RegisterOperationAction(operation => ArgumentLengthAnalysis.Analyze(operation, declarations), OperationKind.Invocation);
            start.RegisterSyntaxNodeAction(
                node => TrainingMemberAnalysis.Analyze(node, declarations),
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxKind.MemberBindingExpression,
                SyntaxKind.IdentifierName);
        });
    }
}
