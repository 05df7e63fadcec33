using System;
using System.Linq;
using NetGen.Tests.Numerics;
using Xunit;

namespace NetGen.Tests.Maxout;

/// <summary>
/// Maxout rows of the gradient table: Backward against central finite differences on every parameter, hidden and
/// output, written out, mixed and on the kernels. Random parameters and inputs keep the pieces of a unit apart
/// (a tie closer than h would make the derivative one-sided; math.md).
/// </summary>
public sealed class MaxoutGradientTests
{
    public static TheoryData<string> Networks => new()
    {
        nameof(HiddenMaxoutSmall), nameof(HiddenMaxoutMixed), nameof(HiddenMaxoutKernels), nameof(StackedMaxout),
        nameof(OutputMaxoutMse), nameof(OutputMaxoutMae), nameof(OutputMaxoutHuber), nameof(OutputMaxoutHinge), nameof(OutputMaxoutKernels),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Backward_agrees_with_finite_differences(string name)
    {
        var network = (ITrainableNetwork<double>)Activator.CreateInstance(typeof(MaxoutGradientTests).Assembly.GetType("NetGen.Tests.Maxout." + name)!)!;
        int count = (int)network.GetType().GetField("ParameterCount")!.GetRawConstantValue()!;
        int inputs = (int)network.GetType().GetField("InputSize")!.GetRawConstantValue()!;
        int outputs = (int)network.GetType().GetField("OutputSize")!.GetRawConstantValue()!;
        var random = new Random(name.Length * 7919 + count);
        network.SetParameters(Enumerable.Range(0, count).Select(_ => random.NextDouble() * 1.6 - 0.8).ToArray());

        for (int sample = 0; sample < 2; sample++)
        {
            double[] input = Enumerable.Range(0, inputs).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            double[] target = name.Contains("Hinge", StringComparison.Ordinal)
                ? Enumerable.Range(0, outputs).Select(_ => random.Next(2) == 0 ? -1.0 : 1.0).ToArray()
                : name == nameof(HiddenMaxoutMixed)
                    ? Enumerable.Range(0, outputs).Select(i => i == sample ? 1.0 : 0.0).ToArray()
                    : Enumerable.Range(0, outputs).Select(_ => random.NextDouble()).ToArray();

            var analytic = new double[count];
            double returned = network.Backward(input, target, analytic);
            double[] numeric = FiniteDifferences.Gradient(network, count, input, target);

            Assert.Equal(FiniteDifferences.Loss(network, input, target), returned, 1e-12);
            var failures = Enumerable.Range(0, count)
                .Where(k => !FiniteDifferences.Agree(analytic[k], numeric[k], returned))
                .Select(k => $"θ[{k}]: Backward {analytic[k]:R}, finite differences {numeric[k]:R}")
                .ToList();
            Assert.True(failures.Count == 0, $"{name}, sample {sample}:\n" + string.Join("\n", failures));
            Assert.Contains(analytic, g => g != 0); // something was learned
        }
    }
}
