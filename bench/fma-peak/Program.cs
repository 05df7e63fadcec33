using System;
using NetGen.Bench.FmaPeak;

// peak: the FMA peak of one core; kernels: the batch kernels' GFLOP/s against it; threshold: one vs two threads per batch
// size; step-kernels: the generated TrainBatch/ForwardBatch and mnist_b64's step per kernel call; mean: the same
// members timed as the .NET peers time theirs; ulps: the float activations' largest error over a dense sweep (and MathF's own, for comparison).
string mode = args.Length > 0 ? args[0] : "peak";
if (mode == "step")
{
    StepComparison.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}

if (mode == "mean")
{
    // mean SAMPLES THREADS: the peers' mean-of-a-loop timing of the generated batch members.
    MeanLoops.Print(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 64_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}

if (mode == "ulps")
{
    UlpReport.Print();
    return;
}

(double peak512, double peak256) = PeakLoop.Measure(mode == "peak" ? 60 : 20);
Console.WriteLine($"fp32 FMA peak, one core: {peak512:F1} GFLOP/s (512-bit), {peak256:F1} GFLOP/s (256-bit)");
double peak = Math.Max(peak512, peak256);
if (mode == "kernels")
{
    KernelRates.Print(peak);
}
else if (mode == "step-kernels")
{
    StepBreakdown.Print(peak, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9, args.Length > 2 ? args[2] : "");
}
else if (mode == "threshold")
{
    ThreadThreshold.Print();
}
