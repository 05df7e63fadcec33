using System;
using System.IO;
using System.Numerics;
using NetGen.Onnx.Tests.Runtime;
using NetGen.Onnx.Tests.Support;

namespace NetGen.Onnx.Tests.Export;

/// <summary>The largest difference between ONNX Runtime's output for an exported network and the network's own Forward.</summary>
/// <param name="MaxAbsolute">max |ort − forward| over every output of every sample.</param>
/// <param name="MaxRelative">
/// max |ort − forward| relative to the larger of the sample's largest output |forward| and the size κ = Σⱼ|Wᵢⱼoⱼ| + |bᵢ|
/// of the output's sum (<see cref="DotProductCondition"/>; at least <see cref="RuntimeComparison.RelativeFloor"/>): a ReLU
/// output of 0.01 comes from sums of terms near 1 and carries their rounding. For an Exponential output, relative to
/// the output itself and divided by max(1, κ): eᵃ turns a's absolute error into its own relative error.
/// </param>
public readonly record struct Difference(double MaxAbsolute, double MaxRelative)
{
    public Difference Max(Difference other) => new(Math.Max(MaxAbsolute, other.MaxAbsolute), Math.Max(MaxRelative, other.MaxRelative));
}

/// <summary>Exports a network, runs the file in ONNX Runtime and compares sample by sample with Forward.</summary>
public static class RuntimeComparison
{
    /// <summary>
    /// Outputs smaller than this are compared as if they were this large: a value that is 0 in one and 1e−30 in the
    /// other (a Softmax or Sigmoid tail) is not a relative error of 1.
    /// </summary>
    public const double RelativeFloor = 1e-3;

    public static byte[] Export<TNet, T>(TNet network)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var stream = new MemoryStream();
        OnnxModel.Save<TNet, T>(network, stream);
        return stream.ToArray();
    }

    /// <summary>The difference at batch sizes 1 and 7 for a network initialised from <paramref name="seed"/>.</summary>
    public static Difference Measure<TNet, T>(int seed)
        where TNet : INetwork<T>, new()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var network = new TNet();
        TestParameters.Randomize<TNet, T>(network, seed);
        byte[] model = Export<TNet, T>(network);
        Difference one = Compare<TNet, T>(network, model, 1, seed + 1);
        return one.Max(Compare<TNet, T>(network, model, 7, seed + 2));
    }

    public static Difference Compare<TNet, T>(TNet network, byte[] model, int batch, int seed)
        where TNet : INetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] inputs = TestParameters.Inputs<T>(batch * TNet.InputSize, seed);
        T[] actual = OnnxRuntimeRunner.Run(model, inputs, batch, TNet.InputSize);
        if (actual.Length != batch * TNet.OutputSize)
        {
            throw new InvalidOperationException($"ONNX Runtime returned {actual.Length} values for {batch} samples of {TNet.OutputSize}.");
        }

        bool exponential = TNet.Layers[^1] is { Kind: LayerKind.Dense, Activation: Activation.Exponential };
        var expected = new T[TNet.OutputSize];
        T[] parameters = TestParameters.Of<TNet, T>(network);
        double absolute = 0;
        double relative = 0;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> sample = inputs.AsSpan(s * TNet.InputSize, TNet.InputSize);
            network.Forward(sample, expected);
            double[] kappa = DotProductCondition.OfLastLayer<TNet, T>(parameters, sample);
            double scale = RelativeFloor;
            foreach (T e in expected)
            {
                scale = Math.Max(scale, Math.Abs(double.CreateChecked(e)));
            }

            for (int i = 0; i < expected.Length; i++)
            {
                double e = double.CreateChecked(expected[i]);
                double a = double.CreateChecked(actual[s * TNet.OutputSize + i]);
                double d = Math.Abs(a - e);
                if (!double.IsFinite(a) || !double.IsFinite(e))
                {
                    d = double.PositiveInfinity;
                }

                absolute = Math.Max(absolute, d);
                // o = eᵃ turns an absolute error in a into the same relative error in o, and a's absolute error is a few
                // ε·κ in any float implementation: κ = Σ|wo| reaches 50 in the 64-32-10 network.
                double bound = exponential ? Math.Max(Math.Abs(e), RelativeFloor) * Math.Max(1, kappa[i]) : Math.Max(scale, kappa[i]);
                relative = Math.Max(relative, d / bound);
            }
        }

        return new Difference(absolute, relative);
    }
}
