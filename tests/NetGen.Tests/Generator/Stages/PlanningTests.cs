using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Options;
using NetGen.Generator.Planning;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>
/// The decisions of planning, checked on the plan alone: which strategy each layer gets, how each member
/// computes deltas and updates, BackwardBatch's block layout. The expected values follow from the rules written in
/// NetworkPlanner's and GeneratorOptions' docs (README "Unrolling threshold"), computed here by hand.
/// </summary>
public sealed class PlanningTests
{
    [Fact]
    public void Xor_is_written_out_whole_with_sgd_inline_and_folded_deltas()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)]");

        Assert.Equal(NetworkStrategy.WrittenOut, plan.Strategy);
        Assert.All(plan.Layers, l => Assert.Equal(LayerStrategy.WrittenOut, l.Strategy));
        Assert.Equal(TrainStepForm.WrittenOutSgd, plan.TrainStep);
        Assert.Equal(BackwardBatchForm.PerSample, plan.BackwardBatch);
        Assert.Equal(ApplyGradientsForm.Whole, plan.ApplyGradients);
        Assert.Equal(HiddenDeltaForm.FoldedIntoDelta, plan.Layers[0].BackwardHiddenDelta); // a 1-term sum
        Assert.All(plan.Layers, l => Assert.Equal(Contribution.InlineSgd, l.TrainStepContribution));
        Assert.All(plan.Layers, l => Assert.True(l.SharedVectorsAsLocals));
        Assert.Equal(OutputDeltaForm.ThroughActivation, plan.OutputDelta); // Sigmoid with MSE is not a matching pair
        Assert.Equal(0, plan.BlockSize);
        // θ: W¹ [2×2] 0–3, b¹ 4–5, W² [1×2] 6–7, b² 8.
        Assert.Equal(new[] { (0, 4), (6, 8) }, plan.Layers.Select(l => (l.WeightOffset, l.BiasOffset)).ToArray());
        Assert.Equal(9, plan.ParameterCount);
    }

    [Fact]
    public void A_hidden_layer_below_five_outputs_gets_its_sum_first()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(5, Activation.Linear)]");

        Assert.Equal(HiddenDeltaForm.WrittenOutSums, plan.Layers[0].BackwardHiddenDelta); // 5 terms > 4
        Assert.Equal(OutputDeltaForm.Matching, plan.OutputDelta);
        Assert.False(plan.LossFromPreActivation); // Linear + MSE is already stable
    }

    [Fact]
    public void Digits_runs_on_the_kernels_with_the_sgd_update_fused_into_backpropagation()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.CategoricalCrossEntropy)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)]");

        Assert.Equal(NetworkStrategy.Kernels, plan.Strategy);
        Assert.Equal(TrainStepForm.FusedSgd, plan.TrainStep);
        Assert.Equal(ApplyGradientsForm.WholeFma, plan.ApplyGradients);
        Assert.Equal(BackwardBatchForm.Blocked, plan.BackwardBatch);
        Assert.Equal(HiddenDeltaForm.KernelTransposed, plan.Layers[0].BackwardHiddenDelta);
        Assert.Equal(HiddenDeltaForm.KernelFusedSgd, plan.Layers[0].TrainStepHiddenDelta);
        Assert.Equal(Contribution.FusedSgdUpdate, plan.Layers[0].TrainStepContribution);
        Assert.Equal(Contribution.UpdatedDuringBackpropagation, plan.Layers[1].TrainStepContribution);
        Assert.All(plan.Layers, l => Assert.Equal(Contribution.IntoBlock, l.BlockContribution));
        Assert.Equal(ForwardActivationForm.ReLUKernel, plan.Layers[0].ForwardActivation);
        Assert.Equal(ActivationDeltaForm.ReLUKernel, plan.Layers[0].ActivationDelta);
        Assert.Equal(ForwardActivationForm.Softmax, plan.Layers[1].ForwardActivation);
        Assert.Equal(OutputDeltaForm.Matching, plan.OutputDelta);
        Assert.True(plan.LossFromPreActivation);

        // Block: δ¹ [4×32] at 0; δ² [4×10] at 128, then layer 2's input o¹ [4×32] at 168; 296 in all.
        Assert.Equal((0, -1), (plan.Layers[0].BlockDeltaOffset, plan.Layers[0].BlockInputOffset));
        Assert.Equal((128, 168), (plan.Layers[1].BlockDeltaOffset, plan.Layers[1].BlockInputOffset));
        Assert.Equal(296, plan.BlockSize);
    }

    [Fact]
    public void A_mixed_network_writes_out_its_small_layers_within_half_the_budget()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Sigmoid)]");

        // 36 + 144 + 24 = 204 weights > 128; then layer 1 (36 ≤ 64) and layer 3 (36 + 24 = 60 ≤ 64) are written out, layer 2 (fan-in 12, 144 weights) is not.
        Assert.Equal(NetworkStrategy.Mixed, plan.Strategy);
        Assert.Equal(new[] { LayerStrategy.WrittenOut, LayerStrategy.Kernels, LayerStrategy.WrittenOut }, plan.Layers.Select(l => l.Strategy).ToArray());
        Assert.Equal(TrainStepForm.PerLayerUpdate, plan.TrainStep);
        Assert.Equal(new[] { Contribution.LayerBuffer, Contribution.OptimizerUpdate, Contribution.LayerBuffer }, plan.Layers.Select(l => l.TrainStepContribution).ToArray());
        Assert.Equal(new[] { Contribution.AddToGradient, Contribution.IntoBlock, Contribution.AddToGradient }, plan.Layers.Select(l => l.BlockContribution).ToArray());
        Assert.Equal(new[] { false, false, true }, plan.Layers.Select(l => l.SharedVectorsAsLocals).ToArray());
        Assert.Equal(HiddenDeltaForm.KernelTransposed, plan.Layers[0].BackwardHiddenDelta); // layer 2 above is on the kernels
        Assert.Equal(HiddenDeltaForm.WrittenOutSums, plan.Layers[1].BackwardHiddenDelta); // a kernel layer always takes g first
        Assert.Equal(ApplyGradientsForm.Whole, plan.ApplyGradients);
        Assert.Equal(4 * 12 + (4 * 12), plan.BlockSize); // δ² and its input h¹/o¹
    }

    [Fact]
    public void A_mixed_sgd_network_updates_each_layer_as_its_train_step_does()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Sigmoid)]");

        Assert.Equal(TrainStepForm.FusedSgd, plan.TrainStep);
        Assert.Equal(ApplyGradientsForm.PerLayer, plan.ApplyGradients);
        Assert.Equal(new[] { Contribution.InlineSgd, Contribution.UpdatedDuringBackpropagation, Contribution.InlineSgd }, plan.Layers.Select(l => l.TrainStepContribution).ToArray());
        Assert.Equal(HiddenDeltaForm.KernelFusedSgd, plan.Layers[0].TrainStepHiddenDelta);
        Assert.Equal(HiddenDeltaForm.WrittenOutSums, plan.Layers[1].TrainStepHiddenDelta);
    }

    [Fact]
    public void A_written_out_network_with_adam_buffers_its_gradient()
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Adam)] [Input(2)] [Dense(2, Activation.Tanh)] [Dense(1, Activation.Linear)]");

        Assert.Equal(TrainStepForm.WrittenOutBuffered, plan.TrainStep);
        Assert.All(plan.Layers, l => Assert.Equal(Contribution.AddToGradient, l.TrainStepContribution));
        Assert.True(plan.HasFirstMoment);
        Assert.True(plan.HasSecondMoment);
    }

    // 2-4-3: fan-ins 2 and 4, 8 + 12 = 20 weights. Whole when every fan-in ≤ the fan-in limit and 20 ≤ the weight
    // limit; otherwise layer by layer within half the weight limit.
    [Theory]
    [InlineData(128, 16, "WrittenOut WrittenOut")] // the defaults
    [InlineData(20, 16, "WrittenOut WrittenOut")]  // 20 ≤ 20
    [InlineData(19, 16, "WrittenOut Kernels")]     // half of 19 is 9: layer 1's 8 fit, 8 + 12 do not
    [InlineData(10, 16, "Kernels Kernels")]        // half of 10 is 5: neither 8 nor 12 fit
    [InlineData(0, 16, "Kernels Kernels")]         // no budget
    [InlineData(128, 1, "Kernels Kernels")]        // both fan-ins over 1
    [InlineData(40, 3, "WrittenOut Kernels")]      // layer 2's fan-in 4 > 3; layer 1's 8 weights within 20
    public void The_options_move_the_limits(int maxWeights, int maxFanIn, string expected)
    {
        NetworkPlan plan = Plans.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(4, Activation.Tanh)] [Dense(3, Activation.Linear)]", new GeneratorOptions(maxWeights, maxFanIn));

        Assert.Equal(expected, string.Join(" ", plan.Layers.Select(l => l.Strategy)));
    }

    [Fact]
    public void Plans_are_value_equal()
    {
        const string declaration = "[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(4, Activation.Tanh)] [Dropout(0.5)] [Dense(3, Activation.Linear)]";
        Assert.Equal(Plans.Of(declaration), Plans.Of(declaration));
        Assert.NotEqual(Plans.Of(declaration), Plans.Of(declaration, new GeneratorOptions(0, 16)));
    }
}
