using System;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cliff;
using NetGen;

// One cliff point: ns per TrainStep and per Forward of CliffNet on 256 random samples (inputs U[0,1), random
// one-hot targets), each loop warmed up for 300 ms and then timed for about a second. Prints one JSON line.
const int Rows = 256;
var random = new DeterministicRandom(7);
var inputs = new float[Rows * CliffNet.InputSize];
var targets = new float[Rows * CliffNet.OutputSize];
for (int i = 0; i < inputs.Length; i++)
{
    inputs[i] = (float)random.NextDouble();
}

for (int r = 0; r < Rows; r++)
{
    targets[(r * CliffNet.OutputSize) + random.NextInt32(CliffNet.OutputSize)] = 1f;
}

var net = new CliffNet();
net.Hyperparameters.LearningRate = 0.01;
var gradient = new float[CliffNet.ParameterCount];
var output = new float[CliffNet.OutputSize];

double backward = Measure(() => Loops.Backward(net, inputs, targets, gradient, 64));
double train = Measure(() => Loops.Train(net, inputs, targets, 64));
double forward = Measure(() => Loops.Forward(net, inputs, output, 64));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"inputs\": {CliffNet.InputSize}, \"hidden\": {CliffNet.Layer1Size}, \"train_ns\": {train:F1}, \"forward_ns\": {forward:F1}, \"backward_ns\": {backward:F1}}}"));
return 0;

// Warms the loop up for 300 ms, then repeats it for about a second; returns ns per call of the generated method.
static double Measure(Func<long> loop)
{
    var clock = Stopwatch.StartNew();
    while (clock.ElapsedMilliseconds < 300)
    {
        loop();
    }

    long calls = 0;
    clock.Restart();
    while (clock.ElapsedMilliseconds < 1000)
    {
        calls += loop();
    }

    return clock.Elapsed.TotalNanoseconds / calls;
}

internal static class Loops
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Train(CliffNet net, float[] inputs, float[] targets, int calls)
    {
        for (int s = 0; s < calls; s++)
        {
            int r = s % 256;
            net.TrainStep(inputs.AsSpan(r * CliffNet.InputSize, CliffNet.InputSize), targets.AsSpan(r * CliffNet.OutputSize, CliffNet.OutputSize));
        }

        return calls;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Forward(CliffNet net, float[] inputs, float[] output, int calls)
    {
        for (int s = 0; s < calls; s++)
        {
            int r = s % 256;
            net.Forward(inputs.AsSpan(r * CliffNet.InputSize, CliffNet.InputSize), output);
        }

        return calls;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Backward(CliffNet net, float[] inputs, float[] targets, float[] gradient, int calls)
    {
        for (int s = 0; s < calls; s++)
        {
            int r = s % 256;
            net.Backward(inputs.AsSpan(r * CliffNet.InputSize, CliffNet.InputSize), targets.AsSpan(r * CliffNet.OutputSize, CliffNet.OutputSize), gradient);
        }

        return calls;
    }
}
