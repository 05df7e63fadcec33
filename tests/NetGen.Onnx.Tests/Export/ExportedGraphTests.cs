using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using NetGen.Onnx.Tests.Networks;
using NetGen.Onnx.Tests.Support;
using Xunit;

namespace NetGen.Onnx.Tests.Export;

/// <summary>What an exported file holds, read with the tests' own protobuf decoder and with ONNX Runtime's metadata.</summary>
public sealed class ExportedGraphTests
{
    // onnx.proto field numbers.
    private const int ModelIrVersion = 1, ModelProducerName = 2, ModelProducerVersion = 3, ModelDocString = 6, ModelGraph = 7, ModelOpset = 8, ModelMetadata = 14;
    private const int GraphNode = 1, GraphInitializer = 5;
    private const int NodeInput = 1, NodeOutput = 2, NodeOpType = 4, NodeAttribute = 5;

    [Fact]
    public void The_model_header_names_netgen_its_version_ir_7_opset_13_and_the_architecture()
    {
        var model = new ProtoFields(RuntimeComparison.Export<MixedNet, float>(new MixedNet()));

        Assert.Equal(7, model.Int(ModelIrVersion));
        Assert.Equal("NetGen", model.String(ModelProducerName));
        Assert.Equal("0.1.0", model.String(ModelProducerVersion));
        ProtoFields opset = model.Message(ModelOpset);
        Assert.Equal("", opset.String(1));
        Assert.Equal(13, opset.Int(2));
        const string Architecture = "input 4 → Dense 8 (Tanh) → Dense 6 (ReLU) → Dense 3 (Softmax); loss: CategoricalCrossEntropy; float.";
        Assert.Equal(Architecture, model.String(ModelDocString));
        var metadata = model.Messages(ModelMetadata).ToDictionary(e => e.String(1), e => e.String(2));
        Assert.Equal(Architecture, metadata["netgen.architecture"]);
        Assert.Equal("CategoricalCrossEntropy", metadata["netgen.loss"]);
        Assert.Equal("float", metadata["netgen.precision"]);
        Assert.Equal("MixedNet", metadata["netgen.network"]);
    }

    [Fact]
    public void One_gemm_per_layer_then_its_activation_and_no_dropout()
    {
        ProtoFields graph = new ProtoFields(RuntimeComparison.Export<MixedNet, float>(new MixedNet())).Message(ModelGraph);
        ProtoFields[] nodes = graph.Messages(GraphNode).ToArray();

        Assert.Equal(new[] { "Gemm", "Tanh", "Gemm", "Relu", "Gemm", "Softmax" }, nodes.Select(n => n.String(NodeOpType)));
        Assert.Equal(new[] { "input", "layers.0.weight", "layers.0.bias" }, nodes[0].Strings(NodeInput));
        ProtoFields transB = nodes[0].Messages(NodeAttribute).Single();
        Assert.Equal("transB", transB.String(1));
        Assert.Equal(1, transB.Int(3));
        ProtoFields axis = nodes[5].Messages(NodeAttribute).Single();
        Assert.Equal(("axis", 1L), (axis.String(1), axis.Int(3)));
        Assert.Equal("output", nodes[5].String(NodeOutput));

        var shapes = graph.Messages(GraphInitializer).ToDictionary(t => t.String(8), t => t.Ints(1).ToArray());
        Assert.Equal(new long[] { 8, 4 }, shapes["layers.0.weight"]);
        Assert.Equal(new long[] { 8 }, shapes["layers.0.bias"]);
        Assert.Equal(new long[] { 6, 8 }, shapes["layers.1.weight"]);
        Assert.Equal(new long[] { 3, 6 }, shapes["layers.2.weight"]);
        Assert.Equal(6, shapes.Count);
    }

    [Fact]
    public void Alpha_step_and_linear_have_their_operators()
    {
        ProtoFields[] leaky = Nodes(RuntimeComparison.Export<SmallLeakyReLUFloat, float>(new SmallLeakyReLUFloat()));
        Assert.Equal(new[] { "Gemm", "LeakyRelu", "Gemm", "LeakyRelu" }, leaky.Select(n => n.String(NodeOpType)));
        Assert.Equal(0.2f, leaky[1].Messages(NodeAttribute).Single().Float(2));

        ProtoFields[] elu = Nodes(RuntimeComparison.Export<SmallELUDouble, double>(new SmallELUDouble()));
        Assert.Equal(0.5f, elu[1].Messages(NodeAttribute).Single().Float(2));

        ProtoFields[] step = Nodes(RuntimeComparison.Export<SmallStepDouble, double>(new SmallStepDouble()));
        Assert.Equal(new[] { "Gemm", "Greater", "Cast", "Gemm", "Greater", "Cast" }, step.Select(n => n.String(NodeOpType)));
        Assert.Equal(11, step[2].Messages(NodeAttribute).Single().Int(3)); // Cast to DOUBLE

        ProtoFields[] linear = Nodes(RuntimeComparison.Export<SmallLinearFloat, float>(new SmallLinearFloat()));
        Assert.Equal(new[] { "Gemm", "Identity", "Gemm", "Identity" }, linear.Select(n => n.String(NodeOpType)));

        ProtoFields[] maxout = Nodes(RuntimeComparison.Export<MaxoutHiddenNet<float>, float>(new MaxoutHiddenNet<float>()));
        Assert.Equal(new[] { "Gemm", "Reshape", "ReduceMax", "Gemm", "Identity" }, maxout.Select(n => n.String(NodeOpType)));
    }

    [Fact]
    public void The_batch_dimension_is_symbolic_and_the_types_follow_the_precision()
    {
        using var single = new InferenceSession(RuntimeComparison.Export<WideSoftmaxFloat, float>(new WideSoftmaxFloat()));
        NodeMetadata input = single.InputMetadata["input"];
        Assert.Equal(new[] { -1, 64 }, input.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal(typeof(float), input.ElementType);
        Assert.Equal(new[] { -1, 10 }, single.OutputMetadata["output"].Dimensions);
        Assert.Equal("NetGen", single.ModelMetadata.ProducerName);
        Assert.Equal("WideSoftmaxFloat", single.ModelMetadata.GraphName);

        using var @double = new InferenceSession(RuntimeComparison.Export<WideSoftmaxDouble, double>(new WideSoftmaxDouble()));
        Assert.Equal(typeof(double), @double.InputMetadata["input"].ElementType);
        Assert.Equal("double", @double.ModelMetadata.CustomMetadataMap["netgen.precision"]);
    }

    private static ProtoFields[] Nodes(byte[] model) => new ProtoFields(model).Message(ModelGraph).Messages(GraphNode).ToArray();
}
