using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Onnx.Tests.Support;

/// <summary>How torch.onnx.export spells nn.Linear.</summary>
public enum LinearForm
{
    /// <summary>Gemm(x, "k.weight" [out, in], "k.bias", transB = 1): the TorchScript exporter for a 2-D input.</summary>
    Gemm,

    /// <summary>MatMul(x, "onnx::MatMul_n" [in, out]) then Add(·, "k.bias"): the weight stored transposed.</summary>
    MatMulAdd,

    /// <summary>As <see cref="MatMulAdd"/>, with the bias as Add's first input.</summary>
    MatMulAddBiasFirst,

    /// <summary>Transpose("k.weight") then MatMul and Add: the dynamo exporter before constant folding.</summary>
    TransposeMatMulAdd,
}

/// <summary>One module after an nn.Linear: the ONNX node torch writes for it (op null: no activation module).</summary>
public sealed record TorchActivation(string? Op, params ProtoBuilder[] Attributes);

/// <summary>
/// A hand-built ONNX file for an nn.Sequential of nn.Linear layers, each followed by an activation module, with
/// seeded weights; <see cref="Parameters"/> is what the file holds in math.md's flat order (W [out, in] row-major,
/// then b, per layer), worked out here from the values written, not by NetGen.
/// </summary>
public sealed class TorchSequential
{
    private TorchSequential(byte[] file, double[] parameters)
    {
        File = file;
        Parameters = parameters;
    }

    /// <summary>nn.Sequential(Linear(4, 8), Tanh(), Linear(8, 6), Sigmoid(), Linear(6, 3), Softmax(dim=1)) after 4 inputs: MixedSigmoidNet.</summary>
    public static (int Units, TorchActivation Activation)[] Classifier =>
        new[]
        {
            (8, new TorchActivation("Tanh")),
            (6, new TorchActivation("Sigmoid")),
            (3, new TorchActivation("Softmax", OnnxFileBuilder.IntAttribute("axis", 1))),
        };

    public byte[] File { get; }

    public double[] Parameters { get; }

    public static TorchSequential Build(int inputs, (int Units, TorchActivation Activation)[] layers, LinearForm form, Storage storage = Storage.RawFloat, int seed = 3)
    {
        var random = new Random(seed);
        var builder = new OnnxFileBuilder();
        var flat = new List<double>();
        string current = "input";
        int module = 0;
        int width = inputs;
        builder.Input("input", inputs);
        for (int l = 0; l < layers.Length; l++)
        {
            (int units, TorchActivation activation) = layers[l];
            bool last = l == layers.Length - 1;
            var w = new double[units * width];
            var b = new double[units];
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = Math.Round(random.NextDouble() - 0.5, 6);
            }

            for (int i = 0; i < b.Length; i++)
            {
                b[i] = Math.Round(random.NextDouble() - 0.5, 6);
            }

            flat.AddRange(w);
            flat.AddRange(b);
            string m = module.ToString(CultureInfo.InvariantCulture);
            string affine = last && activation.Op is null ? "output" : $"/{m}/{(form == LinearForm.Gemm ? "Gemm" : "Add")}_output_0";
            builder.Initializer(m + ".bias", new long[] { units }, b, storage);
            switch (form)
            {
                case LinearForm.Gemm:
                    builder.Initializer(m + ".weight", new long[] { units, width }, w, storage);
                    builder.Node("Gemm", $"/{m}/Gemm", new[] { current, m + ".weight", m + ".bias" }, affine,
                        OnnxFileBuilder.FloatAttribute("alpha", 1), OnnxFileBuilder.FloatAttribute("beta", 1), OnnxFileBuilder.IntAttribute("transB", 1));
                    break;
                case LinearForm.TransposeMatMulAdd:
                    builder.Initializer(m + ".weight", new long[] { units, width }, w, storage);
                    builder.Node("Transpose", $"/{m}/Transpose", new[] { m + ".weight" }, $"/{m}/Transpose_output_0", OnnxFileBuilder.IntsAttribute("perm", 1, 0));
                    builder.Node("MatMul", $"/{m}/MatMul", new[] { current, $"/{m}/Transpose_output_0" }, $"/{m}/MatMul_output_0");
                    builder.Node("Add", $"/{m}/Add", new[] { $"/{m}/MatMul_output_0", m + ".bias" }, affine);
                    break;
                default:
                    var transposed = new double[w.Length];
                    for (int i = 0; i < units; i++)
                    {
                        for (int j = 0; j < width; j++)
                        {
                            transposed[j * units + i] = w[i * width + j];
                        }
                    }

                    string name = "onnx::MatMul_" + (100 + l).ToString(CultureInfo.InvariantCulture);
                    builder.Initializer(name, new long[] { width, units }, transposed, storage);
                    builder.Node("MatMul", $"/{m}/MatMul", new[] { current, name }, $"/{m}/MatMul_output_0");
                    string[] addInputs = form == LinearForm.MatMulAddBiasFirst
                        ? new[] { m + ".bias", $"/{m}/MatMul_output_0" }
                        : new[] { $"/{m}/MatMul_output_0", m + ".bias" };
                    builder.Node("Add", $"/{m}/Add", addInputs, affine);
                    break;
            }

            current = affine;
            module++;
            if (activation.Op is { } op)
            {
                string m2 = module.ToString(CultureInfo.InvariantCulture);
                string output = last ? "output" : $"/{m2}/{op}_output_0";
                builder.Node(op, $"/{m2}/{op}", new[] { current }, output, activation.Attributes);
                current = output;
                module++;
            }

            width = units;
        }

        builder.Output("output", width);
        return new TorchSequential(builder.Build(), flat.ToArray());
    }
}
