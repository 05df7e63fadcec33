using System;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Numerics;

/// <summary>Seeded Glorot/He initialisation, identical on every machine.</summary>
public sealed class InitializationTests
{
    /// <summary>SplitMix64 written out again from its published definition, independently of DeterministicRandom.</summary>
    private static double[] ReferenceUniforms(int seed, int count)
    {
        ulong state = unchecked((ulong)(long)seed) ^ 0x9E3779B97F4A7C15UL;
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                ulong z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                values[i] = (z >> 11) / 9007199254740992.0; // 2^53
            }
        }

        return values;
    }

    [Fact]
    public void Glorot_weights_follow_the_reference_sequence_and_biases_are_zero()
    {
        var network = new SheetNet();
        network.InitializeParameters(seed: 7);
        var parameters = new float[SheetNet.ParameterCount];
        network.GetParameters(parameters);

        double[] u = ReferenceUniforms(7, 8);
        double r1 = Math.Sqrt(6.0 / (3 + 2)), r2 = Math.Sqrt(6.0 / (2 + 1));
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal((float)(r1 * (2 * u[k] - 1)), parameters[k]); // W¹, 6 weights
        }

        Assert.Equal(0f, parameters[6]); // b¹
        Assert.Equal(0f, parameters[7]);
        Assert.Equal((float)(r2 * (2 * u[6] - 1)), parameters[8]); // W², 2 weights
        Assert.Equal((float)(r2 * (2 * u[7] - 1)), parameters[9]);
        Assert.Equal(0f, parameters[10]); // b²
    }

    [Fact]
    public void He_weights_of_a_ReLU_layer_stay_within_the_square_root_of_six_over_fan_in()
    {
        var network = new DigitsNet();
        var parameters = new float[DigitsNet.ParameterCount];
        network.GetParameters(parameters);

        float he = (float)Math.Sqrt(6.0 / 64), glorot = (float)Math.Sqrt(6.0 / (32 + 10));
        float maxLayer1 = 0, maxLayer2 = 0;
        for (int k = 0; k < 64 * 32; k++)
        {
            maxLayer1 = Math.Max(maxLayer1, Math.Abs(parameters[k]));
        }

        for (int k = 64 * 32 + 32; k < 64 * 32 + 32 + 320; k++)
        {
            maxLayer2 = Math.Max(maxLayer2, Math.Abs(parameters[k]));
        }

        Assert.InRange(maxLayer1, 0.9f * he, he);
        Assert.InRange(maxLayer2, 0.9f * glorot, glorot);
    }

    [Fact]
    public void A_new_network_is_initialised_from_the_default_seed()
    {
        var fresh = new float[SheetNet.ParameterCount];
        var seeded = new float[SheetNet.ParameterCount];
        new SheetNet().GetParameters(fresh);
        var network = new SheetNet();
        network.InitializeParameters(SheetNet.DefaultSeed);
        network.GetParameters(seeded);

        Assert.Equal(seeded, fresh);
        Assert.Contains(fresh, p => p != 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_parameters_and_another_seed_others()
    {
        float[] Parameters(int seed)
        {
            var network = new DigitsNet();
            network.InitializeParameters(seed);
            var parameters = new float[DigitsNet.ParameterCount];
            network.GetParameters(parameters);
            return parameters;
        }

        Assert.Equal(Parameters(3), Parameters(3));
        Assert.NotEqual(Parameters(3), Parameters(4));
    }
}
