using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class VectorMath
{
    /// <summary>
    /// resultᵢ = aᵢ·bᵢ over the length of <paramref name="result"/> (the dropout mask on a batch's H = O ⊙ mask and
    /// Δ ⊙= mask). One rounded product per element, in SIMD lanes or alone alike, so the bits do not depend on where an
    /// element sits. May be called in place (<paramref name="result"/> the same span as <paramref name="a"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> or <paramref name="b"/> is shorter than <paramref name="result"/>.</exception>
    public static void MultiplyEach<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = result.Length;
        RequireLength(nameof(a), n, a.Length);
        RequireLength(nameof(b), n, b.Length);
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rr = ref MemoryMarshal.GetReference(result);
        int width = Vector<T>.Count, i = 0;
        for (; Vector.IsHardwareAccelerated && i + width <= n; i += width)
        {
            (Vector.LoadUnsafe(ref ra, (nuint)i) * Vector.LoadUnsafe(ref rb, (nuint)i)).StoreUnsafe(ref rr, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rr, i) = Unsafe.Add(ref ra, i) * Unsafe.Add(ref rb, i);
        }
    }
}
