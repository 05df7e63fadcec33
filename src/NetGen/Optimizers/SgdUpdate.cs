using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// Like <see cref="ApplyScaled"/>, but each update rounds once per multiply-add, as hand-written C with
    /// contraction does: gⱼ = <paramref name="factor"/>·sourceⱼ (rounded), h = λw + g and w ← −η·h + w, each a fused
    /// multiply-add where the library is built for .NET 9+ and the processor has FMA (both as VectorMath's kernels);
    /// λ = 0 skips h. The scalar tail rounds like the vector body, so every element gets the same bits wherever it sits.
    /// Generated code that calls this in TrainStep must call it (or <see cref="ApplyOuterFma"/>,
    /// <see cref="BackpropagateApplyOuterFma"/>) in ApplyGradients too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ApplyScaledFma(Span<T> w, T factor, ReadOnlySpan<T> source)
    {
        int n = w.Length;
        VectorMath.RequireLength(nameof(source), n, source.Length);
        ApplyRowFma(ref MemoryMarshal.GetReference(w), factor, ref MemoryMarshal.GetReference(source), n);
    }

    /// <summary>
    /// <see cref="ApplyOuter"/> with the rounding of <see cref="ApplyScaledFma"/>: w (row-major
    /// [rowFactors.Length × x.Length]) updated with gᵢⱼ = rowFactorsᵢ·xⱼ.
    /// </summary>
    public void ApplyOuterFma(Span<T> w, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x)
    {
        int columns = x.Length, rows = rowFactors.Length;
        VectorMath.RequireLength(nameof(w), rows * columns, w.Length);
        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rx = ref MemoryMarshal.GetReference(x);
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && T.IsZero(_weightDecay) && rows > 0 && (columns == 4 * Vector512<T>.Count || columns == 2 * Vector512<T>.Count))
        {
            ApplyOuterFmaAligned(ref rw, rowFactors, ref rx, columns);
            return;
        }
