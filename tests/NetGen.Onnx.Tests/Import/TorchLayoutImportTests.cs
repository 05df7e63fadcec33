using System;
using System.IO;
using NetGen.Onnx.Tests.Export;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;
using static NetGen.Onnx.Tests.Support.OnnxFileBuilder;

namespace NetGen.Onnx.Tests.Import;

/// <summary>
/// Files in the layout torch.onnx.export writes for an nn.Sequential of nn.Linear and activations (built by hand: no
/// PyTorch here) load into the matching declaration with exactly the weights they hold, and ONNX Runtime, reading the
/// same file, agrees with the loaded network's Forward.
/// </summary>
public sealed class TorchLayoutImportTests
{
    public static TheoryData<LinearForm, Storage> Layouts()
    {
        var data = new TheoryData<LinearForm, Storage>();
        foreach (LinearForm form in Enum.GetValues<LinearForm>())
        {
            foreach (Storage storage in Enum.GetValues<Storage>())
            {
                data.Add(form, storage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_torch_classifier_loads_with_its_weights(LinearForm form, Storage storage)
    {
        TorchSequential torch = TorchSequential.Build(4, TorchSequential.Classifier, form, storage);
        var network = new MixedSigmoidNet();

        network.LoadOnnx(new MemoryStream(torch.File));

        Assert.Equal(Array.ConvertAll(torch.Parameters, x => (float)x), TestParameters.Of<MixedSigmoidNet, float>(network));
        if (storage is Storage.RawFloat or Storage.TypedFloat)
        {
            Difference difference = RuntimeComparison.Compare<MixedSigmoidNet, float>(network, torch.File, 7, 1);
            Assert.True(difference.MaxRelative <= 1e-6, difference.ToString());
        }
    }

    public static TheoryData<string> Activations => new(ActivationCases.Keys);

    private static readonly System.Collections.Generic.Dictionary<string, Action> ActivationCases = new()
    {
        ["none (Linear)"] = () => LoadsAndAgrees<SmallLinearFloat>(new TorchActivation(null)),
        ["Sigmoid"] = () => LoadsAndAgrees<SmallSigmoidFloat>(new TorchActivation("Sigmoid")),
        ["Tanh"] = () => LoadsAndAgrees<SmallTanhFloat>(new TorchActivation("Tanh")),
        ["Relu"] = () => LoadsAndAgrees<SmallReLUFloat>(new TorchActivation("Relu")),
        ["LeakyRelu α 0.2"] = () => LoadsAndAgrees<SmallLeakyReLUFloat>(new TorchActivation("LeakyRelu", FloatAttribute("alpha", 0.2f))),
        ["LeakyRelu, default α"] = () => LoadsAndAgrees<DefaultLeakyNet>(new TorchActivation("LeakyRelu"), 4, 8),
        ["Elu α 0.5"] = () => LoadsAndAgrees<SmallELUFloat>(new TorchActivation("Elu", FloatAttribute("alpha", 0.5f))),
        ["Softplus"] = () => LoadsAndAgrees<SmallSoftplusFloat>(new TorchActivation("Softplus")),
        ["Exp"] = () => LoadsAndAgrees<SmallExponentialFloat>(new TorchActivation("Exp")),
        ["Softmax axis -1"] = () => LoadsAndAgrees<SmallSoftmaxFloat>(new TorchActivation("Softmax", IntAttribute("axis", -1))),
        ["Identity"] = () => LoadsAndAgrees<SmallLinearFloat>(new TorchActivation("Identity")),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Every_activation_module_loads_as_hidden_and_output_layer(string activation) => ActivationCases[activation]();

    [Fact]
    public void Step_as_a_Constant_zero_Greater_and_Cast_loads()
    {
        var random = new Random(8);
        double[] w0 = Values(random, 12), b0 = Values(random, 4), w1 = Values(random, 12), b1 = Values(random, 3);
        var builder = new OnnxFileBuilder()
            .Input("input", 3)
            .Initializer("0.weight", new long[] { 4, 3 }, w0).Initializer("0.bias", new long[] { 4 }, b0)
            .Initializer("1.weight", new long[] { 3, 4 }, w1).Initializer("1.bias", new long[] { 3 }, b1)
            .Output("output", 3);
        string current = "input";
        for (int l = 0; l < 2; l++)
        {
            builder
                .Node("Gemm", $"/{l}/Gemm", new[] { current, $"{l}.weight", $"{l}.bias" }, $"/{l}/Gemm_output_0", IntAttribute("transB", 1))
                .Node("Constant", $"/{l}/Constant", Array.Empty<string>(), $"/{l}/Constant_output_0",
                    TensorAttribute("value", Tensor("", Array.Empty<long>(), new[] { 0.0 }, Storage.RawFloat)))
                .Node("Greater", $"/{l}/Greater", new[] { $"/{l}/Gemm_output_0", $"/{l}/Constant_output_0" }, $"/{l}/Greater_output_0")
                .Node("Cast", $"/{l}/Cast", new[] { $"/{l}/Greater_output_0" }, l == 1 ? "output" : $"/{l}/Cast_output_0", IntAttribute("to", 1));
            current = $"/{l}/Cast_output_0";
        }

        byte[] file = builder.Build();
        var network = new SmallStepFloat();
        network.LoadOnnx(new MemoryStream(file));

        Assert.Equal(Array.ConvertAll(Concat(w0, b0, w1, b1), x => (float)x), TestParameters.Of<SmallStepFloat, float>(network));
        Assert.Equal(0, RuntimeComparison.Compare<SmallStepFloat, float>(network, file, 7, 2).MaxAbsolute);
    }

    [Fact]
    public void Initializers_listed_as_inputs_Flatten_Identity_on_a_weight_and_Dropout_are_read_through()
    {
        // keep_initializers_as_inputs=True lists every parameter among the graph inputs (IR < 4 style); nn.Flatten
        // becomes Flatten(axis = 1); a shared weight is read through an Identity; an old export keeps a Dropout node.
        var random = new Random(9);
        double[] w0 = Values(random, 32), b0 = Values(random, 8), w1 = Values(random, 48), b1 = Values(random, 6), w2 = Values(random, 18), b2 = Values(random, 3);
        byte[] file = new OnnxFileBuilder { IrVersion = 3, Opset = 9 }
            .Input("input", 4).Input("0.weight", 4).Input("0.bias", 8)
            .Initializer("0.weight", new long[] { 8, 4 }, w0).Initializer("0.bias", new long[] { 8 }, b0)
            .Initializer("2.weight", new long[] { 6, 8 }, w1).Initializer("2.bias", new long[] { 6 }, b1)
            .Initializer("4.weight", new long[] { 3, 6 }, w2).Initializer("4.bias", new long[] { 3 }, b2)
            .Node("Flatten", "/flatten/Flatten", new[] { "input" }, "/flatten/Flatten_output_0", IntAttribute("axis", 1))
            .Node("Gemm", "/0/Gemm", new[] { "/flatten/Flatten_output_0", "0.weight", "0.bias" }, "/0/Gemm_output_0", IntAttribute("transB", 1))
            .Node("Tanh", "/1/Tanh", new[] { "/0/Gemm_output_0" }, "/1/Tanh_output_0")
            .Node("Dropout", "/d/Dropout", new[] { "/1/Tanh_output_0" }, "/d/Dropout_output_0", FloatAttribute("ratio", 0.5f))
            .Node("Identity", "Identity_7", new[] { "2.weight" }, "shared.weight")
            .Node("Gemm", "/2/Gemm", new[] { "/d/Dropout_output_0", "shared.weight", "2.bias" }, "/2/Gemm_output_0", IntAttribute("transB", 1))
            .Node("Relu", "/3/Relu", new[] { "/2/Gemm_output_0" }, "/3/Relu_output_0")
            .Node("Gemm", "/4/Gemm", new[] { "/3/Relu_output_0", "4.weight", "4.bias" }, "/4/Gemm_output_0", IntAttribute("transB", 1))
            .Node("Softmax", "/5/Softmax", new[] { "/4/Gemm_output_0" }, "output", IntAttribute("axis", 1))
            .Output("output", 3)
            .Build();
        var network = new MixedNet();

        network.LoadOnnx(new MemoryStream(file));

        Assert.Equal(Array.ConvertAll(Concat(w0, b0, w1, b1, w2, b2), x => (float)x), TestParameters.Of<MixedNet, float>(network));
    }

    private static void LoadsAndAgrees<TNet>(TorchActivation activation, int inputs = 3, int hidden = 4)
        where TNet : INetwork<float>, new()
    {
        foreach (LinearForm form in Enum.GetValues<LinearForm>())
        {
            var layers = new[] { (hidden, activation), (TNet.OutputSize, activation) };
            if (typeof(TNet) == typeof(DefaultLeakyNet))
            {
                layers[1] = (TNet.OutputSize, new TorchActivation(null));
            }

            TorchSequential torch = TorchSequential.Build(inputs, layers, form);
            var network = new TNet();
            OnnxModel.Load<TNet, float>(network, new MemoryStream(torch.File));

            Assert.Equal(Array.ConvertAll(torch.Parameters, x => (float)x), TestParameters.Of<TNet, float>(network));
            Difference difference = RuntimeComparison.Compare<TNet, float>(network, torch.File, 7, 4);
            Assert.True(difference.MaxRelative <= 1e-6, $"{typeof(TNet).Name} {form}: {difference}");
        }
    }

    private static double[] Values(Random random, int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Math.Round(random.NextDouble() - 0.5, 6);
        }

        return values;
    }

    private static double[] Concat(params double[][] parts)
    {
        var all = new System.Collections.Generic.List<double>();
        foreach (double[] part in parts)
        {
            all.AddRange(part);
        }

        return all.ToArray();
    }
}
