using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetGen.Kernels;

namespace NetGen.Optimizers;

/// <summary>One step of <see cref="Optimizer.RmsProp"/>: v ← βv + (1−β)g²; w ← w − ηg/(√v + ε), with g += λw first.</summary>
/// <typeparam name="T">The network's scalar type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public readonly struct RmsPropUpdate<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T _learningRate;
    private readonly T _weightDecay;
    private readonly T _beta;
    private readonly T _oneMinusBeta;
    private readonly T _epsilon;

    /// <summary>Reads η, β, ε and λ from <paramref name="settings"/>.</summary>
    public RmsPropUpdate(Hyperparameters settings, long step)
    {
        _ = step;
        _learningRate = T.CreateChecked(settings.LearningRate);
        _weightDecay = T.CreateChecked(settings.WeightDecay);
        _beta = T.CreateChecked(settings.Beta);
        _oneMinusBeta = T.CreateChecked(1.0 - settings.Beta);
        _epsilon = T.CreateChecked(settings.Epsilon);
    }

    /// <summary>Updates one parameter <paramref name="w"/> and its moment <paramref name="v"/> with its gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(ref T w, ref T v, T g)
    {
        g += _weightDecay * w;
        v = (_beta * v) + (_oneMinusBeta * g * g);
        w -= _learningRate * g / (T.Sqrt(v) + _epsilon);
    }

    /// <summary>
    /// Updates every parameter of <paramref name="w"/> (moments <paramref name="v"/>) with its gradient gⱼ = <paramref name="factor"/>·sourceⱼ
    /// (a weight row with δᵢ and the layer's input, or a summed gradient with 1/batch size), in SIMD;
    /// element for element the same arithmetic as <see cref="Apply"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ApplyScaled(Span<T> w, Span<T> v, T factor, ReadOnlySpan<T> source)
    {
        int n = w.Length, i = 0, width = Vector<T>.Count;
        VectorMath.RequireLength(nameof(source), n, source.Length);
        VectorMath.RequireLength(nameof(v), n, v.Length);

        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rv = ref MemoryMarshal.GetReference(v);
        ref T rs = ref MemoryMarshal.GetReference(source);
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> f = new(factor), decay = new(_weightDecay), rate = new(_learningRate), beta = new(_beta), oneMinusBeta = new(_oneMinusBeta), epsilon = new(_epsilon);
            for (; i <= n - width; i += width)
            {
                Vector<T> weight = Vector.LoadUnsafe(ref rw, (nuint)i);
                Vector<T> g = f * Vector.LoadUnsafe(ref rs, (nuint)i);
                g += decay * weight;
                Vector<T> moment = (beta * Vector.LoadUnsafe(ref rv, (nuint)i)) + (oneMinusBeta * g * g);
                moment.StoreUnsafe(ref rv, (nuint)i);
                (weight - (rate * g / (Vector.SquareRoot(moment) + epsilon))).StoreUnsafe(ref rw, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Apply(ref Unsafe.Add(ref rw, i), ref Unsafe.Add(ref rv, i), factor * Unsafe.Add(ref rs, i));
        }
    }

    /// <summary>
    /// Updates a whole weight matrix <paramref name="w"/> (row-major [rows × x.Length]) and its moments <paramref name="v"/> with the
    /// outer-product gradient gᵢⱼ = rowFactorsᵢ·xⱼ — δˡ(oˡ⁻¹)ᵀ in TrainStep — row by row in SIMD.
    /// </summary>
    public void ApplyOuter(Span<T> w, Span<T> v, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x)
    {
        int columns = x.Length;
        for (int i = 0; i < rowFactors.Length; i++)
        {
            ApplyScaled(w.Slice(i * columns, columns), v.Slice(i * columns, columns), rowFactors[i], x);
        }
    }
}