#endif

        for (int i = 0; i < rows; i++)
        {
            ApplyRowFma(ref Unsafe.Add(ref rw, i * columns), rowFactors[i], ref rx, columns);
        }
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// <see cref="ApplyOuterFma"/> (λ = 0) for rows of two or four 512-bit vectors (32 or 64 floats), as hand-written C
    /// does it: x stays in registers for the whole matrix, and every vector store goes to a 64-byte boundary. The
    /// parameters live inline in the network object, which is only 8-byte aligned, and a 512-bit store that splits a
    /// cache line costs about twice an aligned one (64×64 update: 240 against 125 ns). So the matrix is walked as one flat
    /// run from its first aligned element: the h elements before it (row 0) and the last row's tail are updated one by
    /// one, and in every row the last vector straddles into the next row (fᵢ and x's last columns in its low lanes, fᵢ₊₁
    /// and x's first columns in the others). Each element rounds as <see cref="ApplyRowFma"/>'s (g = fᵢ·xⱼ rounded, then
    /// −η·g + w fused), so the bits are the same wherever the matrix sits.
    /// </summary>
    [SkipLocalsInit] // the stack buffer is written whole before it is read
    private unsafe void ApplyOuterFmaAligned(ref T rw, ReadOnlySpan<T> rowFactors, ref T rx, int columns)
    {
        int wide = Vector512<T>.Count, rows = rowFactors.Length;
        int misalignment = (int)((nuint)Unsafe.AsPointer(ref Unsafe.As<T, byte>(ref rw)) / (nuint)Unsafe.SizeOf<T>() % (nuint)wide);
        int head = (wide - misalignment) % wide; // elements of row 0 before the first 64-byte boundary
        for (int j = 0; j < head; j++)
        {
            Unsafe.Add(ref rw, j) = UpdateFma(Unsafe.Add(ref rw, j), rowFactors[0] * Unsafe.Add(ref rx, j));
        }

        // x twice in a row, so that the straddling vector's x (the last columns, then the first) is one load.
        Span<byte> bytes = stackalloc byte[2 * columns * Unsafe.SizeOf<T>()]; // T is float or double (no unmanaged constraint here)
        Span<T> twice = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetReference(bytes)), 2 * columns);
        ref T rt = ref MemoryMarshal.GetReference(twice);
        for (int j = 0; j < columns; j += wide)
        {
            Vector512<T> part = Vector512.LoadUnsafe(ref rx, (nuint)j);
            part.StoreUnsafe(ref rt, (nuint)j);
            part.StoreUnsafe(ref rt, (nuint)(columns + j));
        }

        bool four = columns == 4 * wide;
        Vector512<T> rate = Vector512.Create(-_learningRate);
        Vector512<T> x0 = Vector512.LoadUnsafe(ref rt, (nuint)head);
        Vector512<T> x1 = four ? Vector512.LoadUnsafe(ref rt, (nuint)(head + wide)) : default;
        Vector512<T> x2 = four ? Vector512.LoadUnsafe(ref rt, (nuint)(head + (2 * wide))) : default;
        Vector512<T> xs = Vector512.LoadUnsafe(ref rt, (nuint)(head + columns - wide));
        Vector512<T> low = Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(wide - head))); // the lanes still in row i
        int last = columns - wide; // where the straddling vector starts within its row, less head
        ref T rf = ref MemoryMarshal.GetReference(rowFactors);
        Vector512<T> f = Vector512.Create(rf);
        int i = 0;
        ref T row = ref Unsafe.Add(ref rw, head);
        for (; i < rows - 1; i++, row = ref Unsafe.Add(ref row, columns))
        {
            // No test inside: rows of four vectors are short enough that a branch per row shows.
            Vector512<T> next = Vector512.Create(Unsafe.Add(ref rf, i + 1));
            VectorMath.MultiplyAdd512(rate, f * x0, Vector512.LoadUnsafe(ref row)).StoreUnsafe(ref row);
            if (four)
            {
                VectorMath.MultiplyAdd512(rate, f * x1, Vector512.LoadUnsafe(ref row, (nuint)wide)).StoreUnsafe(ref row, (nuint)wide);
                VectorMath.MultiplyAdd512(rate, f * x2, Vector512.LoadUnsafe(ref row, (nuint)(2 * wide))).StoreUnsafe(ref row, (nuint)(2 * wide));
            }

            VectorMath.MultiplyAdd512(rate, Vector512.ConditionalSelect(low, f, next) * xs, Vector512.LoadUnsafe(ref row, (nuint)last)).StoreUnsafe(ref row, (nuint)last);
            f = next;
        }

        // The last row: its straddling vector would run past the matrix, so its last columns go one by one.
        VectorMath.MultiplyAdd512(rate, f * x0, Vector512.LoadUnsafe(ref row)).StoreUnsafe(ref row);
        if (four)
        {
            VectorMath.MultiplyAdd512(rate, f * x1, Vector512.LoadUnsafe(ref row, (nuint)wide)).StoreUnsafe(ref row, (nuint)wide);
            VectorMath.MultiplyAdd512(rate, f * x2, Vector512.LoadUnsafe(ref row, (nuint)(2 * wide))).StoreUnsafe(ref row, (nuint)(2 * wide));
        }

        T factor = Unsafe.Add(ref rf, i);
        for (int j = last; j < columns - head; j++)
        {
            Unsafe.Add(ref row, j) = UpdateFma(Unsafe.Add(ref row, j), factor * Unsafe.Add(ref rx, head + j));
        }
    }
