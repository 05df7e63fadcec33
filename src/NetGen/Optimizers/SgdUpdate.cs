using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>One step of <see cref="Optimizer.Sgd"/>: w ← w − η(g + λw). Called by generated code once per parameter.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct SgdUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;

    /// <summary>Reads η and λ from <paramref name="settings"/>; <paramref name="step"/> (t) is not needed by SGD.</summary>
    public SgdUpdate(Hyperparameters settings, long step)
    {
        _ = step;
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
    }

    /// <summary>Updates one parameter <paramref name="w"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, T g)
    {
        g += _weightDecay * w;
        w -= _learningRate * g;
    }

    /// <summary>
    /// Updates every parameter of <paramref name="w"/> with its gradient gⱼ = <paramref name="factor"/>·sourceⱼ
    /// (a weight row with δᵢ and the layer's input, or a summed gradient with 1/batch size), in SIMD;
    /// element for element the same arithmetic as <see cref="Apply"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ApplyScaled(Span<T> w, T factor, ReadOnlySpan<T> source)
    {
        int n = w.Length, i = 0, width = Vector<T>.Count;
        VectorMath.RequireLength(nameof(source), n, source.Length);

        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rs = ref MemoryMarshal.GetReference(source);
        if (Vector.IsHardwareAccelerated && T.IsZero(_weightDecay))
        {
            // λ = 0: g + λw is g itself (for finite w), so the same result with two operations fewer.
            Vector<T> f = new(factor), rate = new(_learningRate);
            for (; i <= n - width; i += width)
            {
                Vector<T> weight = Vector.LoadUnsafe(ref rw, (nuint)i);
                (weight - (rate * (f * Vector.LoadUnsafe(ref rs, (nuint)i)))).StoreUnsafe(ref rw, (nuint)i);
            }
        }
        else if (Vector.IsHardwareAccelerated)
        {
            Vector<T> f = new(factor), decay = new(_weightDecay), rate = new(_learningRate);
            for (; i <= n - width; i += width)
            {
                Vector<T> weight = Vector.LoadUnsafe(ref rw, (nuint)i);
                Vector<T> g = f * Vector.LoadUnsafe(ref rs, (nuint)i);
                g += decay * weight;
                (weight - (rate * g)).StoreUnsafe(ref rw, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Apply(ref Unsafe.Add(ref rw, i), factor * Unsafe.Add(ref rs, i));
        }
    }

    /// <summary>
    /// Updates a whole weight matrix <paramref name="w"/> (row-major [rows × x.Length]) with the
    /// outer-product gradient gᵢⱼ = rowFactorsᵢ·xⱼ — δˡ(oˡ⁻¹)ᵀ in TrainStep — row by row in SIMD.
    /// </summary>
    public void ApplyOuter(Span<T> w, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x)
    {
        int columns = x.Length;
        for (int i = 0; i < rowFactors.Length; i++)
        {
            ApplyScaled(w.Slice(i * columns, columns), rowFactors[i], x);
        }
    }
}
