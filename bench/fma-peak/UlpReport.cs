using System;
using NetGen.Runtime.Tests.Kernels;

namespace NetGen.Bench.FmaPeak;

/// <summary>
/// The largest ulp error of each float span activation over every 97th float bit pattern in [−100, 100] (both signs),
/// against the function in double; MathF's own functions over the same sweep beside them where it has one.
/// </summary>
internal static class UlpReport
{
    public static void Print()
    {
        Console.WriteLine("| activation | arguments | max ulp (vector) | at | max ulp (MathF form) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach ((string name, Func<double, double> reference, Action<float[], float[]> kernel) in ActivationUlps.Functions)
        {
            (double worst, float at, long count) = ActivationUlps.Sweep(reference, kernel, 100f, 97);
            Func<float, float> scalar = name switch
            {
                "exp" => MathF.Exp,
                "tanh" => MathF.Tanh,
                "sigmoid" => x => 1f / (1f + MathF.Exp(-x)),
                "softplus" => x => MathF.Max(x, 0) + float.LogP1(MathF.Exp(-MathF.Abs(x))),
                _ => x => x > 0 ? x : float.ExpM1(x),
            };
            (double scalarWorst, _, _) = ActivationUlps.Sweep(reference, (a, o) =>
            {
                for (int i = 0; i < a.Length; i++)
                {
                    o[i] = scalar(a[i]);
                }
            }, 100f, 97);
            Console.WriteLine($"| {name} | {count:N0} | {worst:F2} | {at:R} | {scalarWorst:F2} |");
        }
    }
}
