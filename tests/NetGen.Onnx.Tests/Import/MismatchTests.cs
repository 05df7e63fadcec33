using System;
using System.IO;
using NetGen.Onnx.Tests.Export;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;
using static NetGen.Onnx.Tests.Support.OnnxFileBuilder;

namespace NetGen.Onnx.Tests.Import;

/// <summary>
/// A file that describes another network is refused with <see cref="OnnxFormatException"/> naming the node, what the
/// file has and what the class declares, and the network keeps every parameter.
/// </summary>
public sealed class MismatchTests
{
    private static readonly (int, TorchActivation)[] Classifier = TorchSequential.Classifier;

    [Fact]
    public void Another_number_of_layers()
    {
        byte[] file = RuntimeComparison.Export<DefaultLeakyNet, float>(new DefaultLeakyNet());
        Expect.Rejected<MixedSigmoidNet, float>(
            new MixedSigmoidNet(), file, "The file has 2 layers (Dense 8 (LeakyRelu (alpha = 0.01)) → Dense 3 (no activation (Linear)))", "MixedSigmoidNet declares 3 (Dense 8 (Tanh) → Dense 6 (Sigmoid) → Dense 3 (Softmax))");
    }

    [Fact]
    public void Another_layer_width()
    {
        byte[] file = TorchSequential.Build(4, new[] { (7, new TorchActivation("Tanh")), Classifier[1], Classifier[2] }, LinearForm.Gemm).File;
        OnnxFormatException error = Expect.Rejected<MixedSigmoidNet, float>(
            new MixedSigmoidNet(), file, "Layer 0 (nodes '/0/Gemm' (Gemm) to '/1/Tanh' (Tanh))", "'0.weight' maps 4 inputs to 7 values", "declares Dense 8 (Tanh) with 4 inputs");
        Assert.Equal("/0/Gemm", error.NodeName);
    }

    [Fact]
    public void Another_input_width()
    {
        byte[] file = RuntimeComparison.Export<WiderInputNet, float>(new WiderInputNet());
        OnnxFormatException error = Expect.Rejected<MixedSigmoidNet, float>(new MixedSigmoidNet(), file, "'input' has shape [?, 5]", "declares [batch, 4]");
        Assert.Equal("input", error.NodeName);
    }

    [Fact]
    public void Another_activation()
    {
        byte[] file = TorchSequential.Build(4, new[] { Classifier[0], (6, new TorchActivation("Relu")), Classifier[2] }, LinearForm.MatMulAdd).File;
        OnnxFormatException error = Expect.Rejected<MixedSigmoidNet, float>(
            new MixedSigmoidNet(), file, "Layer 1 (nodes '/2/MatMul' (MatMul) to '/3/Relu' (Relu))", "the file applies Relu", "declares Dense 6 (Sigmoid)");
        Assert.Equal("/3/Relu", error.NodeName);
    }

    [Fact]
    public void Another_alpha()
    {
        byte[] file = TorchSequential.Build(3, new[] { (4, new TorchActivation("LeakyRelu", FloatAttribute("alpha", 0.1f))), (3, new TorchActivation("LeakyRelu", FloatAttribute("alpha", 0.2f))) }, LinearForm.Gemm).File;
        Expect.Rejected<SmallLeakyReLUFloat, float>(new SmallLeakyReLUFloat(), file, "to '/1/LeakyRelu' (LeakyRelu))", "alpha = 0.1", "declares α = 0.2");
    }

    [Fact]
    public void The_default_alpha_of_the_file_against_a_declared_one()
    {
        byte[] file = TorchSequential.Build(3, new[] { (4, new TorchActivation("Elu")), (3, new TorchActivation("Elu")) }, LinearForm.Gemm).File;
        Expect.Rejected<SmallELUFloat, float>(new SmallELUFloat(), file, "Elu has alpha = 1", "declares α = 0.5");
    }

