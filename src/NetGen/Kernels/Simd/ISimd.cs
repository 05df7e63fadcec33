using System.Numerics;

namespace NetGen.Kernels.Simd;

/// <summary>
/// One SIMD width as a type argument, so that each batch kernel is written once and the JIT compiles it for
/// 512-, 256- or 128-bit vectors (a struct type argument gets its own specialised code, every call inlined).
/// Every lane of <see cref="MultiplyAdd"/> rounds as <see cref="ScalarMultiplyAdd"/> does, so a kernel's scalar
/// tail gives an element the bits a vector lane would.
/// </summary>
/// <typeparam name="TVector">The vector type (Vector512&lt;T&gt;, Vector256&lt;T&gt;, Vector128&lt;T&gt;).</typeparam>
/// <typeparam name="T">float or double.</typeparam>
internal interface ISimd<TVector, T>
    where TVector : struct
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes zero.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Count elements from <c>source + offset</c>, any alignment.</summary>
    static abstract TVector Load(ref T source, nuint offset);

    /// <summary>Stores every lane at <c>destination + offset</c>, any alignment.</summary>
    static abstract void Store(TVector value, ref T destination, nuint offset);

    /// <summary>
    /// The first <paramref name="count"/> (1 … Count) elements from <c>source + offset</c>, zeros in the other lanes;
    /// nothing past them is read (a masked load where the processor has one).
    /// </summary>
    static abstract TVector LoadFirst(ref T source, nuint offset, int count);

    /// <summary>Stores the first <paramref name="count"/> (1 … Count) lanes at <c>destination + offset</c>; nothing past them is written.</summary>
    static abstract void StoreFirst(TVector value, ref T destination, nuint offset, int count);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary>a·b + c per lane: one rounding where the processor has FMA (see <see cref="ScalarMultiplyAdd"/>).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>a·b + c for one element, rounded exactly as a lane of <see cref="MultiplyAdd"/>.</summary>
    static abstract T ScalarMultiplyAdd(T a, T b, T c);

    /// <summary>a + b per lane.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>a − b per lane.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary>a·b per lane.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>condition &gt; 0 ? ifPositive : otherwise per lane (NaN conditions take <paramref name="otherwise"/>).</summary>
    static abstract TVector SelectWherePositive(TVector condition, TVector ifPositive, TVector otherwise);

    /// <summary>The lane sums of four vectors, each reduced in the same pattern whichever slot it is in.</summary>
    static abstract void SumFour(TVector a, TVector b, TVector c, TVector d, out T sa, out T sb, out T sc, out T sd);

    /// <summary>The sum of the lanes, always in the same order for the same width.</summary>
    static abstract T Sum(TVector value);
}
