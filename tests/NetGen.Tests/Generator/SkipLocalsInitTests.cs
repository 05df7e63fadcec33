using System;
using System.Reflection;
using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// Generated code lives in the user's assembly, and performance-minded projects put
/// <c>[module: SkipLocalsInit]</c> on it: then <c>stackalloc</c> memory is not zeroed. Every buffer the generated
/// code adds into must be cleared by the code itself. Checked by filling the stack with NaN before each call and
/// comparing with the same networks compiled without the attribute.
/// </summary>
public sealed class SkipLocalsInitTests
{
    private const string Networks = """
        using NetGen;
        namespace Stack;

        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(40)] [Dense(30, Activation.ReLU)] [Dense(20, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class Looped;
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class WrittenOutAdam;
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Softmax)] public partial class MixedAdam;
        [Network(Loss.MeanSquaredError, Optimizer = Optimizer.Momentum)] [Input(40)] [Dense(30, Activation.ELU)] [Dense(2, Activation.Linear)] public partial class LoopedMomentum;
        """;

    private static readonly Lazy<Assembly> Zeroed = new(() => GeneratorHarness.CompileAndLoad(Networks));

    private static readonly Lazy<Assembly> NotZeroed = new(() => GeneratorHarness.CompileAndLoad(
        Networks, "[module: System.Runtime.CompilerServices.SkipLocalsInit]"));

    [Theory]
    [InlineData("Looped")]
    [InlineData("WrittenOutAdam")]
    [InlineData("MixedAdam")]
    [InlineData("LoopedMomentum")]
    public void Backward_TrainStep_and_BackwardBatch_do_not_read_stale_stack_memory(string name)
    {
        var reference = (ITrainableNetwork<float>)Activator.CreateInstance(Zeroed.Value.GetType("Stack." + name)!)!;
        var subject = (ITrainableNetwork<float>)Activator.CreateInstance(NotZeroed.Value.GetType("Stack." + name)!)!;
        int inputs = (int)reference.GetType().GetField("InputSize")!.GetRawConstantValue()!;
        int outputs = (int)reference.GetType().GetField("OutputSize")!.GetRawConstantValue()!;
        int count = (int)reference.GetType().GetField("ParameterCount")!.GetRawConstantValue()!;
        var random = new Random(7);
        for (int step = 0; step < 3; step++)
        {
            float[] x = new float[2 * inputs], y = new float[2 * outputs];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (float)(random.NextDouble() * 2 - 1);
            }

            y[random.Next(outputs)] = 1;
            y[outputs + random.Next(outputs)] = 1;

            float[] expected = new float[count], actual = new float[count];
            reference.Backward(x.AsSpan(0, inputs), y.AsSpan(0, outputs), expected);
            StalePoison.Fill();
            subject.Backward(x.AsSpan(0, inputs), y.AsSpan(0, outputs), actual);
            Assert.Equal(expected, actual);

            reference.BackwardBatch(x, y, expected);
            StalePoison.Fill();
            subject.BackwardBatch(x, y, actual);
            Assert.Equal(expected, actual);

            reference.TrainStep(x.AsSpan(0, inputs), y.AsSpan(0, outputs));
            StalePoison.Fill();
            subject.TrainStep(x.AsSpan(0, inputs), y.AsSpan(0, outputs));
            reference.GetParameters(expected);
            subject.GetParameters(actual);
            Assert.Equal(expected, actual);
        }
    }
}