#endif

    /// <summary>
    /// One pass over a layer's weights for TrainStep: <paramref name="inputGradient"/> += Wᵀ·rowFactors with the
    /// weights before the update (bit for bit <see cref="VectorMath.MultiplyTransposedAdd"/>: four rows per pass,
    /// the same association and tails), then W updated as <see cref="ApplyOuterFma"/> does (gᵢⱼ = rowFactorsᵢ·xⱼ),
    /// while its rows are in registers. W is row-major [rowFactors.Length × x.Length]; inputGradient holds x.Length.
    /// </summary>
    public void BackpropagateApplyOuterFma(Span<T> w, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x, Span<T> inputGradient)
    {
        int columns = x.Length, rows = rowFactors.Length, width = Vector<T>.Count, i = 0;
        VectorMath.RequireLength(nameof(w), rows * columns, w.Length);
        VectorMath.RequireLength(nameof(inputGradient), columns, inputGradient.Length);

        ref T rw = ref MemoryMarshal.GetReference(w);
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T rr = ref MemoryMarshal.GetReference(inputGradient);
        bool vectors = Vector.IsHardwareAccelerated && columns >= width, decays = !T.IsZero(_weightDecay);
        Vector<T> rate = new(-_learningRate), decay = new(_weightDecay);
        for (; i + 4 <= rows; i += 4)
        {
            ref T w0 = ref Unsafe.Add(ref rw, i * columns);
            ref T w1 = ref Unsafe.Add(ref w0, columns);
            ref T w2 = ref Unsafe.Add(ref w1, columns);
            ref T w3 = ref Unsafe.Add(ref w2, columns);
            T v0 = rowFactors[i], v1 = rowFactors[i + 1], v2 = rowFactors[i + 2], v3 = rowFactors[i + 3];
            int j = 0;
            if (vectors)
            {
                Vector<T> a0 = new(v0), a1 = new(v1), a2 = new(v2), a3 = new(v3);
                for (; j <= columns - width; j += width)
                {
                    Vector<T> x0 = Vector.LoadUnsafe(ref w0, (nuint)j), x1 = Vector.LoadUnsafe(ref w1, (nuint)j);
                    Vector<T> x2 = Vector.LoadUnsafe(ref w2, (nuint)j), x3 = Vector.LoadUnsafe(ref w3, (nuint)j);
                    Vector<T> sum = VectorMath.MultiplyAdd(a0, x0, Vector.LoadUnsafe(ref rr, (nuint)j));
                    sum = VectorMath.MultiplyAdd(a1, x1, sum);
                    sum = VectorMath.MultiplyAdd(a2, x2, sum);
                    VectorMath.MultiplyAdd(a3, x3, sum).StoreUnsafe(ref rr, (nuint)j);

                    Vector<T> input = Vector.LoadUnsafe(ref rx, (nuint)j);
                    UpdateFma(x0, a0 * input, rate, decay, decays).StoreUnsafe(ref w0, (nuint)j);
                    UpdateFma(x1, a1 * input, rate, decay, decays).StoreUnsafe(ref w1, (nuint)j);
                    UpdateFma(x2, a2 * input, rate, decay, decays).StoreUnsafe(ref w2, (nuint)j);
                    UpdateFma(x3, a3 * input, rate, decay, decays).StoreUnsafe(ref w3, (nuint)j);
                }
            }

            for (; j < columns; j++)
            {
                // MultiplyTransposedAdd's scalar tail: four products, summed in order, then added.
                Unsafe.Add(ref rr, j) += (v0 * Unsafe.Add(ref w0, j)) + (v1 * Unsafe.Add(ref w1, j))
                    + (v2 * Unsafe.Add(ref w2, j)) + (v3 * Unsafe.Add(ref w3, j));
                T input = Unsafe.Add(ref rx, j);
                Unsafe.Add(ref w0, j) = UpdateFma(Unsafe.Add(ref w0, j), v0 * input);
                Unsafe.Add(ref w1, j) = UpdateFma(Unsafe.Add(ref w1, j), v1 * input);
                Unsafe.Add(ref w2, j) = UpdateFma(Unsafe.Add(ref w2, j), v2 * input);
                Unsafe.Add(ref w3, j) = UpdateFma(Unsafe.Add(ref w3, j), v3 * input);
            }
        }

        for (; i < rows; i++)
        {
            // MultiplyTransposedAdd's last rows: VectorMath.AddScaled of one scaled row.
            ref T w0 = ref Unsafe.Add(ref rw, i * columns);
            T v0 = rowFactors[i];
            int j = 0;
            if (vectors)
            {
                Vector<T> a0 = new(v0);
                for (; j <= columns - width; j += width)
                {
                    Vector<T> x0 = Vector.LoadUnsafe(ref w0, (nuint)j);
                    VectorMath.MultiplyAdd(a0, x0, Vector.LoadUnsafe(ref rr, (nuint)j)).StoreUnsafe(ref rr, (nuint)j);
                    UpdateFma(x0, a0 * Vector.LoadUnsafe(ref rx, (nuint)j), rate, decay, decays).StoreUnsafe(ref w0, (nuint)j);
                }
            }

            for (; j < columns; j++)
            {
                Unsafe.Add(ref rr, j) = VectorMath.MultiplyAdd(v0, Unsafe.Add(ref w0, j), Unsafe.Add(ref rr, j)); // AddScaled's tail
                Unsafe.Add(ref w0, j) = UpdateFma(Unsafe.Add(ref w0, j), v0 * Unsafe.Add(ref rx, j));
            }
        }
    }

    /// <summary>wⱼ ← update of wⱼ with gⱼ = factor·sourceⱼ for n elements (the body of <see cref="ApplyScaledFma"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ApplyRowFma(ref T rw, T factor, ref T rs, int n)
    {
        int i = 0, width = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            Vector<T> f = new(factor), rate = new(-_learningRate), decay = new(_weightDecay);
            if (T.IsZero(_weightDecay))
            {
#if NET9_0_OR_GREATER
                if (Vector512.IsHardwareAccelerated && Vector<T>.Count * 2 == Vector512<T>.Count)
                {
                    // AVX-512: half the instructions per weight; each lane rounds as the narrower path's.
                    Vector512<T> f512 = Vector512.Create(factor), rate512 = Vector512.Create(-_learningRate);
                    for (int wide = Vector512<T>.Count; i <= n - (2 * wide); i += 2 * wide)
                    {
                        Vector512<T> w0 = Vector512.LoadUnsafe(ref rw, (nuint)i), w1 = Vector512.LoadUnsafe(ref rw, (nuint)(i + wide));
                        VectorMath.MultiplyAdd512(rate512, f512 * Vector512.LoadUnsafe(ref rs, (nuint)i), w0).StoreUnsafe(ref rw, (nuint)i);
                        VectorMath.MultiplyAdd512(rate512, f512 * Vector512.LoadUnsafe(ref rs, (nuint)(i + wide)), w1).StoreUnsafe(ref rw, (nuint)(i + wide));
                    }
                }
#endif

                // Four vectors per pass and no test of λ inside: the loop is bound by its loads and stores.
                for (; i <= n - (4 * width); i += 4 * width)
                {
                    Vector<T> w0 = Vector.LoadUnsafe(ref rw, (nuint)i), w1 = Vector.LoadUnsafe(ref rw, (nuint)(i + width));
                    Vector<T> w2 = Vector.LoadUnsafe(ref rw, (nuint)(i + (2 * width))), w3 = Vector.LoadUnsafe(ref rw, (nuint)(i + (3 * width)));
                    VectorMath.MultiplyAdd(rate, f * Vector.LoadUnsafe(ref rs, (nuint)i), w0).StoreUnsafe(ref rw, (nuint)i);
                    VectorMath.MultiplyAdd(rate, f * Vector.LoadUnsafe(ref rs, (nuint)(i + width)), w1).StoreUnsafe(ref rw, (nuint)(i + width));
                    VectorMath.MultiplyAdd(rate, f * Vector.LoadUnsafe(ref rs, (nuint)(i + (2 * width))), w2).StoreUnsafe(ref rw, (nuint)(i + (2 * width)));
                    VectorMath.MultiplyAdd(rate, f * Vector.LoadUnsafe(ref rs, (nuint)(i + (3 * width))), w3).StoreUnsafe(ref rw, (nuint)(i + (3 * width)));
                }

                for (; i <= n - width; i += width)
                {
                    VectorMath.MultiplyAdd(rate, f * Vector.LoadUnsafe(ref rs, (nuint)i), Vector.LoadUnsafe(ref rw, (nuint)i)).StoreUnsafe(ref rw, (nuint)i);
                }
            }
            else
            {
                for (; i <= n - width; i += width)
                {
                    UpdateFma(Vector.LoadUnsafe(ref rw, (nuint)i), f * Vector.LoadUnsafe(ref rs, (nuint)i), rate, decay, decays: true).StoreUnsafe(ref rw, (nuint)i);
                }
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rw, i) = UpdateFma(Unsafe.Add(ref rw, i), factor * Unsafe.Add(ref rs, i));
        }
    }

    /// <summary>
    /// w − η(g + λw) in lanes: h = λw + g, then −η·h + w, each one multiply-add (λ = 0: −η·g + w); the caller
    /// broadcasts −η and λ once, outside its loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> UpdateFma(Vector<T> weight, Vector<T> g, Vector<T> negativeRate, Vector<T> decay, bool decays)
    {
        if (decays)
        {
            g = VectorMath.MultiplyAdd(decay, weight, g);
        }

        return VectorMath.MultiplyAdd(negativeRate, g, weight);
    }

    /// <summary>One element of the vector UpdateFma, rounded as its lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T UpdateFma(T weight, T g)
    {
        if (!T.IsZero(_weightDecay))
        {
            g = VectorMath.MultiplyAdd(_weightDecay, weight, g);
        }

        return VectorMath.MultiplyAdd(-_learningRate, g, weight);
    }
}
