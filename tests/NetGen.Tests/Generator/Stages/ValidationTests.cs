using System.Linq;
using NetGen.Generator.Validation;
using Xunit;

namespace NetGen.Tests.Generator.Stages;

/// <summary>Validation on its own: a finding carries its descriptor, its target and its complete message arguments.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void A_fan_in_mismatch_names_the_layer_the_values_and_what_the_fix_needs()
    {
        Finding finding = NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(2, Activation.Tanh, Inputs = 5)] [Dense(1, Activation.Linear)] public partial class Net;")).Single();

        Assert.Equal("NG0011", finding.Descriptor.Id);
        Assert.Equal(new[] { "Net", "1", "5", "3", "[Dense]" }, finding.Arguments.ToArray());
        Assert.Equal(new FindingTarget(TargetKind.NamedArgument, 2, Name: "Inputs"), finding.Target);
        Assert.Equal(new FindingProperty("PreviousWidth", "3"), Assert.Single(finding.Properties));
        Assert.True(finding.IsError);
    }

    [Fact]
    public void A_pairing_error_points_at_the_activation_and_also_at_the_loss()
    {
        Finding finding = NetworkRules.Check(Declarations.Of("[Network(Loss.CategoricalCrossEntropy)] [Input(2)] [Dense(3, Activation.Linear)] public partial class Net;")).Single();

        Assert.Equal("NG0019", finding.Descriptor.Id);
        Assert.Equal(FindingTarget.Argument(2, 1), finding.Target);
        Assert.Equal(FindingTarget.NetworkArgument("Loss"), finding.AdditionalTarget);
        Assert.Equal("Net", finding.Arguments[0]);
        Assert.Equal("Linear", finding.Arguments[2]);
        Assert.Equal("CategoricalCrossEntropy", finding.Arguments[3]);
        Assert.Contains(finding.Properties, p => p.Key == "MatchingActivation" && p.Value == "Softmax");
    }

    [Theory]
    [InlineData("public static partial class Net;", "NG0028")]
    [InlineData("public partial class Net(int seed);", "NG0030")]
    [InlineData("public partial class Net { public float Backward(System.ReadOnlySpan<float> x, System.ReadOnlySpan<float> y, System.Span<float> g) => 0; }", "NG0031")]
    [InlineData("public partial class Net { private float[] _w = new float[1]; }", "NG0031")]
    [InlineData("public partial class Net { public const int Layer2Size = 1; }", "NG0031")]
    public void Declarations_the_compiler_would_reject_inside_the_generated_file_are_ng_errors(string declaration, string id)
    {
        var findings = NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(1, Activation.Linear)] " + declaration));

        Assert.Contains(findings, f => f.Descriptor.Id == id && f.IsError);
    }

    [Fact]
    public void A_class_named_like_a_generated_member_is_an_error_and_a_harmless_name_is_not()
    {
        Assert.Contains(NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class TrainStep;", "TrainStep")), f => f.Descriptor.Id == "NG0029");
        Assert.Empty(NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net { public int Forwarded; public void Predict() { } }")));
    }

    [Theory]
    [InlineData("[Maxout(4, 3, Inputs = 5)]", "NG0011", new[] { "Net", "1", "5", "3", "[Maxout]" })]
    [InlineData("[Maxout(4, 1)]", "NG0033", new[] { "Net", "1", "1" })]
    [InlineData("[Maxout(4, -2)]", "NG0033", new[] { "Net", "1", "-2" })]
    public void A_maxout_layer_is_checked_like_a_dense_one_and_for_its_pieces(string layer, string id, string[] arguments)
    {
        Finding finding = NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(3)] " + layer + " [Dense(1, Activation.Linear)] public partial class Net;")).Single();

        Assert.Equal(id, finding.Descriptor.Id);
        Assert.Equal(arguments, finding.Arguments.ToArray());
    }

    [Theory]
    [InlineData("BinaryCrossEntropy", true)]
    [InlineData("CategoricalCrossEntropy", true)]
    [InlineData("KLDivergence", true)]
    [InlineData("Poisson", true)]
    [InlineData("MeanSquaredError", false)]
    [InlineData("MeanAbsoluteError", false)]
    [InlineData("Huber", false)]
    [InlineData("Hinge", false)]
    public void A_maxout_output_takes_the_losses_of_an_unbounded_output(string loss, bool error)
    {
        var findings = NetworkRules.Check(Declarations.Of("[Network(Loss." + loss + ")] [Input(3)] [Dense(4, Activation.Tanh)] [Maxout(2, 3)] public partial class Net;"));

        Assert.Equal(error ? new[] { "NG0034" } : System.Array.Empty<string>(), findings.Select(f => f.Descriptor.Id).ToArray());
    }

    [Fact]
    public void The_size_limits_count_units_times_pieces()
    {
        // 16,384 units in all: 8,192 units × 2 pieces is over the limit as 16,384 rows plus the output.
        var findings = NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(1)] [Maxout(8192, 2)] [Dense(1, Activation.Linear)] public partial class Net;"));

        Assert.Contains(findings, f => f.Descriptor.Id == "NG0010" && f.Arguments[1] == "units (a Maxout unit counting once per piece)" && f.Arguments[2] == "16385");
    }

    [Fact]
    public void An_overload_of_a_generated_method_is_no_clash()
    {
        Assert.Empty(NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(3, Activation.Tanh)] [Dense(1, Activation.Linear)] public partial class Net { public float Backward() => 0; public void Forward(float[] input, float[] output) { } }")));
    }

    [Fact]
    public void A_layer_named_like_a_later_layers_size_is_no_clash_on_a_smaller_network()
    {
        // Layer3Size is generated only for a network with three layers.
        Assert.Empty(NetworkRules.Check(Declarations.Of("[Network(Loss.MeanSquaredError)] [Input(2)] [Dense(1, Activation.Linear)] public partial class Net { public const int Layer3Size = 7; }")));
    }
}
