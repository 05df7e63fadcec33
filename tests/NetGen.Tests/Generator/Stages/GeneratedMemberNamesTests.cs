using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Planning;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>
/// The names validation protects (NG0029, NG0031) are the names the emitter writes: every member declared in a
/// generated class is in <see cref="GeneratedMemberNames.For"/> of its declaration, for every strategy, optimizer,
/// loss and dropout combination below.
/// </summary>
public sealed class GeneratedMemberNamesTests
{
    public static TheoryData<string> Networks => new()
    {
        "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Linear)]",
        "[Network(Loss.Huber, Optimizer = Optimizer.Adam)] [Input(2)] [Dense(3, Activation.ELU)] [Dropout(0.1)] [Dense(2, Activation.Linear)]",
        "[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.RmsProp)] [Input(64)] [Dense(32, Activation.ReLU)] [Dropout(0.5)] [Dense(10, Activation.Softmax)]",
        "[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Momentum)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Sigmoid)]",
        "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(2, Activation.Step)] [Dense(1, Activation.Linear)]",
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Every_generated_member_is_a_protected_name(string declaration)
    {
        string source = declaration + " public partial class Net;";
        HashSet<string> protectedNames = GeneratedMemberNames.For(Declarations.Of(source));
        string generated = GeneratorHarness.Run("using NetGen;\n" + source).Sources.Single().Text;

        List<string> declared = DeclaredMembers(generated).ToList();
        Assert.NotEmpty(declared);
        Assert.All(declared, name => Assert.Contains(name, protectedNames));
    }

    [Fact]
    public void Protected_names_include_each_layers_size_and_offsets()
    {
        HashSet<string> names = GeneratedMemberNames.For(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(2, Activation.Tanh)] [Dense(1, Activation.Linear)] public partial class Net;"));

        Assert.Superset(new HashSet<string> { "Layer1Size", "Layer2Size", "W1Offset", "W2Length", "B2Offset", "Forward", "TrainStep", "_w", "_step" }, names);
        Assert.DoesNotContain("Layer3Size", names);
        Assert.DoesNotContain("_m", names); // SGD keeps no moments
        Assert.DoesNotContain("LogFloor", names); // MSE takes no logarithm
    }

    /// <summary>Names of the members of the network class itself (not of its nested storage struct, not explicit interface implementations).</summary>
    private static IEnumerable<string> DeclaredMembers(string generated)
    {
        ClassDeclarationSyntax network = CSharpSyntaxTree.ParseText(generated).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().First();
        foreach (MemberDeclarationSyntax member in network.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method:
                    yield return method.Identifier.ValueText;
                    break;
                case PropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property:
                    yield return property.Identifier.ValueText;
                    break;
                case FieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        yield return variable.Identifier.ValueText;
                    }

                    break;
                case StructDeclarationSyntax nested:
                    yield return nested.Identifier.ValueText;
                    break;
            }
        }
    }
}
