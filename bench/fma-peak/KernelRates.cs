using System;
using System.Diagnostics;
using System.Numerics;
using NetGen;
using NetGen.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// GFLOP/s (2 FLOP per multiply-add) of each batch kernel at the shapes, one thread: each measurement repeats
/// the call until 50 ms have passed and keeps the fastest of five such rounds.
/// </summary>
internal static class KernelRates
{
    private static readonly (int Inputs, int Outputs, int Batch)[] Shapes =
    {
        (784, 128, 64), (784, 128, 256), (128, 10, 64), (128, 10, 256), (64, 64, 32), (64, 64, 64), (64, 10, 32), (64, 10, 64),
    };

    public static void Print(double peak)
    {
        Console.WriteLine($"| kernel | type | shape (in→out, batch) | GFLOP/s | % of fp32 peak ({peak:F0}) | µs per call |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach ((int inputs, int outputs, int batch) in Shapes)
        {
            Row<float>("forward X·Wᵀ+b, ReLU", inputs, outputs, batch, peak);
            Row<float>("forward from Wᵀ, ReLU", inputs, outputs, batch, peak);
            Row<float>("∂W += Δᵀ·X, ∂b", inputs, outputs, batch, peak);
            Row<float>("G = Δ·W ⊙ ReLU′", inputs, outputs, batch, peak);
        }

        Row<float>("transpose W (per step)", 784, 128, 64, peak);
        foreach ((int inputs, int outputs, int batch) in Shapes[..2])
        {
            Row<double>("forward X·Wᵀ+b, ReLU", inputs, outputs, batch, peak);
            Row<double>("forward from Wᵀ, ReLU", inputs, outputs, batch, peak);
            Row<double>("∂W += Δᵀ·X, ∂b", inputs, outputs, batch, peak);
            Row<double>("G = Δ·W ⊙ ReLU′", inputs, outputs, batch, peak);
        }
    }

    private static void Row<T>(string kernel, int inputs, int outputs, int batch, double peak)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(1);
        T[] x = Fill<T>(batch * inputs, random), w = Fill<T>(outputs * inputs, random), b = Fill<T>(outputs, random);
        T[] a = new T[batch * outputs], d = Fill<T>(batch * outputs, random), gw = new T[outputs * inputs], gb = new T[outputs], g = new T[batch * inputs];
        T[] wt = new T[inputs * BatchMatrix.TransposedStride(outputs)];
        BatchMatrix.TransposeWeights<T>(w, inputs, wt);
        Action call = kernel[0..9] switch
        {
            "forward f" => () => BatchMatrix.ForwardTransposed<T>(x, wt, b, a, inputs, Activation.ReLU),
            "transpose" => () => BatchMatrix.TransposeWeights<T>(w, inputs, wt),
            ['f', ..] => () => BatchMatrix.Forward<T>(x, w, b, a, inputs, Activation.ReLU),
            ['∂', ..] => () => BatchMatrix.AddWeightGradient<T>(d, x, gw, gb, inputs),
            _ => () => BatchMatrix.BackpropagateDelta<T>(d, w, x, g, outputs, Activation.ReLU),
        };
        double seconds = Fastest(call);
        double gflops = 2.0 * batch * inputs * outputs / seconds / 1e9;
        Console.WriteLine($"| {kernel} | {typeof(T).Name} | {inputs}→{outputs}, {batch} | {gflops:F1} | {100 * gflops / peak:F0} % | {seconds * 1e6:F2} µs |");
    }

    /// <summary>Seconds per call: the fastest of five rounds of at least 50 ms each.</summary>
    public static double Fastest(Action call)
    {
        for (int i = 0; i < 200; i++)
        {
            call();
        }

        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            int calls = 0;
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < 50)
            {
                call();
                calls++;
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / calls);
        }

        return best;
    }

    private static T[] Fill<T>(int n, Random random)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = T.CreateChecked(random.NextDouble() - 0.5);
        }

        return values;
    }
}
