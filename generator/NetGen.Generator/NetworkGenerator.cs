using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Emission;
using NetGen.Generator.Extraction;
using NetGen.Generator.Model;
using NetGen.Generator.Options;
using NetGen.Generator.Planning;
using NetGen.Generator.Validation;

namespace NetGen.Generator;

/// <summary>
/// The incremental generator: extraction (every class with <c>[Network]</c> read into a value-equatable
/// <see cref="NetworkDeclaration"/>) → validation (only a declaration without an error goes on; the analyzers
/// report the errors) → planning (<see cref="NetworkPlanner"/>, with the build options) → emission
/// (<see cref="NetworkEmitter"/>) into <c>Namespace.Class.g.cs</c>, a hint name unique in the project.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    private static readonly string Version = typeof(NetworkGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ExtractionResult> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Network,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => Extract(context, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations);

        IncrementalValuesProvider<ExtractionResult> generatable = declarations
            .Where(static result => result.Failure is not null || (result.Declaration is { } d && NetworkRules.CanGenerate(d)))
            .WithTrackingName(TrackingNames.Generatable);

        // Every generated type's identity, so that each network's hint name can be made unique among them.
        IncrementalValueProvider<EquatableArray<string>> identities = generatable
            .Select(static (result, _) => result.Declaration is { } d ? HintNames.Identity(d.Hierarchy) : string.Empty)
            .Collect()
            .Select(static (all, _) => new EquatableArray<string>(all.Where(i => i.Length > 0).OrderBy(i => i, StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.HintNames);

        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        context.RegisterSourceOutput(
            generatable.Combine(options).Combine(identities),
            static (context, input) => Emit(context, input.Left.Left, input.Left.Right, input.Right));
    }

    private static ExtractionResult Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        string name = context.TargetSymbol.Name;
        try
        {
            return context.TargetSymbol is INamedTypeSymbol type
                ? new ExtractionResult(name, NetworkDeclarationReader.Read(type, cancellationToken), null)
                : new ExtractionResult(name, null, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ExtractionResult(name, null, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static void Emit(SourceProductionContext context, ExtractionResult result, GeneratorOptions options, EquatableArray<string> identities)
    {
        try
        {
            if (result.Failure is not null)
            {
                throw new InvalidOperationException(result.Failure);
            }

            NetworkDeclaration declaration = result.Declaration!;
            NetworkPlan plan = NetworkPlanner.Plan(declaration, options);
            context.AddSource(HintNames.For(declaration.Hierarchy, identities), NetworkEmitter.Emit(plan, Version));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, result.ClassName, exception.Message));
        }
    }
}
