using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET9_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace NetGen.Kernels;

/// <summary>
/// A mini-batch's gradient of a wide layer: the outer products of up to four samples added in one pass over
/// the matrix, where calling <see cref="AddOuter"/> once per sample reads and writes every row four times.
/// </summary>
public static partial class VectorMath
{
    /// <summary>The most samples <see cref="AddOuterBlock"/> folds into one pass over the matrix.</summary>
    public const int OuterBlockSize = 4;

    /// <summary>
    /// matrix += Σₖ rowFactorsₖ·xₖᵀ for <paramref name="count"/> samples k (1 to <see cref="OuterBlockSize"/>): sample k's
    /// row factors are <c>rowFactors[k·rows … (k+1)·rows)</c> and its x is <c>x[k·columns … (k+1)·columns)</c>, with
    /// the matrix row-major [rows × columns]. Every element receives the samples' products one after another, each
    /// rounded as <see cref="AddScaled"/> rounds it, so the result equals <see cref="AddOuter"/> called for each sample in
    /// turn, bit for bit.
    /// </summary>
    public static void AddOuterBlock<T>(Span<T> matrix, ReadOnlySpan<T> rowFactors, ReadOnlySpan<T> x, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count is < 1 or > OuterBlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"AddOuterBlock folds 1 to {OuterBlockSize} samples.");
        }

        if (x.Length % count != 0 || rowFactors.Length % count != 0)
        {
            throw new ArgumentException($"'{nameof(rowFactors)}' ({rowFactors.Length} values) and '{nameof(x)}' ({x.Length} values) must each hold {count} samples of equal length.");
        }

        int columns = x.Length / count, rows = rowFactors.Length / count;
        RequireLength(nameof(matrix), rows * columns, matrix.Length);
        if (count < OuterBlockSize)
        {
            for (int k = 0; k < count; k++)
            {
                AddOuter(matrix, rowFactors.Slice(k * rows, rows), x.Slice(k * columns, columns));
            }

            return;
        }

        ref T rx0 = ref MemoryMarshal.GetReference(x);
        ref T rx1 = ref Unsafe.Add(ref rx0, columns);
        ref T rx2 = ref Unsafe.Add(ref rx1, columns);
        ref T rx3 = ref Unsafe.Add(ref rx2, columns);
        for (int i = 0; i < rows; i++)
        {
            AddFourScaled(ref Unsafe.Add(ref MemoryMarshal.GetReference(matrix), i * columns), columns,
                rowFactors[i], rowFactors[rows + i], rowFactors[(2 * rows) + i], rowFactors[(3 * rows) + i],
                ref rx0, ref rx1, ref rx2, ref rx3);
        }
    }

    /// <summary>y = (((y + a₀x₀) + a₁x₁) + a₂x₂) + a₃x₃ over n elements, each step one <see cref="MultiplyAdd{T}(T, T, T)"/>.</summary>
    private static void AddFourScaled<T>(ref T ry, int n, T a0, T a1, T a2, T a3, ref T rx0, ref T rx1, ref T rx2, ref T rx3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
#if NET9_0_OR_GREATER
        if (Vector512.IsHardwareAccelerated && Vector<T>.Count * 2 == Vector512<T>.Count)
        {
            Vector512<T> b0 = Vector512.Create(a0), b1 = Vector512.Create(a1), b2 = Vector512.Create(a2), b3 = Vector512.Create(a3);
            for (int wide = Vector512<T>.Count; i <= n - wide; i += wide)
            {
                Vector512<T> y = MultiplyAdd512(b0, Vector512.LoadUnsafe(ref rx0, (nuint)i), Vector512.LoadUnsafe(ref ry, (nuint)i));
                y = MultiplyAdd512(b1, Vector512.LoadUnsafe(ref rx1, (nuint)i), y);
                y = MultiplyAdd512(b2, Vector512.LoadUnsafe(ref rx2, (nuint)i), y);
                MultiplyAdd512(b3, Vector512.LoadUnsafe(ref rx3, (nuint)i), y).StoreUnsafe(ref ry, (nuint)i);
            }
        }
#endif

        int width = Vector<T>.Count;
        if (Vector.IsHardwareAccelerated && n - i >= width)
        {
            Vector<T> v0 = new(a0), v1 = new(a1), v2 = new(a2), v3 = new(a3);
            for (; i <= n - width; i += width)
            {
                Vector<T> y = MultiplyAdd(v0, Vector.LoadUnsafe(ref rx0, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i));
                y = MultiplyAdd(v1, Vector.LoadUnsafe(ref rx1, (nuint)i), y);
                y = MultiplyAdd(v2, Vector.LoadUnsafe(ref rx2, (nuint)i), y);
                MultiplyAdd(v3, Vector.LoadUnsafe(ref rx3, (nuint)i), y).StoreUnsafe(ref ry, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            T y = MultiplyAdd(a0, Unsafe.Add(ref rx0, i), Unsafe.Add(ref ry, i));
            y = MultiplyAdd(a1, Unsafe.Add(ref rx1, i), y);
            y = MultiplyAdd(a2, Unsafe.Add(ref rx2, i), y);
            Unsafe.Add(ref ry, i) = MultiplyAdd(a3, Unsafe.Add(ref rx3, i), y);
        }
    }
}
