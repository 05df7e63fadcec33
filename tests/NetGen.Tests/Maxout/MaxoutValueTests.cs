using Xunit;

namespace NetGen.Tests.Maxout;

/// <summary>A 2-input layer of 2 units × 3 pieces, computed on paper (math.md, "Maxout layers").</summary>
public sealed class MaxoutValueTests
{
    // W rows (r = 3i + j is piece j of unit i) and b, in math.md's flat order: W row-major, then b.
    //   row 0: ( 1,  0)  b 0      z₀ = 1              unit 0: max(1, 2, 2) = 2, first reached at j = 1 (row 1)
    //   row 1: ( 0,  1)  b 0      z₁ = 2
    //   row 2: ( 1,  1)  b −1     z₂ = 1 + 2 − 1 = 2  (a tie with row 1: the first piece wins)
    //   row 3: (−1,  0)  b 0.5    z₃ = −0.5           unit 1: max(−0.5, −2, 0) = 0 at j = 2 (row 5)
    //   row 4: ( 0, −1)  b 0      z₄ = −2
    //   row 5: ( 2, −1)  b 0      z₅ = 2 − 2 = 0
    private static readonly double[] Parameters =
    {
        1, 0, 0, 1, 1, 1, -1, 0, 0, -1, 2, -1,
        0, 0, -1, 0.5, 0, 0,
    };

    private static readonly double[] X = { 1, 2 };

    [Fact]
    public void Forward_takes_the_maximum_piece_of_each_unit()
    {
        var net = new HandMaxout();
        net.SetParameters(Parameters);
        var output = new double[2];

        net.Forward(X, output);

        Assert.Equal(new[] { 2.0, 0.0 }, output);
    }

    [Fact]
    public void Backward_routes_each_units_gradient_to_its_winning_piece_only()
    {
        var net = new HandMaxout();
        net.SetParameters(Parameters);
        var gradient = new double[HandMaxout.ParameterCount];

        // y = (1, 1): L = ½((2 − 1)² + (0 − 1)²) = 1, g = o − y = (1, −1).
        double loss = net.Backward(X, new[] { 1.0, 1.0 }, gradient);

        // δz = (0, 1, 0, 0, 0, −1): row 1 (not the tied row 2) gets g₀, row 5 gets g₁. ∂W_r = δz_r · x, ∂b = δz.
        double[] expected =
        {
            0, 0, 1, 2, 0, 0, 0, 0, 0, 0, -1, -2,
            0, 1, 0, 0, 0, -1,
        };
        Assert.Equal(1.0, loss);
        Assert.Equal(expected, gradient);
    }

    [Fact]
    public void A_maxout_layer_is_described_and_stored_like_a_linear_layer_of_units_times_pieces()
    {
        Assert.Equal(18, HandMaxout.ParameterCount); // 6 × 2 + 6
        LayerDescription layer = Assert.Single(NetworkInfo<HandMaxout>.Layers);
        Assert.Equal(LayerDescription.Maxout(2, 2, 3), layer);
        Assert.Equal(6, layer.Rows);
        Assert.Equal(18, layer.ParameterCount);
        Assert.Equal(new[] { 2, 2 }, NetworkInfo<HandMaxout>.Sizes);
    }

    [Fact]
    public void Initialisation_is_glorot_over_the_whole_matrix_with_zero_biases()
    {
        var net = new HandMaxout();
        var parameters = new double[HandMaxout.ParameterCount];
        net.GetParameters(parameters);

        double r = System.Math.Sqrt(6.0 / (2 + 6)); // √(6/(n + u·k))
        for (int k = 0; k < 12; k++)
        {
            Assert.InRange(parameters[k], -r, r);
        }

        Assert.Contains(parameters[..12], w => System.Math.Abs(w) > r / 2); // drawn over (−r, r), not a narrower range
        Assert.All(parameters[12..], b => Assert.Equal(0.0, b));
    }

    private static class NetworkInfo<TNet>
        where TNet : INetwork<double>
    {
        public static LayerDescription[] Layers => TNet.Layers.ToArray();

        public static int[] Sizes => TNet.LayerSizes.ToArray();
    }
}
