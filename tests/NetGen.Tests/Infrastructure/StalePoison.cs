using System;
using System.Runtime.CompilerServices;

namespace NetGen.Tests.Infrastructure;

/// <summary>Leaves NaN in the stack memory the next call at the same depth will get from <c>stackalloc</c>.</summary>
internal static class StalePoison
{
    private static float _sink;

    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    public static void Fill()
    {
        Span<float> junk = stackalloc float[16_384];
        junk.Fill(float.NaN);
        _sink += junk[junk.Length / 2];
    }
}