    [Fact]
    public void Logits_where_the_class_declares_a_softmax_output()
    {
        byte[] file = TorchSequential.Build(4, new[] { Classifier[0], Classifier[1], (3, new TorchActivation(null)) }, LinearForm.Gemm).File;
        Expect.Rejected<MixedSigmoidNet, float>(
            new MixedSigmoidNet(), file, "Layer 2 (node '/4/Gemm' (Gemm)): the file applies no activation (Linear)", "declares Dense 3 (Softmax)", "nn.Softmax(dim=1)");
    }

    [Fact]
    public void A_softmax_output_where_the_class_declares_logits()
    {
        byte[] file = TorchSequential.Build(4, new[] { Classifier[0], (6, new TorchActivation("Relu")), Classifier[2] }, LinearForm.Gemm).File;
        Expect.Rejected<MixedLogitsNet, float>(new MixedLogitsNet(), file, "to '/5/Softmax' (Softmax))", "the file applies Softmax", "declares Dense 3 (Linear)", "applies Softmax at the output");
    }

    [Fact]
    public void A_softmax_over_the_batch_axis()
    {
        byte[] file = TorchSequential.Build(4, new[] { Classifier[0], Classifier[1], (3, new TorchActivation("Softmax", IntAttribute("axis", 0))) }, LinearForm.Gemm).File;
        Expect.Rejected<MixedSigmoidNet, float>(new MixedSigmoidNet(), file, "'/5/Softmax' (Softmax)", "axis = 0");
    }

    [Fact]
    public void A_maxout_file_where_the_class_declares_a_dense_layer()
    {
        byte[] file = RuntimeComparison.Export<MaxoutHiddenNet<float>, float>(new MaxoutHiddenNet<float>());
        Expect.Rejected<SmallTanhFloat, float>(
            new SmallTanhFloat(), file, "Layer 0 (nodes 'layers.0.gemm' (Gemm) to 'layers.0.max' (ReduceMax))", "the file has a Maxout 4 × 3 pieces layer", "declares Dense 4 (Tanh)");
    }

    [Fact]
    public void A_maxout_file_with_other_pieces()
    {
        // The 12 rows MaxoutHiddenNet declares as 4 units × 3 pieces, reshaped to 6 units × 2 pieces.
        byte[] file = new OnnxFileBuilder()
            .Input("input", 3)
            .Initializer("0.weight", new long[] { 12, 3 }, new double[36]).Initializer("0.bias", new long[] { 12 }, new double[12])
            .Int64Initializer("shape", new long[] { -1, 6, 2 })
            .Initializer("1.weight", new long[] { 2, 6 }, new double[12]).Initializer("1.bias", new long[] { 2 }, new double[2])
            .Node("Gemm", "/0/Gemm", new[] { "input", "0.weight", "0.bias" }, "z", IntAttribute("transB", 1))
            .Node("Reshape", "/0/Reshape", new[] { "z", "shape" }, "pieces")
            .Node("ReduceMax", "/0/ReduceMax", new[] { "pieces" }, "o", IntsAttribute("axes", -1), IntAttribute("keepdims", 0))
            .Node("Gemm", "/1/Gemm", new[] { "o", "1.weight", "1.bias" }, "output", IntAttribute("transB", 1))
            .Output("output", 2)
            .Build();
        Expect.Rejected<MaxoutHiddenNet<float>, float>(
            new MaxoutHiddenNet<float>(), file, "'/0/ReduceMax' (ReduceMax)", "the file takes the max of 2 pieces for 6 units", "declares Maxout 4 × 3 pieces");
    }

    [Fact]
    public void An_unsupported_operator_is_named()
    {
        byte[] file = TorchSequential.Build(3, new[] { (4, new TorchActivation("Tanh")), (3, new TorchActivation("LogSoftmax", IntAttribute("axis", 1))) }, LinearForm.Gemm).File;
        OnnxFormatException error = Expect.Rejected<SmallSoftmaxFloat, float>(new SmallSoftmaxFloat(), file, "'/3/LogSoftmax' (LogSoftmax)", "LogSoftmax operator, which NetGen does not read", "Gemm, MatMul + Add");
        Assert.Equal("/3/LogSoftmax", error.NodeName);
    }

