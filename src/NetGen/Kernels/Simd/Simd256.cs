using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels.Simd;

/// <summary>256-bit vectors for the batch kernels; fused multiply-add through the x86 Fma intrinsics (available on .NET 8 and later), a·b + c elsewhere.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct Simd256<T> : ISimd<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    public static Vector256<T> Zero => Vector256<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<T> LoadFirst(ref T source, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref source, offset))
        {
            if (Avx.IsSupported && typeof(T) == typeof(float))
            {
                Vector256<float> mask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();
                return Avx.MaskLoad((float*)p, mask).As<float, T>();
            }

            if (Avx.IsSupported && typeof(T) == typeof(double))
            {
                Vector256<double> mask = Vector256.LessThan(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)count)).AsDouble();
                return Avx.MaskLoad((double*)p, mask).As<double, T>();
            }

            Span<T> lanes = stackalloc T[Vector256<T>.Count];
            lanes.Clear();
            new ReadOnlySpan<T>(p, count).CopyTo(lanes);
            return Vector256.Create<T>(lanes);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreFirst(Vector256<T> value, ref T destination, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref destination, offset))
        {
            if (Avx.IsSupported && typeof(T) == typeof(float))
            {
                Vector256<float> mask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();
                Avx.MaskStore((float*)p, mask, value.AsSingle());
                return;
            }

            if (Avx.IsSupported && typeof(T) == typeof(double))
            {
                Vector256<double> mask = Vector256.LessThan(Vector256.Create(0L, 1L, 2L, 3L), Vector256.Create((long)count)).AsDouble();
                Avx.MaskStore((double*)p, mask, value.AsDouble());
                return;
            }

            Span<T> lanes = stackalloc T[Vector256<T>.Count];
            value.CopyTo(lanes);
            lanes.Slice(0, count).CopyTo(new Span<T>(p, count));
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (Fma.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            }

            if (typeof(T) == typeof(double))
            {
                return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
            }
        }

        return (a * b) + c;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ScalarMultiplyAdd(T a, T b, T c) => Fma.IsSupported ? T.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SelectWherePositive(Vector256<T> condition, Vector256<T> ifPositive, Vector256<T> otherwise) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(condition, Vector256<T>.Zero), ifPositive, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SumFour(Vector256<T> a, Vector256<T> b, Vector256<T> c, Vector256<T> d, out T sa, out T sb, out T sc, out T sd) =>
        HorizontalSums.Four(a, b, c, d, out sa, out sb, out sc, out sd);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);
}
