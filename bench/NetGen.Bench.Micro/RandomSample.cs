using NetGen;

namespace NetGen.Bench.Micro;

/// <summary>One deterministic sample: inputs uniform in [0, 1), a one-hot (or scalar 0.5) target.</summary>
internal static class RandomSample
{
    public static float[] Inputs(int size, int seed)
    {
        var random = new DeterministicRandom(seed);
        var values = new float[size];
        for (int i = 0; i < size; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        return values;
    }

    public static float[] Target(int size, int seed)
    {
        var target = new float[size];
        if (size == 1)
        {
            target[0] = 0.5f;
        }
        else
        {
            target[new DeterministicRandom(seed).NextInt32(size)] = 1f;
        }

        return target;
    }

    /// <summary><paramref name="count"/> one-hot targets of <paramref name="size"/> values, one after another.</summary>
    public static float[] Targets(int count, int size, int seed)
    {
        var targets = new float[count * size];
        var random = new DeterministicRandom(seed);
        for (int s = 0; s < count; s++)
        {
            targets[(s * size) + random.NextInt32(size)] = 1f;
        }

        return targets;
    }
}
