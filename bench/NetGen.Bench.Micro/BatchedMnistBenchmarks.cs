using System;
using BenchmarkDotNet.Attributes;
using NetGen.Bench.Networks;
using NetGen.Runtime.Tests.Kernels;

namespace NetGen.Bench.Micro;

/// <summary>
/// mnist_b64's step (784-128-10 ReLU, softmax + CE, SGD, batch 64) two ways: today's per-sample path (the generated
/// <c>BackwardBatch</c> then <c>ApplyGradients</c>) and the hand-written batched step built from the batch kernels
/// (<see cref="BatchedMnistStep"/>: Wᵀ refresh, matrix products, SGD), on 1 and 2 threads. Per call; divide by 64 for
/// per sample. The setup checks that both give the same mean gradient within math.md's 1e−5 bound first.
/// </summary>
[MemoryDiagnoser]
public class BatchedMnistBenchmarks
{
    private const int Batch = 64;
    private readonly MnistNet _net = new() { Hyperparameters = { LearningRate = 1e-6 } };
    private readonly float[] _gradient = new float[MnistNet.ParameterCount];
    private BatchedMnistStep _step = null!;
    private float[] _inputs = null!, _targets = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (float[] parameters, _inputs, _targets) = PerSampleMnistReference.Data(Batch, 11);
        _net.SetParameters(parameters);
        _step = new BatchedMnistStep(Batch) { DegreeOfParallelism = Threads };
        parameters.CopyTo(_step.Parameters, 0);
        _net.BackwardBatch(_inputs, _targets, _gradient);
        _step.Gradient(_inputs, _targets);
        foreach ((int start, int end) in new[] { (0, BatchedMnistStep.W2), (BatchedMnistStep.W2, BatchedMnistStep.ParameterCount) })
        {
            float largest = 0, worst = 0;
            for (int i = start; i < end; i++)
            {
                largest = MathF.Max(largest, MathF.Abs(_gradient[i]));
            }

            for (int i = start; i < end; i++)
            {
                worst = MathF.Max(worst, MathF.Abs(_gradient[i] - _step.SummedGradient[i]) / largest);
            }

            if (worst > 1e-5f)
            {
                throw new InvalidOperationException($"Batched and per-sample gradients differ by {worst:E2} of the layer's largest |g|.");
            }
        }
    }

    /// <summary>The per-sample path the runner takes today (BackwardBatch: four samples per pass over ∂W, then ApplyGradients).</summary>
    [Benchmark(Baseline = true)]
    public void PerSampleBackwardBatch()
    {
        Array.Clear(_gradient);
        _net.BackwardBatch(_inputs, _targets, _gradient);
        _net.ApplyGradients(_gradient, Batch);
    }

    /// <summary>The batched step from the kernels (what TrainBatch will gain).</summary>
    [Benchmark]
    public float BatchedKernels() => _step.TrainBatch(_inputs, _targets, 1e-6f);
}
