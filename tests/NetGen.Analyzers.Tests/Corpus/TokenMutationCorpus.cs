using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Analyzers.Tests.Corpus;

/// <summary>
/// Token-level mutations of a few valid declarations, as a seeded generator makes them: delete one
/// token, duplicate one, or swap two. The same seed gives the same cases on every run and machine.
/// </summary>
public static class TokenMutationCorpus
{
    private const int Seed = 20261201;
    private const int PerDeclaration = 16;

    private static readonly (string Name, string Source)[] Declarations =
    {
        ("xor", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(2, Activation.Sigmoid)]\n[Dense(1, Activation.Sigmoid)]\npublic partial class XorNet;\n"),
        ("iris", "using NetGen;\nnamespace Demo;\n[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]\n[Input(4)]\n[Dense(16, Activation.Tanh)]\n[Dropout(0.25)]\n[Dense(3, Activation.Softmax)]\npublic partial class IrisNet;\n"),
        ("nested", "using NetGen;\nnamespace Demo\n{\n    public static partial class Models\n    {\n        [Network(Loss.Huber, HuberDelta = 0.5, Precision = Precision.Double)]\n        [Input(3)]\n        [Dense(4, Activation.LeakyReLU, Alpha = 0.1)]\n        [Dense(2, Activation.Linear, Inputs = 4)]\n        internal sealed partial class HuberNet { public HuberNet(int seed) => InitializeParameters(seed); }\n    }\n}\n"),
        ("call", "using NetGen;\n[Network(Loss.MeanSquaredError)]\n[Input(2)]\n[Dense(3, Activation.ReLU)]\n[Dense(1, Activation.Linear)]\npublic partial class Net;\npublic static class Use { public static float M(Net n) { var o = new float[Net.OutputSize]; n.Forward(new float[] { 1, 2 }, o); return n.TrainStep(new float[2], o); } }\n"),
    };

    public static IEnumerable<CorpusCase> All()
    {
        var random = new Random(Seed);
        foreach ((string name, string source) in Declarations)
        {
            SyntaxToken[] tokens = SyntaxFactory.ParseTokens(source).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int made = 0;
            while (made < PerDeclaration)
            {
                int i = random.Next(tokens.Length);
                int j = random.Next(tokens.Length);
                (string what, string mutated) = random.Next(3) switch
                {
                    0 => ("delete '" + tokens[i].Text + "' (token " + i + ")", Join(tokens.Where((_, k) => k != i))),
                    1 => ("duplicate '" + tokens[i].Text + "' (token " + i + ")", Join(tokens.SelectMany((t, k) => k == i ? new[] { t, t } : new[] { t }))),
                    _ => ("swap '" + tokens[i].Text + "' and '" + tokens[j].Text + "' (tokens " + i + ", " + j + ")", Join(tokens.Select((t, k) => k == i ? tokens[j].WithTriviaFrom(t) : k == j ? tokens[i].WithTriviaFrom(t) : t))),
                };
                if (mutated != source && seen.Add(mutated))
                {
                    made++;
                    yield return new CorpusCase("mutation: " + name + " #" + made + ", " + what, mutated, CorpusExpectation.RejectedOrValid);
                }
            }
        }
    }

    private static string Join(IEnumerable<SyntaxToken> tokens)
    {
        var text = new StringBuilder();
        foreach (SyntaxToken token in tokens)
        {
            // Keep tokens apart where the original had no trivia between them, so a deletion does not fuse two words.
            if (text.Length > 0 && !token.HasLeadingTrivia && char.IsLetterOrDigit(text[^1]) && token.Text.Length > 0 && char.IsLetterOrDigit(token.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(token.ToFullString());
        }

        return text.ToString();
    }
}
