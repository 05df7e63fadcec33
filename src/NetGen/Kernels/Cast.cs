using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

/// <summary>A span of T seen as the float span it is (callers check typeof(T) == typeof(float) first).</summary>
internal static class Cast
{
    /// <summary>The same memory as a read-only float span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<float> ToSingle<T>(ReadOnlySpan<T> span)
        where T : unmanaged =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(span)), span.Length);

    /// <summary>The same memory as a float span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<float> ToSingle<T>(Span<T> span)
        where T : unmanaged =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(span)), span.Length);
}
