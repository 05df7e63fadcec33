using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Options;
using NetGen.Generator.Planning;
using NetGen.Generator.Validation;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// NG0025: a call of a generated <c>Forward</c>, <c>Backward</c>, <c>ComputeLoss</c> or <c>TrainStep</c>
/// with an argument whose length is known at compile time and differs from the size it must have.
/// </summary>
internal static class ArgumentLengthAnalysis
{
    public static void Analyze(OperationAnalysisContext context, NetworkDeclarationCache declarations)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsStatic
            || method.Name is not ("Forward" or "Backward" or "ComputeLoss" or "TrainStep")
            || declarations.Get(method.ContainingType, context.CancellationToken) is not { } declaration
            || !NetworkRules.CanGenerate(declaration))
        {
            return;
        }

        NetworkPlan sizes = NetworkPlanner.Plan(declaration, GeneratorOptions.Default);
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is not { Type.Name: "Span" or "ReadOnlySpan" } parameter
                || Expected(parameter.Name, sizes) is not { } expected
                || CompileTimeLength.Of(argument.Value) is not { } actual
                || actual == expected.Length)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ArgumentLength,
                argument.Syntax.GetLocation(),
                method.ContainingType.Name + "." + method.Name,
                parameter.Name,
                Text(expected.Length),
                expected.Constant,
                Text(actual)));
        }
    }

    private static (long Length, string Constant)? Expected(string parameter, NetworkPlan sizes) => parameter switch
    {
        "input" => (sizes.InputSize, "InputSize"),
        "output" or "target" => (sizes.OutputSize, "OutputSize"),
        "gradient" => (sizes.ParameterCount, "ParameterCount"),
        _ => null,
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
