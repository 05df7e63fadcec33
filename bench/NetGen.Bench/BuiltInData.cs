using System;

namespace NetGen.Bench;

/// <summary>
/// The data the runner uses when no <c>--data DIR</c> is given, so the project stands alone: the same shapes,
/// value ranges and label kinds as the yardstick's files, made deterministically with <see cref="DeterministicRandom"/>
/// (not the same numbers: iris and digits are synthetic clusters here). Initial weights are Glorot uniform like
/// the yardstick's, U(−a, a) with a = √(6/(fan-in + fan-out)), zero biases.
/// </summary>
internal static class BuiltInData
{
    public static Samples For(Workload workload) => workload.Network switch
    {
        "xor" => Xor(workload),
        "iris" => Clusters(workload, 150, 1.0f, 1003),
        "digits" => Clusters(workload, 1797, 0.25f, 1004),
        "mnist" => UniformWithRandomClasses(workload, 2000, 1001),
        "deep" => SineSum(workload, 2000, 1002),
        _ => throw new ArgumentException("no built-in data for " + workload.Name),
    };

    public static float[] InitialWeights(Workload workload)
    {
        var random = new DeterministicRandom(workload.DefaultSeed);
        var parameters = new float[InitialWeightFile.ParameterCount(workload.Sizes)];
        int p = 0;
        for (int l = 1; l < workload.Sizes.Length; l++)
        {
            int fanIn = workload.Sizes[l - 1], fanOut = workload.Sizes[l];
            random.FillUniform(parameters.AsSpan(p, fanIn * fanOut), Math.Sqrt(6.0 / (fanIn + fanOut)));
            p += (fanIn * fanOut) + fanOut;
        }

        return parameters;
    }

    private static Samples Xor(Workload workload) =>
        Samples.FromRows(workload, [0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0]);

    /// <summary>One centre per class, uniform in [0, 1)ⁿ, plus uniform noise of ±<paramref name="noise"/>; classes cycle.</summary>
    private static Samples Clusters(Workload workload, int rows, float noise, int seed)
    {
        var random = new DeterministicRandom(seed);
        int n = workload.InputSize, classes = workload.OutputSize;
        var centres = new float[classes * n];
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = (float)random.NextDouble();
        }

        var inputs = new float[rows * n];
        var last = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            int label = r % classes;
            last[r] = label;
            for (int c = 0; c < n; c++)
            {
                inputs[(r * n) + c] = centres[(label * n) + c] + (noise * (float)((2 * random.NextDouble()) - 1));
            }
        }

        return Samples.FromRows(workload, inputs, last);
    }

    private static Samples UniformWithRandomClasses(Workload workload, int rows, int seed)
    {
        var random = new DeterministicRandom(seed);
        int n = workload.InputSize;
        var inputs = new float[rows * n];
        var last = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < n; c++)
            {
                inputs[(r * n) + c] = (float)random.NextDouble();
            }

            last[r] = random.NextInt32(workload.OutputSize);
        }

        return Samples.FromRows(workload, inputs, last);
    }

    /// <summary>x ~ U[−π, π)ⁿ, y = Σ sin xᵢ / 8, as the yardstick's deep_synth.csv.</summary>
    private static Samples SineSum(Workload workload, int rows, int seed)
    {
        var random = new DeterministicRandom(seed);
        int n = workload.InputSize;
        var inputs = new float[rows * n];
        var last = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int c = 0; c < n; c++)
            {
                float x = (float)(Math.PI * ((2 * random.NextDouble()) - 1));
                inputs[(r * n) + c] = x;
                sum += Math.Sin(x);
            }

            last[r] = (float)(sum / 8);
        }

        return Samples.FromRows(workload, inputs, last);
    }
}
