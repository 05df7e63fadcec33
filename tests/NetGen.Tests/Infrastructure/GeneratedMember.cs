using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// One member of a generated file, found by syntax, so that a test can check Forward, Backward or
/// TrainStep alone: a change to one member then fails (and asks to be reviewed in) the tests of that member.
/// </summary>
internal sealed class GeneratedMember
{
    private GeneratedMember(MemberDeclarationSyntax syntax) => Syntax = syntax;

    public MemberDeclarationSyntax Syntax { get; }

    /// <summary>The member as written, doc comment included.</summary>
    public string Text => Syntax.ToFullString();

    /// <summary>The one method named <paramref name="name"/> with <paramref name="parameters"/> parameters in <paramref name="source"/>.</summary>
    public static GeneratedMember Method(string source, string name, int parameters) =>
        new(Members(source).OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name && m.ParameterList.Parameters.Count == parameters));

    /// <summary>The value of the <c>const int</c> field <paramref name="name"/>.</summary>
    public static int Constant(string source, string name)
    {
        VariableDeclaratorSyntax variable = Members(source).OfType<FieldDeclarationSyntax>()
            .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(f => f.Declaration.Variables)
            .Single(v => v.Identifier.Text == name);
        return (int)((LiteralExpressionSyntax)variable.Initializer!.Value).Token.Value!;
    }

    /// <summary>Every <c>span[constant]</c> of the member, in source order, with whether it is written (the left side of an assignment).</summary>
    public IReadOnlyList<(int Index, bool Written, int Position)> ConstantIndices(string span) =>
        Syntax.DescendantNodes().OfType<ElementAccessExpressionSyntax>()
            .Where(e => e.Expression is IdentifierNameSyntax { Identifier.Text: var name } && name == span)
            .Where(e => e.ArgumentList.Arguments.Count == 1 && e.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax)
            .Select(e => (
                (int)((LiteralExpressionSyntax)e.ArgumentList.Arguments[0].Expression).Token.Value!,
                e.Parent is AssignmentExpressionSyntax assignment && assignment.Left == e,
                e.SpanStart))
            .ToList();

    /// <summary>The invocations of a method whose name ends with <paramref name="method"/> (e.g. <c>VectorMath.Multiply</c>).</summary>
    public IReadOnlyList<InvocationExpressionSyntax> Calls(string method) =>
        Syntax.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => Name(i.Expression).EndsWith(method, StringComparison.Ordinal))
            .ToList();

    /// <summary>The names of the locals the member declares.</summary>
    public IReadOnlySet<string> Locals() =>
        Syntax.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.Text).ToHashSet(StringComparer.Ordinal);

    private static string Name(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } access => access.Expression + "." + generic.Identifier.Text,
        MemberAccessExpressionSyntax access => access.ToString(),
        _ => expression.ToString(),
    };

    /// <summary>The network class's members: the innermost class of the file that is not the nested BatchScratch.</summary>
    private static IEnumerable<MemberDeclarationSyntax> Members(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Last(c => c.Identifier.Text != "BatchScratch").Members;
}
