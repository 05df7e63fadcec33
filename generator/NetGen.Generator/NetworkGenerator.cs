using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emission;
using NetGen.Generator.Extraction;
using NetGen.Generator.Model;
using NetGen.Generator.Validation;

namespace NetGen.Generator;

/// <summary>
/// Finds every class with <c>[Network]</c>, reads its attributes into a value-equatable
/// <see cref="NetworkDeclaration"/>, and for a valid one emits <c>Namespace.Class.g.cs</c> with the
/// unrolled forward and backward code. Invalid declarations are left to the analyzers.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    private static readonly string Version = typeof(NetworkGenerator).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<DeclarationResult> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Network,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) => Read(context, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations);

        IncrementalValuesProvider<DeclarationResult> generatable = declarations
            .Where(static result => result.Failure is not null || (result.Declaration is { } d && NetworkRules.CanGenerate(d)))
            .WithTrackingName(TrackingNames.Generatable);

        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => new GeneratorOptions(
                ReadInt(provider.GlobalOptions, GeneratorLimits.UnrollMaxWeightsProperty, GeneratorLimits.UnrollMaxWeights),
                ReadInt(provider.GlobalOptions, GeneratorLimits.UnrollMaxFanInProperty, GeneratorLimits.UnrollMaxFanIn)))
            .WithTrackingName(TrackingNames.Options);

        context.RegisterSourceOutput(generatable.Combine(options), static (context, input) => Emit(context, input.Left, input.Right));
    }

    private static int ReadInt(AnalyzerConfigOptions options, string property, int fallback) =>
        options.TryGetValue(property, out string? text)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : fallback;

    private static DeclarationResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        string name = context.TargetSymbol.Name;
        try
        {
            return context.TargetSymbol is INamedTypeSymbol type
                ? new DeclarationResult(name, NetworkDeclarationReader.Read(type, cancellationToken), null)
                : new DeclarationResult(name, null, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new DeclarationResult(name, null, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static void Emit(SourceProductionContext context, DeclarationResult result, GeneratorOptions options)
    {
        try
        {
            if (result.Failure is not null)
            {
                throw new InvalidOperationException(result.Failure);
            }

            NetworkDeclaration declaration = result.Declaration!;
            string source = NetworkEmitter.Emit(NetworkPlan.Create(declaration, options), Version);
            context.AddSource(declaration.Hierarchy.FullName + ".g.cs", source);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.UnexpectedFailure, Location.None, result.ClassName, exception.Message));
        }
    }
}
