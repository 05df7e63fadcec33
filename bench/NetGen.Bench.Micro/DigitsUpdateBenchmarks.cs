using System;
using BenchmarkDotNet.Attributes;
using NetGen.Kernels;
using NetGen.Optimizers;

namespace NetGen.Bench.Micro;

/// <summary>
/// The backward half of a looped SGD TrainStep of digits (64-64-10) as the generator emitted it before run 5
/// (<see cref="Unfused"/>: g¹ = W²ᵀδ², then ApplyOuter/ApplyScaled per layer) against what it emits now
/// (<see cref="Fused"/>: one BackpropagateApplyOuterFma pass over W², ApplyOuterFma/ApplyScaledFma).
/// </summary>
[MemoryDiagnoser]
public class DigitsUpdateBenchmarks
{
    private readonly float[] _w = RandomSample.Inputs((64 * 64) + 64 + (10 * 64) + 10, 3);
    private readonly float[] _x = RandomSample.Inputs(64, 4);
    private readonly float[] _o1 = RandomSample.Inputs(64, 5);
    private readonly float[] _d1 = RandomSample.Inputs(64, 6);
    private readonly float[] _d2 = RandomSample.Inputs(10, 7);
    private readonly float[] _g1 = new float[64];
    private readonly SgdUpdate<float> _update = new(new Hyperparameters { LearningRate = 1e-9 }, 1);

    [Benchmark(Baseline = true)]
    public void Unfused()
    {
        Span<float> w = _w, g1 = _g1;
        g1.Clear();
        VectorMath.MultiplyTransposedAdd<float>(w.Slice(4160, 640), 64, _d2, g1);
        _update.ApplyOuter(w.Slice(0, 4096), _d1, _x);
        _update.ApplyScaled(w.Slice(4096, 64), 1f, _d1);
        _update.ApplyOuter(w.Slice(4160, 640), _d2, _o1);
        _update.ApplyScaled(w.Slice(4800, 10), 1f, _d2);
    }

    [Benchmark]
    public void Fused()
    {
        Span<float> w = _w, g1 = _g1;
        g1.Clear();
        _update.BackpropagateApplyOuterFma(w.Slice(4160, 640), _d2, _o1, g1);
        _update.ApplyOuterFma(w.Slice(0, 4096), _d1, _x);
        _update.ApplyScaledFma(w.Slice(4096, 64), 1f, _d1);
        _update.ApplyScaledFma(w.Slice(4800, 10), 1f, _d2);
    }
}
