using System;
using NetGen;
using NetGen.Data;

namespace Regression;

/// <summary>Samples of y = sin x + Gaussian noise, for x uniform in [−π, π].</summary>
public static class NoisySine
{
    /// <summary>
    /// <paramref name="count"/> samples (input x, target y) with noise of standard deviation
    /// <paramref name="noise"/>; the same seed gives the same data on every machine.
    /// </summary>
    public static Dataset<float> Generate(int count, double noise, int seed)
    {
        var random = new DeterministicRandom(seed);
        var x = new float[count];
        var y = new float[count];
        for (int i = 0; i < count; i++)
        {
            double xi = (2 * random.NextDouble() - 1) * Math.PI;
            x[i] = (float)xi;
            y[i] = (float)(Math.Sin(xi) + noise * StandardNormal(ref random));
        }

        return new Dataset<float>(x, y, inputSize: 1, targetSize: 1);
    }

    /// <summary>A draw from N(0, 1) by the Box–Muller transform.</summary>
    private static double StandardNormal(ref DeterministicRandom random)
    {
        double u1 = 1 - random.NextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
