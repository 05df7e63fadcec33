using System;
using NetGen.Kernels;

namespace NetGen.Runtime.Tests.Kernels;

/// <summary>
/// A hand-written batched training step of a 784-128-10 network (ReLU, softmax + cross-entropy, SGD) built only from
/// the public batch kernels, as generated TrainBatch code would be: what the lead's generator will emit, and what the
/// benchmark times against the per-sample BackwardBatch path. Parameters in math.md's flat order (W¹, b¹, W², b²).
/// W¹ᵀ and W²ᵀ are refreshed at the start of every step (<see cref="BatchMatrix.TransposeWeights{T}"/>).
/// Two parallel phases: (1) per chunk of samples, A¹ = X·W¹ᵀ + b¹ (ReLU fused), A² = O¹·W²ᵀ + b², softmax, the
/// losses, Δ² = O² − Y and Δ¹ = (Δ²·W²) ⊙ (O¹ &gt; 0); (2) per chunk of W¹'s rows, ∂W¹ = Δ¹ᵀ·X and ∂b¹ (the last
/// chunk also ∂W² = Δ²ᵀ·O¹, ∂b²). Every output element has one writer, so the bits never depend on the threads.
/// Also used by bench/NetGen.Bench.Micro (linked).
/// </summary>
internal sealed class BatchedMnistStep : ISpanChunkJob<float>
{
    public const int InputSize = 784, HiddenSize = 128, OutputSize = 10;
    public const int W1 = 0, B1 = W1 + (HiddenSize * InputSize), W2 = B1 + HiddenSize, B2 = W2 + (OutputSize * HiddenSize);
    public const int ParameterCount = B2 + OutputSize;

    private static readonly int Stride1 = BatchMatrix.TransposedStride(HiddenSize), Stride2 = BatchMatrix.TransposedStride(OutputSize);
    private readonly float[] _o1, _a2, _o2, _d1, _d2, _losses;
    private readonly float[] _w1t = new float[InputSize * Stride1], _w2t = new float[HiddenSize * Stride2];
    private int _phase, _count;

    /// <summary>Scratch for batches of up to <paramref name="maximumBatch"/> samples, allocated here once.</summary>
    public BatchedMnistStep(int maximumBatch)
    {
        _o1 = new float[maximumBatch * HiddenSize];
        _d1 = new float[maximumBatch * HiddenSize];
        _a2 = new float[maximumBatch * OutputSize];
        _o2 = new float[maximumBatch * OutputSize];
        _d2 = new float[maximumBatch * OutputSize];
        _losses = new float[maximumBatch];
    }

    /// <summary>The parameters, flat (W¹, b¹, W², b²).</summary>
    public float[] Parameters { get; } = new float[ParameterCount];

    /// <summary>The summed gradient of the last <see cref="Gradient"/> or <see cref="TrainBatch"/> call.</summary>
    public float[] SummedGradient { get; } = new float[ParameterCount];

    /// <summary>How many threads the step may use (<see cref="ParallelChunks"/>); the bits do not depend on it.</summary>
    public int DegreeOfParallelism { get; set; } = 1;

    /// <summary>∂L/∂θ summed over the batch into <see cref="SummedGradient"/> (overwritten); returns the summed loss.</summary>
    public float Gradient(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        _count = inputs.Length / InputSize;

        // Wᵀ for the forward products (after every update; generated code would keep them beside the parameters).
        BatchMatrix.TransposeWeights<float>(Parameters.AsSpan(W1, HiddenSize * InputSize), InputSize, _w1t);
        BatchMatrix.TransposeWeights<float>(Parameters.AsSpan(W2, OutputSize * HiddenSize), HiddenSize, _w2t);
        long forwardWork = (long)_count * ((InputSize * HiddenSize) + (2 * HiddenSize * OutputSize));
        _phase = 0;

        // Both phases split outputs (one writer per element, bits independent of the split): as few chunks as threads,
        // so that each chunk's product keeps its blocks of Wᵀ (or of X) in cache across many rows.
        ParallelChunks.Run(this, Math.Min(DegreeOfParallelism, Parallelism.ChunkCount(forwardWork, (_count + 3) / 4)), inputs, targets, DegreeOfParallelism);
        _phase = 1;
        ParallelChunks.Run(this, Math.Min(DegreeOfParallelism, Parallelism.ChunkCount((long)_count * InputSize * HiddenSize, HiddenSize / 4)), inputs, targets, DegreeOfParallelism);
        float loss = 0;
        for (int i = 0; i < _count; i++)
        {
            loss += _losses[i];
        }

        return loss;
    }

