using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>
/// Draws trial i's candidate, hyperparameters and training seed from a generator seeded with the search
/// seed and i alone, one draw per dimension in a fixed order (whether or not the dimension is searched),
/// so a trial never depends on which thread runs it or on when.
/// </summary>
internal static class TrialSampler
{
    /// <summary>A 32-bit seed for trial <paramref name="index"/>: the SplitMix64 finaliser of (search seed, index).</summary>
    public static int TrialSeed(int searchSeed, int index)
    {
        unchecked
        {
            ulong z = ((ulong)(uint)searchSeed << 32) | (uint)index;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z >> 32);
        }
    }

    /// <summary>Trial <paramref name="index"/>'s draw from <paramref name="space"/>; <paramref name="candidate"/> is its index in <paramref name="candidates"/>.</summary>
    public static TrialSettings Sample<T>(SearchSpace space, IReadOnlyList<T> candidates, int searchSeed, int index, out T candidate)
    {
        var random = new DeterministicRandom(TrialSeed(searchSeed, index));
        candidate = candidates[System.Math.Min((int)(random.NextDouble() * candidates.Count), candidates.Count - 1)];
        double learningRate = space.LearningRate.Sample(random.NextDouble());
        double? momentum = Draw(space.Momentum, ref random);
        double? beta1 = Draw(space.Beta1, ref random);
        double? beta2 = Draw(space.Beta2, ref random);
        double? epsilon = Draw(space.Epsilon, ref random);
        double? weightDecay = Draw(space.WeightDecay, ref random);
        int batchSize = space.BatchSize.Sample(random.NextDouble());
        int epochs = space.Epochs.Sample(random.NextDouble());
        double patienceDraw = random.NextDouble();
        int? patience = space.EarlyStoppingPatience?.Sample(patienceDraw);
        LearningRateScheduleKind schedule = space.Schedule.Sample(random.NextDouble());
        double? decay = Draw(space.Decay, ref random);
        int stepEvery = space.StepEvery.Sample(random.NextDouble());
        int seed = (int)(random.NextUInt64() >> 33);
        return new TrialSettings(
            learningRate, momentum, beta1, beta2, epsilon, weightDecay, batchSize, epochs, patience, schedule,
            schedule == LearningRateScheduleKind.Constant ? null : decay,
            schedule == LearningRateScheduleKind.Step ? stepEvery : null,
            seed);
    }

    private static double? Draw(SearchRange? range, ref DeterministicRandom random)
    {
        double u = random.NextDouble();
        return range?.Sample(u);
    }
}
