using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Generator.Analyzers;

/// <summary>
/// The length of an argument that is written as an array creation, a <c>stackalloc</c> or a
/// collection expression whose element count is fixed at compile time; null for anything else.
/// </summary>
internal static class CompileTimeLength
{
    public static int? Of(IOperation value)
    {
        IOperation operation = value;
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        switch (operation)
        {
            case IArrayCreationOperation array when array.DimensionSizes.Length == 1:
                return array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int length }
                    ? length
                    : array.Initializer?.ElementValues.Length;
        }

        // Collection expressions and stackalloc have no operation of their own in the Roslyn the
        // generator builds against, so they are read from the syntax.
        return OfSyntax(operation.Syntax, operation.SemanticModel);
    }

    private static int? OfSyntax(SyntaxNode syntax, SemanticModel? model)
    {
        while (syntax is ParenthesizedExpressionSyntax parenthesized)
        {
            syntax = parenthesized.Expression;
        }

        switch (syntax)
        {
            case StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax type } stackAlloc:
                if (type.RankSpecifiers.Count == 1
                    && type.RankSpecifiers[0].Sizes.Count == 1
                    && type.RankSpecifiers[0].Sizes[0] is not OmittedArraySizeExpressionSyntax
                    && model?.GetConstantValue(type.RankSpecifiers[0].Sizes[0]) is { HasValue: true, Value: int length })
                {
                    return length;
                }

                return stackAlloc.Initializer?.Expressions.Count;

            case ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc:
                return implicitStackAlloc.Initializer.Expressions.Count;

            case CollectionExpressionSyntax collection:
                foreach (CollectionElementSyntax element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax)
                    {
                        return null; // a spread: its length is known at run time only
                    }
                }

                return collection.Elements.Count;

            default:
                return null;
        }
    }
}
