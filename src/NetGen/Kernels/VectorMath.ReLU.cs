using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>
/// ReLU and its delta over whole layers, without a branch per unit: written per element, aᵢ > 0 ? aᵢ : 0
/// is a data-dependent branch the processor mispredicts about half the time on a trained layer. Each
/// element gets exactly what the scalar form gives (NaN → 0, −0 → +0), in SIMD lanes and the scalar tail alike.
/// </summary>
public static partial class VectorMath
{
    /// <summary>oᵢ = aᵢ > 0 ? aᵢ : 0 (ReLU), for every element of <paramref name="a"/>.</summary>
    public static void ReLU<T>(ReadOnlySpan<T> a, Span<T> o)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Length;
        RequireLength(nameof(o), n, o.Length);
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T ro = ref MemoryMarshal.GetReference(o);
        int width = Vector<T>.Count, i = 0;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            for (; i <= n - width; i += width)
            {
                Vector<T> va = Vector.LoadUnsafe(ref ra, (nuint)i);
                Vector.ConditionalSelect(Vector.GreaterThan(va, Vector<T>.Zero), va, Vector<T>.Zero).StoreUnsafe(ref ro, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            T ai = Unsafe.Add(ref ra, i);
            Unsafe.Add(ref ro, i) = ai > T.Zero ? ai : T.Zero;
        }
    }

    /// <summary>δᵢ = aᵢ > 0 ? gᵢ : 0: a ReLU layer's delta from g = ∂L/∂o (ReLU′(a) = 1 if a > 0 else 0).</summary>
    public static void ReLUDelta<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> g, Span<T> delta)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Length;
        RequireLength(nameof(g), n, g.Length);
        RequireLength(nameof(delta), n, delta.Length);
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rg = ref MemoryMarshal.GetReference(g);
        ref T rd = ref MemoryMarshal.GetReference(delta);
        int width = Vector<T>.Count, i = 0;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            for (; i <= n - width; i += width)
            {
                Vector<T> positive = Vector.GreaterThan(Vector.LoadUnsafe(ref ra, (nuint)i), Vector<T>.Zero);
                Vector.ConditionalSelect(positive, Vector.LoadUnsafe(ref rg, (nuint)i), Vector<T>.Zero).StoreUnsafe(ref rd, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref rd, i) = Unsafe.Add(ref ra, i) > T.Zero ? Unsafe.Add(ref rg, i) : T.Zero;
        }
    }
}
