using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// The JIT compiles a method over 60,000 IL bytes (or 20,000 IL instructions, 2,000 locals, …) with
/// MinOpts, i.e. unoptimised, and never recompiles it (docs/performance.md §4). With the default
/// unroll limits every generated method must stay far below that; checked on the IL the compiler emits,
/// for the largest networks the defaults still unroll and for looped ones.
/// </summary>
public sealed class MethodSizeTests
{
    private const int Budget = 20_000; // IL bytes: a third of the JIT's limit

    private const string Source = """
        using NetGen;
        namespace Sizes;

        // 128 weights with a fan-in of 16: the largest single-layer network the defaults unroll.
        [Network(Loss.MeanSquaredError, Optimizer = Optimizer.Adam)] [Input(16)] [Dense(8, Activation.Tanh)] public partial class WideUnrolled;

        // 128 weights over eight layers: the most hidden deltas the defaults unroll.
        [Network(Loss.MeanSquaredError)] [Input(4)]
        [Dense(4, Activation.Tanh)] [Dense(4, Activation.Tanh)] [Dense(4, Activation.Tanh)] [Dense(4, Activation.Tanh)]
        [Dense(4, Activation.Tanh)] [Dense(4, Activation.Tanh)] [Dense(4, Activation.Tanh)] [Dense(4, Activation.Linear)]
        public partial class DeepUnrolled;

        // Fan-in 17: layer 1 one step over the default limit, so through the kernels; layer 2 written out.
        [Network(Loss.MeanSquaredError)] [Input(17)] [Dense(8, Activation.Tanh)] [Dense(1, Activation.Linear)] public partial class JustOverTheLimit;

        // Layers of 32, 64, 64, 64, 64 and 8 weights, 296 in all, so the kernels carry it: layer 1 takes 32 of the 64
        // weights a mixed network writes out, 2–5 would pass that and loop, layer 6 fits in what is left.
        [Network(Loss.MeanSquaredError, Optimizer = Optimizer.Momentum)] [Input(4)]
        [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)]
        [Dense(1, Activation.Linear)]
        public partial class AtTheBudget;

        // The same with SGD: written-out layers update each parameter in place.
        [Network(Loss.MeanSquaredError)] [Input(4)]
        [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)] [Dense(8, Activation.Tanh)]
        [Dense(1, Activation.Linear)]
        public partial class AtTheBudgetSgd;

        // Looped: MNIST-sized layers.
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(784)] [Dense(128, Activation.ReLU)] [Dropout(0.2)] [Dense(10, Activation.Softmax)] public partial class MnistLooped;
        """;

    [Theory]
    [InlineData("WideUnrolled", "")]
    [InlineData("DeepUnrolled", "")]
    [InlineData("JustOverTheLimit", "1")]
    [InlineData("AtTheBudget", "2 3 4 5")]
    [InlineData("AtTheBudgetSgd", "2 3 4 5")]
    [InlineData("MnistLooped", "1 2")]
    public void Every_generated_method_stays_far_below_the_JITs_size_limits(string network, string loopedLayers)
    {
        Type type = GeneratorHarness.CompileAndLoad(Source).GetType("Sizes." + network)!;
        var sizes = type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.GetMethodBody() is not null)
            .GroupBy(m => m.Name + "(" + m.GetParameters().Length + ")") // overloads of one arity (SaveOnnx(path)/SaveOnnx(stream)): the larger
            .ToDictionary(g => g.Key, g => g.Max(m => m.GetMethodBody()!.GetILAsByteArray()!.Length));

        Assert.Contains("TrainStep(2)", sizes.Keys);
        Assert.All(sizes, pair => Assert.True(pair.Value < Budget, $"{network}.{pair.Key}: {pair.Value} IL bytes"));

        // The strategy the test is about: exactly these layers compute aˡ = Wˡoˡ⁻¹ with the SIMD kernel.
        string source = GeneratorHarness.Run(Source).Sources.Single(s => s.HintName == "Sizes." + network + ".g.cs").Text;
        string forward = source.Substring(source.IndexOf("public void Forward(", StringComparison.Ordinal));
        forward = forward.Substring(0, forward.IndexOf("public ", 1, StringComparison.Ordinal));
        string looped = string.Join(" ", Regex.Matches(forward, @"VectorMath\.Multiply<float>\(w\.Slice\(W\d+Offset, W\d+Length\), \d+, \w+, a(\d+)\)")
            .Select(m => m.Groups[1].Value));
        Assert.Equal(loopedLayers, looped);
    }
}