    /// <summary>One SGD step on the batch's mean gradient (w ← w − η·g/n); returns the mean loss before it.</summary>
    public float TrainBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, float learningRate)
    {
        float loss = Gradient(inputs, targets);
        VectorMath.AddScaled<float>(Parameters, -learningRate / _count, SummedGradient);
        return loss / _count;
    }

    /// <inheritdoc/>
    public void RunChunk(int chunk, int chunkCount, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        ReadOnlySpan<float> p = Parameters;
        if (_phase == 0)
        {
            ChunkRange r = ChunkRange.Of(_count, chunkCount, chunk, 4);
            ForwardAndDeltas(p, inputs.Slice(r.Start * InputSize, r.Length * InputSize), targets.Slice(r.Start * OutputSize, r.Length * OutputSize), r.Start, r.Length);
            return;
        }

        ChunkRange rows = ChunkRange.Of(HiddenSize, chunkCount, chunk, 4);
        Span<float> g = SummedGradient;
        g.Slice(W1 + (rows.Start * InputSize), rows.Length * InputSize).Clear();
        g.Slice(B1 + rows.Start, rows.Length).Clear();
        BatchMatrix.AddWeightGradient<float>(_d1.AsSpan(0, _count * HiddenSize), inputs, g.Slice(W1, HiddenSize * InputSize), g.Slice(B1, HiddenSize),
            InputSize, rows.Start, rows.Length);
        if (chunk == chunkCount - 1)
        {
            g.Slice(W2, ParameterCount - W2).Clear();
            BatchMatrix.AddWeightGradient<float>(_d2.AsSpan(0, _count * OutputSize), _o1.AsSpan(0, _count * HiddenSize), g.Slice(W2, OutputSize * HiddenSize),
                g.Slice(B2, OutputSize), HiddenSize);
        }
    }

    private void ForwardAndDeltas(ReadOnlySpan<float> p, ReadOnlySpan<float> x, ReadOnlySpan<float> y, int start, int rows)
    {
        Span<float> o1 = _o1.AsSpan(start * HiddenSize, rows * HiddenSize), d1 = _d1.AsSpan(start * HiddenSize, rows * HiddenSize);
        Span<float> a2 = _a2.AsSpan(start * OutputSize, rows * OutputSize), o2 = _o2.AsSpan(start * OutputSize, rows * OutputSize);
        Span<float> d2 = _d2.AsSpan(start * OutputSize, rows * OutputSize);
        BatchMatrix.ForwardTransposed<float>(x, _w1t, p.Slice(B1, HiddenSize), o1, InputSize, Activation.ReLU);
        BatchMatrix.ForwardTransposed<float>(o1, _w2t, p.Slice(B2, OutputSize), a2, HiddenSize);
        a2.CopyTo(o2);
        BatchActivations.SoftmaxRows<float>(o2, OutputSize);
        for (int i = 0; i < rows; i++)
        {
            // Softmax + cross-entropy: L = logsumexp(a) − Σ yₖaₖ (math.md, from the pre-activation); δ = o − y.
            ReadOnlySpan<float> a = a2.Slice(i * OutputSize, OutputSize), t = y.Slice(i * OutputSize, OutputSize);
            float max = a[0], sum = 0, ya = 0;
            for (int k = 1; k < OutputSize; k++)
            {
                max = MathF.Max(max, a[k]);
            }

            for (int k = 0; k < OutputSize; k++)
            {
                sum += MathF.Exp(a[k] - max);
                ya += t[k] * a[k];
                d2[(i * OutputSize) + k] = o2[(i * OutputSize) + k] - t[k];
            }

            _losses[start + i] = max + MathF.Log(sum) - ya;
        }

        BatchMatrix.BackpropagateDelta<float>(d2, p.Slice(W2, OutputSize * HiddenSize), o1, d1, OutputSize, Activation.ReLU);
    }
}
