using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels.Simd;

/// <summary>512-bit vectors for the batch kernels; fused multiply-add through the x86 Avx512F intrinsics (available on .NET 8 and later), a·b + c elsewhere.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct Simd512<T> : ISimd<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    public static Vector512<T> Zero => Vector512<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<T> LoadFirst(ref T source, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref source, offset))
        {
#if NET9_0_OR_GREATER // the AVX-512 masked loads and stores arrived in .NET 9; .NET 8 takes the copy below
            if (Avx512F.IsSupported && typeof(T) == typeof(float))
            {
                Vector512<float> mask = Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(count)).AsSingle();
                return Avx512F.MaskLoad((float*)p, mask, Vector512<float>.Zero).As<float, T>();
            }

            if (Avx512F.IsSupported && typeof(T) == typeof(double))
            {
                Vector512<double> mask = Vector512.LessThan(Vector512.Create(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), Vector512.Create((long)count)).AsDouble();
                return Avx512F.MaskLoad((double*)p, mask, Vector512<double>.Zero).As<double, T>();
            }

#endif
            Span<T> lanes = stackalloc T[Vector512<T>.Count];
            lanes.Clear();
            new ReadOnlySpan<T>(p, count).CopyTo(lanes);
            return Vector512.Create<T>(lanes);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreFirst(Vector512<T> value, ref T destination, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref destination, offset))
        {
#if NET9_0_OR_GREATER // the AVX-512 masked loads and stores arrived in .NET 9; .NET 8 takes the copy below
            if (Avx512F.IsSupported && typeof(T) == typeof(float))
            {
                Vector512<float> mask = Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(count)).AsSingle();
                Avx512F.MaskStore((float*)p, mask, value.AsSingle());
                return;
            }

            if (Avx512F.IsSupported && typeof(T) == typeof(double))
            {
                Vector512<double> mask = Vector512.LessThan(Vector512.Create(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), Vector512.Create((long)count)).AsDouble();
                Avx512F.MaskStore((double*)p, mask, value.AsDouble());
                return;
            }

#endif
            Span<T> lanes = stackalloc T[Vector512<T>.Count];
            value.CopyTo(lanes);
            lanes.Slice(0, count).CopyTo(new Span<T>(p, count));
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (Avx512F.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                return Avx512F.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            }

            if (typeof(T) == typeof(double))
            {
                return Avx512F.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
            }
        }

        return (a * b) + c;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScalarMultiplyAdd(T a, T b, T c) => Avx512F.IsSupported ? T.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SelectWherePositive(Vector512<T> condition, Vector512<T> ifPositive, Vector512<T> otherwise) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(condition, Vector512<T>.Zero), ifPositive, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SumFour(Vector512<T> a, Vector512<T> b, Vector512<T> c, Vector512<T> d, out T sa, out T sb, out T sc, out T sd) =>
        HorizontalSums.Four(a.GetLower() + a.GetUpper(), b.GetLower() + b.GetUpper(), c.GetLower() + c.GetUpper(), d.GetLower() + d.GetUpper(), out sa, out sb, out sc, out sd);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);
}
