using NetGen.Tests.Infrastructure;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// The generated source is the product users read: each of these networks' files is committed as a
/// verified snapshot and compared byte for byte. Read a changed snapshot as a user would.
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    private static GeneratorRun Generate(string declaration) =>
        GeneratorHarness.Run("using NetGen;\n\nnamespace Demo;\n\n" + declaration);

    [Fact]
    public void Xor_2_2_1_sigmoid_mean_squared_error() => Snapshot.Verify(Generate("""
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(2, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class XorNet;
        """));

    [Fact]
    public void Sheet_3_2_1_sigmoid_binary_cross_entropy() => Snapshot.Verify(Generate("""
        [Network(Loss.BinaryCrossEntropy)]
        [Input(3)]
        [Dense(2, Activation.Sigmoid)]
        [Dense(1, Activation.Sigmoid)]
        public partial class SheetNet;
        """));

    [Fact]
    public void Iris_4_16_3_tanh_softmax_categorical_cross_entropy_adam() => Snapshot.Verify(Generate("""
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
        [Input(4)]
        [Dense(16, Activation.Tanh)]
        [Dense(3, Activation.Softmax)]
        public partial class IrisNet;
        """));

    [Fact]
    public void Regression_1_8_1_relu_linear_mean_squared_error_double() => Snapshot.Verify(Generate("""
        [Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Momentum)]
        [Input(1)]
        [Dense(8, Activation.ReLU)]
        [Dense(1, Activation.Linear)]
        public partial class SineNet;
        """));

    [Fact]
    public void Mean_absolute_error_leaky_relu_hidden() => Snapshot.Verify(Generate("""
        [Network(Loss.MeanAbsoluteError)]
        [Input(2)]
        [Dense(3, Activation.LeakyReLU, Alpha = 0.1)]
        [Dense(1, Activation.Linear)]
        public partial class MaeNet;
        """));

    [Fact]
    public void Huber_elu_hidden() => Snapshot.Verify(Generate("""
        [Network(Loss.Huber, HuberDelta = 0.5, Optimizer = Optimizer.RmsProp)]
        [Input(2)]
        [Dense(3, Activation.ELU)]
        [Dense(2, Activation.Linear)]
        public partial class HuberNet;
        """));

    [Fact]
    public void KL_divergence_softplus_hidden_softmax_output() => Snapshot.Verify(Generate("""
        [Network(Loss.KLDivergence)]
        [Input(2)]
        [Dense(3, Activation.Softplus)]
        [Dense(3, Activation.Softmax)]
        public partial class KlNet;
        """));

    [Fact]
    public void Hinge_tanh_output() => Snapshot.Verify(Generate("""
        [Network(Loss.Hinge)]
        [Input(2)]
        [Dense(3, Activation.ReLU)]
        [Dense(1, Activation.Tanh)]
        public partial class HingeNet;
        """));

    [Fact]
    public void Poisson_exponential_output() => Snapshot.Verify(Generate("""
        [Network(Loss.Poisson)]
        [Input(2)]
        [Dense(3, Activation.Tanh)]
        [Dense(1, Activation.Exponential)]
        public partial class CountNet;
        """));

    [Fact]
    public void Softmax_output_with_binary_cross_entropy_uses_the_jacobian() => Snapshot.Verify(Generate("""
        [Network(Loss.BinaryCrossEntropy)]
        [Input(2)]
        [Dense(3, Activation.Softmax)]
        public partial class MultiLabelNet;
        """));

    [Fact]
    public void Step_layer_is_inference_only() => Snapshot.Verify(Generate("""
        [Network(Loss.MeanSquaredError)]
        [Input(2)]
        [Dense(2, Activation.Step)]
        [Dense(1, Activation.Linear)]
        public partial class GateNet;
        """));

    [Fact]
    public void Digits_64_32_10_relu_softmax_uses_loops_above_the_unroll_threshold() => Snapshot.Verify(Generate("""
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
        [Input(64)]
        [Dense(32, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        public partial class DigitsNet;
        """));

    [Fact]
    public void Dropout_after_a_hidden_layer() => Snapshot.Verify(Generate("""
        [Network(Loss.CategoricalCrossEntropy)]
        [Input(3)]
        [Dense(4, Activation.ReLU)]
        [Dropout(0.5)]
        [Dense(2, Activation.Softmax)]
        public partial class DropoutNet;
        """));

    [Fact]
    public void Dropout_in_a_looped_network() => Snapshot.Verify(Generate("""
        [Network(Loss.MeanSquaredError)]
        [Input(40)]
        [Dense(30, Activation.Tanh)]
        [Dropout(0.25)]
        [Dense(2, Activation.Linear)]
        public partial class WideDropoutNet;
        """));

    [Fact]
    public void Mixed_strategy_written_out_small_layers_and_kernels_for_a_wide_one() => Snapshot.Verify(Generate("""
        [Network(Loss.BinaryCrossEntropy)]
        [Input(3)]
        [Dense(12, Activation.Tanh)]
        [Dropout(0.25)]
        [Dense(12, Activation.ReLU)]
        [Dense(2, Activation.Sigmoid)]
        public partial class MixedNet;
        """));

    [Fact]
    public void Nested_in_partial_types_in_the_global_namespace() => Snapshot.Verify(GeneratorHarness.Run("""
        using NetGen;

        public static partial class Models
        {
            public partial record Outer
            {
                [Network(Loss.MeanSquaredError)]
                [Input(1)]
                [Dense(1, Activation.Linear)]
                internal partial class TinyNet
                {
                    public TinyNet() => InitializeParameters(7);
                }
            }
        }
        """));

    [Fact]
    public void Maxout_hidden_layer_written_out() => Snapshot.Verify(Generate("""
        [Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
        [Input(4)]
        [Maxout(3, 2)]
        [Dropout(0.2)]
        [Dense(3, Activation.Softmax)]
        public partial class MaxoutIrisNet;
        """));

    [Fact]
    public void Maxout_output_layer_on_the_kernels() => Snapshot.Verify(Generate("""
        [Network(Loss.Huber)]
        [Input(20)]
        [Dense(18, Activation.ReLU)]
        [Maxout(4, 3)]
        public partial class MaxoutRegressionNet;
        """));
}
