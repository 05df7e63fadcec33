using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels.Simd;

/// <summary>128-bit vectors for the batch kernels; fused multiply-add through the x86 Fma intrinsics (available on .NET 8 and later), a·b + c elsewhere.</summary>
/// <typeparam name="T">float or double.</typeparam>
internal readonly struct Simd128<T> : ISimd<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int Count => Vector128<T>.Count;

    /// <inheritdoc/>
    public static Vector128<T> Zero => Vector128<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector128<T> LoadFirst(ref T source, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref source, offset))
        {
            if (Avx.IsSupported && typeof(T) == typeof(float))
            {
                Vector128<float> mask = Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(count)).AsSingle();
                return Avx.MaskLoad((float*)p, mask).As<float, T>();
            }

            if (Avx.IsSupported && typeof(T) == typeof(double))
            {
                Vector128<double> mask = Vector128.LessThan(Vector128.Create(0L, 1L), Vector128.Create((long)count)).AsDouble();
                return Avx.MaskLoad((double*)p, mask).As<double, T>();
            }

            Span<T> lanes = stackalloc T[Vector128<T>.Count];
            lanes.Clear();
            new ReadOnlySpan<T>(p, count).CopyTo(lanes);
            return Vector128.Create<T>(lanes);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreFirst(Vector128<T> value, ref T destination, nuint offset, int count)
    {
        fixed (T* p = &Unsafe.Add(ref destination, offset))
        {
            if (Avx.IsSupported && typeof(T) == typeof(float))
            {
                Vector128<float> mask = Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(count)).AsSingle();
                Avx.MaskStore((float*)p, mask, value.AsSingle());
                return;
            }

            if (Avx.IsSupported && typeof(T) == typeof(double))
            {
                Vector128<double> mask = Vector128.LessThan(Vector128.Create(0L, 1L), Vector128.Create((long)count)).AsDouble();
                Avx.MaskStore((double*)p, mask, value.AsDouble());
                return;
            }

            Span<T> lanes = stackalloc T[Vector128<T>.Count];
            value.CopyTo(lanes);
            lanes.Slice(0, count).CopyTo(new Span<T>(p, count));
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
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
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SelectWherePositive(Vector128<T> condition, Vector128<T> ifPositive, Vector128<T> otherwise) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(condition, Vector128<T>.Zero), ifPositive, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SumFour(Vector128<T> a, Vector128<T> b, Vector128<T> c, Vector128<T> d, out T sa, out T sb, out T sc, out T sd) =>
        HorizontalSums.Four(a, b, c, d, out sa, out sb, out sc, out sd);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);
}
