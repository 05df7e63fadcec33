using System;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Runtime;
using NetGen.Onnx.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Onnx.Tests.Export;

/// <summary>
/// ONNX Runtime 1.31's CPU provider has no double kernel for LeakyRelu, Elu and Softplus. A double network with one of
/// them is still exported as DOUBLE (a valid model other runtimes may run); ONNX Runtime refuses to open it, naming the
/// node. docs/onnx.md's way round it: load the file into the float twin of the class and export that.
/// </summary>
public sealed class DoublePrecisionTests(ITestOutputHelper output)
{
    [Fact]
    public void Onnx_runtime_refuses_double_LeakyRelu_Elu_and_Softplus_naming_the_node()
    {
        AssertRefused<SmallLeakyReLUDouble>("LeakyRelu", "layers.0.leakyrelu");
        AssertRefused<SmallELUDouble>("Elu", "layers.0.elu");
        AssertRefused<SmallSoftplusDouble>("Softplus", "layers.0.softplus");
    }

    [Fact]
    public void The_float_twin_of_a_double_network_runs_in_onnx_runtime_with_float_accuracy()
    {
        Difference leaky = ViaFloatTwin<SmallLeakyReLUDouble, SmallLeakyReLUFloat>().Max(ViaFloatTwin<WideLeakyReLUDouble, WideLeakyReLUFloat>());
        Difference elu = ViaFloatTwin<SmallELUDouble, SmallELUFloat>().Max(ViaFloatTwin<WideELUDouble, WideELUFloat>());
        Difference softplus = ViaFloatTwin<SmallSoftplusDouble, SmallSoftplusFloat>().Max(ViaFloatTwin<WideSoftplusDouble, WideSoftplusFloat>());
        output.WriteLine($"LeakyReLU {leaky}, ELU {elu}, Softplus {softplus}");

        // The float file rounds every weight to float, so the double network's outputs are matched to float precision.
        Assert.True(leaky.MaxRelative < 1e-5, leaky.ToString());
        Assert.True(elu.MaxRelative < 1e-5, elu.ToString());
        Assert.True(softplus.MaxRelative < 1e-5, softplus.ToString());
    }

    private static void AssertRefused<TNet>(string op, string node)
        where TNet : INetwork<double>, new()
    {
        var network = new TNet();
        byte[] model = RuntimeComparison.Export<TNet, double>(network);
        var error = Assert.Throws<OnnxRuntimeException>(() => OnnxRuntimeRunner.Run(model, new double[TNet.InputSize], 1, TNet.InputSize));
        Assert.Contains("NotImplemented", error.Message, StringComparison.Ordinal);
        Assert.Contains(op, error.Message, StringComparison.Ordinal);
        Assert.Contains(node, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Exports the double network, loads the file into the float twin, exports that and runs it against the double Forward.</summary>
    private static Difference ViaFloatTwin<TDouble, TFloat>()
        where TDouble : INetwork<double>, new()
        where TFloat : INetwork<float>, new()
    {
        var network = new TDouble();
        TestParameters.Randomize<TDouble, double>(network, 5);
        var twin = new TFloat();
        OnnxModel.Load<TFloat, float>(twin, new System.IO.MemoryStream(RuntimeComparison.Export<TDouble, double>(network)));
        byte[] model = RuntimeComparison.Export<TFloat, float>(twin);

        double worst = 0;
        foreach (int batch in new[] { 1, 7 })
        {
            double[] inputs = TestParameters.Inputs<double>(batch * TDouble.InputSize, batch);
            float[] actual = OnnxRuntimeRunner.Run(model, Array.ConvertAll(inputs, x => (float)x), batch, TDouble.InputSize);
            var expected = new double[TDouble.OutputSize];
            for (int s = 0; s < batch; s++)
            {
                network.Forward(inputs.AsSpan(s * TDouble.InputSize, TDouble.InputSize), expected);
                double scale = Math.Max(1e-3, Math.Abs(expected[Array.IndexOf(expected, MaxAbs(expected))]));
                for (int i = 0; i < expected.Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(actual[s * TDouble.OutputSize + i] - expected[i]) / scale);
                }
            }
        }

        return new Difference(double.NaN, worst);
    }

    private static double MaxAbs(double[] values)
    {
        double best = values[0];
        foreach (double v in values)
        {
            best = Math.Abs(v) > Math.Abs(best) ? v : best;
        }

        return best;
    }
}
