using System.Linq;
using NetGen.Generator.Options;
using NetGen.Generator.Planning;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>
/// The batched members' plan: NetworkPlan.ForwardBatch is always matrix products; NetworkPlan.TrainBatch goes sample by
/// sample only for a network written out whole with at most 64 weights (GeneratorOptions.SampleBySampleTrainBatchMaxWeights),
/// matrix products otherwise; and per layer LayerPlan.BatchForward and BatchDelta, from the rules in NetworkPlanner's docs,
/// worked out here by hand: the output layer keeps A unless it is Linear, a hidden layer has f fused into the product,
/// Softmax and Maxout finish each row after it; a hidden Δ is routed to the winning pieces (Maxout), goes through the
/// softmax Jacobian (Softmax), is masked after the fused f′ (a Dropout follows), or is fused.
/// </summary>
public sealed class BatchPlanningTests
{
    [Theory]
    [InlineData("[Input(2)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)]", "SampleBySample")] // xor: 6 weights
    [InlineData("[Input(8)] [Dense(8, Activation.Tanh)]", "SampleBySample")] // 64 weights: the largest that goes sample by sample
    [InlineData("[Input(5)] [Dense(13, Activation.Tanh)]", "MatrixProducts")] // 65 weights, still written out whole
    [InlineData("[Input(8)] [Dense(16, Activation.Tanh)]", "MatrixProducts")] // 128 weights, fan-in 8: the largest written out whole
    [InlineData("[Input(8)] [Dense(16, Activation.Tanh)] [Dense(1, Activation.Linear)]", "MatrixProducts")] // 144 > 128: mixed
    [InlineData("[Input(17)] [Dense(2, Activation.Linear)]", "MatrixProducts")] // fan-in 17 > 16: kernels, 34 weights
    [InlineData("[Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Linear)]", "MatrixProducts")] // mixed
    [InlineData("[Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Linear)]", "MatrixProducts")] // digits: kernels
    [InlineData("[Input(3)] [Maxout(4, 3)] [Dense(2, Activation.Linear)]", "SampleBySample")] // 36 + 8 weights
    [InlineData("[Input(3)] [Maxout(16, 3)] [Dense(2, Activation.Linear)]", "MatrixProducts")] // 144 + 32 weights
    public void TrainBatch_strategy_follows_the_network_size(string layers, string expected)
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] " + layers);

        Assert.Equal(expected, plan.TrainBatch.ToString());
        Assert.Equal(BatchStrategy.MatrixProducts, plan.ForwardBatch);
        if (plan.TrainBatch == BatchStrategy.SampleBySample)
        {
            Assert.Equal(NetworkStrategy.WrittenOut, plan.Strategy); // only a network written out whole goes sample by sample
        }
    }

    // 2-4-3: 20 weights, fan-ins 2 and 4 (PlanningTests.The_options_move_the_limits): sample by sample only when written out whole.
    [Theory]
    [InlineData(20, 16, "SampleBySample")]
    [InlineData(19, 16, "MatrixProducts")]
    [InlineData(128, 3, "MatrixProducts")]
    [InlineData(0, 16, "MatrixProducts")]
    public void The_options_move_the_batch_strategy_with_the_layer_strategies(int maxWeights, int maxFanIn, string expected)
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(4, Activation.Tanh)] [Dense(3, Activation.Linear)]", new GeneratorOptions(maxWeights, maxFanIn));

        Assert.Equal(expected, plan.TrainBatch.ToString());
    }

    [Theory]
    [InlineData("Linear", "FusedActivation")]
    [InlineData("Sigmoid", "FusedActivation")]
    [InlineData("Tanh", "FusedActivation")]
    [InlineData("ReLU", "FusedActivation")]
    [InlineData("LeakyReLU", "FusedActivation")]
    [InlineData("ELU", "FusedActivation")]
    [InlineData("Softplus", "FusedActivation")]
    [InlineData("Exponential", "FusedActivation")]
    [InlineData("Step", "FusedActivation")]
    [InlineData("Softmax", "ProductThenSoftmax")]
    public void A_hidden_layer_fuses_its_activation_unless_softmax(string activation, string expected)
    {
        NetworkPlan plan = Plans.Of($"[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.{activation})] [Dense(2, Activation.Linear)]");

        Assert.Equal(expected, plan.Layers[0].BatchForward.ToString());
    }

    [Theory]
    [InlineData("Linear", "MeanSquaredError", "FusedActivation")] // A is O: nothing to keep
    [InlineData("Sigmoid", "BinaryCrossEntropy", "ProductThenActivation")]
    [InlineData("Tanh", "Hinge", "ProductThenActivation")]
    [InlineData("ReLU", "MeanSquaredError", "ProductThenActivation")]
    [InlineData("LeakyReLU", "MeanAbsoluteError", "ProductThenActivation")]
    [InlineData("ELU", "Huber", "ProductThenActivation")]
    [InlineData("Softplus", "Poisson", "ProductThenActivation")]
    [InlineData("Exponential", "Poisson", "ProductThenActivation")]
    [InlineData("Step", "MeanSquaredError", "ProductThenActivation")]
    [InlineData("Softmax", "CategoricalCrossEntropy", "ProductThenSoftmax")]
    public void The_output_layer_keeps_its_pre_activation_unless_linear(string activation, string loss, string expected)
    {
        NetworkPlan plan = Plans.Of($"[Network(Loss.{loss})] [Input(20)] [Dense(24, Activation.Tanh)] [Dense(3, Activation.{activation})]");

        Assert.Equal(expected, plan.Layers[1].BatchForward.ToString());
        Assert.Equal(BatchForwardForm.FusedActivation, plan.Layers[0].BatchForward);
    }

    [Theory]
    [InlineData("[Input(20)] [Maxout(6, 3)] [Dense(2, Activation.Linear)]", 0)] // hidden
    [InlineData("[Input(20)] [Maxout(6, 3)] [Dropout(0.5)] [Dense(2, Activation.Linear)]", 0)] // hidden, with dropout
    [InlineData("[Input(20)] [Dense(8, Activation.Tanh)] [Maxout(2, 4)]", 1)] // output
    public void A_maxout_layer_takes_each_units_max_after_the_product(string layers, int layer)
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] " + layers);

        Assert.Equal(BatchForwardForm.ProductThenMax, plan.Layers[layer].BatchForward);
    }

    [Theory]
    [InlineData("Linear")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("ReLU")]
    [InlineData("LeakyReLU")]
    [InlineData("ELU")]
    [InlineData("Softplus")]
    [InlineData("Exponential")]
    public void A_hidden_delta_is_fused_into_the_product_and_masked_after_it_when_a_dropout_follows(string activation)
    {
        NetworkPlan plain = Plans.Of($"[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.{activation})] [Dense(2, Activation.Linear)]");
        NetworkPlan dropped = Plans.Of($"[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.{activation})] [Dropout(0.3)] [Dense(2, Activation.Linear)]");

        Assert.Equal(BatchDeltaForm.FusedDerivative, plain.Layers[0].BatchDelta);
        Assert.Equal(BatchDeltaForm.FusedDerivativeThenMask, dropped.Layers[0].BatchDelta);
        Assert.Equal(BatchForwardForm.FusedActivation, dropped.Layers[0].BatchForward); // dropout changes no forward form
    }

    [Theory]
    [InlineData("", "ProductThenJacobian")]
    [InlineData("[Dropout(0.3)]", "ProductThenJacobian")] // the Jacobian form applies the mask itself
    public void A_hidden_softmax_takes_its_jacobian_after_the_product(string dropout, string expected)
    {
        NetworkPlan plan = Plans.Of($"[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.Softmax)] {dropout} [Dense(2, Activation.Linear)]");

        Assert.Equal(expected, plan.Layers[0].BatchDelta.ToString());
    }

    [Theory]
    [InlineData("[Input(20)] [Maxout(6, 3)] [Dense(2, Activation.Linear)]")]
    [InlineData("[Input(20)] [Maxout(6, 3)] [Dropout(0.5)] [Dense(2, Activation.Linear)]")] // the routing applies the mask itself
    [InlineData("[Input(20)] [Maxout(6, 3)] [Maxout(4, 2)] [Dense(2, Activation.Linear)]")] // under another Maxout
    public void A_hidden_maxout_routes_its_delta_to_the_winning_pieces(string layers)
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] " + layers);

        Assert.Equal(BatchDeltaForm.ProductThenRouting, plan.Layers[0].BatchDelta);
    }

    [Fact]
    public void A_mixed_network_plans_every_layer_as_matrix_products_whatever_its_own_strategy()
    {
        // SgdMixed's shape: layers 1 and 3 written out, layer 2 on the kernels; ReLU on the kernels has its own per-sample
        // delta (ReLUKernel) but the batched one is the fused form like any other.
        NetworkPlan plan = Plans.Of("[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Dense(12, Activation.Tanh)] [Dropout(0.2)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Softmax)]");

        Assert.Equal(NetworkStrategy.Mixed, plan.Strategy);
        Assert.Equal(BatchStrategy.MatrixProducts, plan.TrainBatch);
        Assert.Equal(new[] { BatchForwardForm.FusedActivation, BatchForwardForm.FusedActivation, BatchForwardForm.ProductThenSoftmax }, plan.Layers.Select(l => l.BatchForward).ToArray());
        Assert.Equal(new[] { BatchDeltaForm.FusedDerivativeThenMask, BatchDeltaForm.FusedDerivative }, plan.Layers.Take(2).Select(l => l.BatchDelta).ToArray());
        Assert.Equal(ActivationDeltaForm.ReLUKernel, plan.Layers[1].ActivationDelta);
    }

    [Fact]
    public void The_batched_forms_do_not_depend_on_the_layer_strategies()
    {
        const string declaration = "[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.ReLU)] [Dropout(0.1)] [Maxout(3, 2)] [Dense(3, Activation.Softmax)] [Dense(2, Activation.ELU)]";
        NetworkPlan whole = Plans.Of(declaration), kernels = Plans.Of(declaration, new GeneratorOptions(0, 16));

        Assert.Equal(NetworkStrategy.WrittenOut, whole.Strategy);
        Assert.Equal(NetworkStrategy.Kernels, kernels.Strategy);
        Assert.Equal(whole.Layers.Select(l => (l.BatchForward, l.BatchDelta)), kernels.Layers.Select(l => (l.BatchForward, l.BatchDelta)));
        Assert.Equal(
            new[] { BatchForwardForm.FusedActivation, BatchForwardForm.ProductThenMax, BatchForwardForm.ProductThenSoftmax, BatchForwardForm.ProductThenActivation },
            kernels.Layers.Select(l => l.BatchForward).ToArray());
        Assert.Equal(
            new[] { BatchDeltaForm.FusedDerivativeThenMask, BatchDeltaForm.ProductThenRouting, BatchDeltaForm.ProductThenJacobian },
            kernels.Layers.Take(3).Select(l => l.BatchDelta).ToArray());
    }
}