    [Fact]
    public void A_residual_branch_is_refused()
    {
        byte[] file = new OnnxFileBuilder()
            .Input("input", 3)
            .Initializer("0.weight", new long[] { 3, 3 }, new double[9]).Initializer("0.bias", new long[] { 3 }, new double[3])
            .Initializer("1.weight", new long[] { 3, 3 }, new double[9]).Initializer("1.bias", new long[] { 3 }, new double[3])
            .Node("Gemm", "/0/Gemm", new[] { "input", "0.weight", "0.bias" }, "a", IntAttribute("transB", 1))
            .Node("Add", "/skip/Add", new[] { "a", "input" }, "b")
            .Node("Gemm", "/1/Gemm", new[] { "b", "1.weight", "1.bias" }, "output", IntAttribute("transB", 1))
            .Output("output", 3)
            .Build();
        Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "'/skip/Add' (Add) reads 'a', 'input'");
    }

    [Fact]
    public void A_non_finite_weight_is_named_with_its_element()
    {
        double[] weights = new double[12];
        weights[7] = double.NaN;
        byte[] file = TwoGemms(weights);
        OnnxFormatException error = Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "Tensor '0.weight' holds NaN at element 7");
        Assert.Equal("0.weight", error.NodeName);
    }

    [Fact]
    public void A_double_weight_too_large_for_a_float_network()
    {
        double[] weights = new double[12];
        weights[3] = 1e300;
        byte[] file = TwoGemms(weights, Storage.TypedDouble);
        Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "'0.weight' holds 1E+300 at element 3, which is not a finite float");
    }

    [Fact]
    public void A_gemm_that_scales_is_refused()
    {
        byte[] file = new OnnxFileBuilder()
            .Input("input", 3)
            .Initializer("0.weight", new long[] { 3, 3 }, new double[9]).Initializer("0.bias", new long[] { 3 }, new double[3])
            .Node("Gemm", "/0/Gemm", new[] { "input", "0.weight", "0.bias" }, "output", FloatAttribute("alpha", 2), IntAttribute("transB", 1))
            .Output("output", 3)
            .Build();
        Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "'/0/Gemm' (Gemm) has alpha = 2");
    }

    [Fact]
    public void A_layer_whose_weight_is_computed_is_refused()
    {
        byte[] file = new OnnxFileBuilder()
            .Input("input", 3)
            .Node("MatMul", "/0/MatMul", new[] { "input", "input" }, "output")
            .Output("output", 3)
            .Build();
        Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "'/0/MatMul' (MatMul)");
    }

    [Fact]
    public void An_opset_outside_the_read_range()
    {
        byte[] file = new OnnxFileBuilder { Opset = 6 }.Input("input", 3).Output("input", 3).Build();
        Expect.Rejected<SmallLinearFloat, float>(new SmallLinearFloat(), file, "opset 6", "opsets 7 to 25");
    }

    [Fact]
    public void A_file_name_is_part_of_the_message()
    {
        string path = Path.Combine(Path.GetTempPath(), "netgen-" + Guid.NewGuid().ToString("N") + ".onnx");
        try
        {
            File.WriteAllBytes(path, RuntimeComparison.Export<SmallTanhFloat, float>(new SmallTanhFloat()));
            var network = new SmallReLUFloat();
            var error = Assert.Throws<OnnxFormatException>(() => network.LoadOnnx(path));
            Assert.StartsWith(Path.GetFileName(path) + ": ", error.Message, StringComparison.Ordinal);
            Assert.Equal(Path.GetFileName(path), error.FileName);
            Assert.Contains("'layers.0.tanh' (Tanh)", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
