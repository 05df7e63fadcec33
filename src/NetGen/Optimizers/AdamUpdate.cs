using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>
/// One step t of <see cref="Optimizer.Adam"/>: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// m̂ = m/(1−β₁ᵗ); v̂ = v/(1−β₂ᵗ); w ← w − η m̂/(√v̂ + ε), with g += λw first.
/// </summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct AdamUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;
    private readonly T _beta1;
    private readonly T _oneMinusBeta1;
    private readonly T _beta2;
    private readonly T _oneMinusBeta2;
    private readonly T _correction1;
    private readonly T _correction2;
    private readonly T _epsilon;

    /// <summary>Reads η, β₁, β₂, ε and λ from <paramref name="settings"/>; <paramref name="step"/> is t, counted from 1.</summary>
    public AdamUpdate(Hyperparameters settings, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1L);
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
        _beta1 = T.CreateChecked(settings.Beta1);
        _oneMinusBeta1 = T.CreateChecked(1.0 - settings.Beta1);
        _beta2 = T.CreateChecked(settings.Beta2);
        _oneMinusBeta2 = T.CreateChecked(1.0 - settings.Beta2);
        _correction1 = T.CreateChecked(1.0 - Math.Pow(settings.Beta1, step));
        _correction2 = T.CreateChecked(1.0 - Math.Pow(settings.Beta2, step));
        _epsilon = T.CreateChecked(settings.Epsilon);
    }

    /// <summary>Updates one parameter <paramref name="w"/> and its moments <paramref name="m"/>, <paramref name="v"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, ref T m, ref T v, T g)
    {
        g += _weightDecay * w;
        m = (_beta1 * m) + (_oneMinusBeta1 * g);
        v = (_beta2 * v) + (_oneMinusBeta2 * g * g);
        T mHat = m / _correction1;
        T vHat = v / _correction2;
        w -= _learningRate * mHat / (T.Sqrt(vHat) + _epsilon);
    }

    /// <summary>
    /// Updates every parameter of <paramref name="w"/> (moments <paramref name="m"/>, <paramref name="v"/>) with its gradient gⱼ = <paramref name="factor"/>·sourceⱼ
    /// (a weight row with δᵢ and the layer's input, or a summed gradient with 1/batch size), in SIMD;
    /// element for element the same arithmetic as <see cref="Apply"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ApplyScaled(Span<T> w, Span<T> m, Span<T> v, T factor, ReadOnlySpan<T> source)
    {
        int n = w.Length, i = 0, width = Vector<T>.Count;
        VectorMath.RequireLength(nameof(source), n, source.Length);
        VectorMath.RequireLength(nameof(m), n, m.Length);
        VectorMath.RequireLength(nameof(v), n, v.Length);

        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rm = ref MemoryMarshal.GetReference(m);
        ref T rv = ref MemoryMarshal.GetReference(v);
        ref T rs = ref MemoryMarshal.GetReference(source);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> f = new(factor), decay = new(_weightDecay), rate = new(_learningRate), epsilon = new(_epsilon);
            Vector<T> beta1 = new(_beta1), oneMinusBeta1 = new(_oneMinusBeta1), beta2 = new(_beta2), oneMinusBeta2 = new(_oneMinusBeta2);
            Vector<T> correction1 = new(_correction1), correction2 = new(_correction2);
            for (; i <= n - width; i += width)
            {
                Vector<T> weight = Vector.LoadUnsafe(ref rw, (nuint)i);
                Vector<T> g = f * Vector.LoadUnsafe(ref rs, (nuint)i);
                g += decay * weight;
                Vector<T> first = (beta1 * Vector.LoadUnsafe(ref rm, (nuint)i)) + (oneMinusBeta1 * g);
                Vector<T> second = (beta2 * Vector.LoadUnsafe(ref rv, (nuint)i)) + (oneMinusBeta2 * g * g);
                first.StoreUnsafe(ref rm, (nuint)i);
                second.StoreUnsafe(ref rv, (nuint)i);
                Vector<T> mHat = first / correction1;
                Vector<T> vHat = second / correction2;
                (weight - (rate * mHat / (Vector.SquareRoot(vHat) + epsilon))).StoreUnsafe(ref rw, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Apply(ref Unsafe.Add(ref rw, i), ref Unsafe.Add(ref rm, i), ref Unsafe.Add(ref rv, i), factor * Unsafe.Add(ref rs, i));
        }
    }

    /// <summary>
    /// Updates a whole weight matrix <paramref name="w"/> (row-major [rows × x.Length]) and its moments <paramref name="m"/>, <paramref name="v"/> with the
    /// outer-product gradient gᵢⱼ = rowFactorsᵢ·xⱼ — δˡ(oˡ⁻¹)ᵀ in TrainStep — row by row in SIMD.
    /// </summary>
    public void ApplyOuter(Span<T> w, Span<T> m, Span<T> v, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x)
    {
        int columns = x.Length;
        for (int i = 0; i < rowFactors.Length; i++)
        {
            ApplyScaled(w.Slice(i * columns, columns), m.Slice(i * columns, columns), v.Slice(i * columns, columns), rowFactors[i], x);
        }
    }
}
