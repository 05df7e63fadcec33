using System;
using System.Runtime.InteropServices;

namespace NetGen.Tests.Reliability;

/// <summary>
/// Spans of any length over address space that is reserved but not accessible: a member that checks its
/// arguments first never touches them; one that reads or writes before checking crashes the test run.
/// Costs no memory (the pages are never committed).
/// </summary>
internal static unsafe class UntouchableMemory
{
    /// <summary>Enough for the largest span the tests build: 1,431,655,766 floats, or int.MaxValue floats.</summary>
    private static readonly long Bytes = 8L * 1024 * 1024 * 1024 + 4096;

    private static readonly Lazy<nint> Region = new(Reserve);

    public static ReadOnlySpan<T> ReadOnly<T>(int length)
        where T : unmanaged
    {
        if ((long)length * sizeof(T) > Bytes)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "More than the reserved region.");
        }

        return new ReadOnlySpan<T>((void*)Region.Value, length);
    }

    public static Span<T> Writable<T>(int length)
        where T : unmanaged =>
        new((void*)Region.Value, ReadOnly<T>(length).Length);

    private static nint Reserve()
    {
        if (OperatingSystem.IsWindows())
        {
            nint windows = VirtualAlloc(0, (nuint)Bytes, MemReserve, PageNoAccess);
            return windows != 0 ? windows : throw new InvalidOperationException("VirtualAlloc could not reserve the region.");
        }

        nint address = Mmap(0, (nuint)Bytes, ProtNone, MapPrivate | MapAnonymous | (OperatingSystem.IsLinux() ? MapNoReserveLinux : 0), -1, 0);
        return address != -1 ? address : throw new InvalidOperationException("mmap could not reserve the region.");
    }

    private const int ProtNone = 0;
    private const int MapPrivate = 0x02;
    private static readonly int MapAnonymous = OperatingSystem.IsLinux() ? 0x20 : 0x1000;
    private const int MapNoReserveLinux = 0x4000;
    private const uint MemReserve = 0x2000;
    private const uint PageNoAccess = 0x01;

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("kernel32", SetLastError = true)]
    private static extern nint VirtualAlloc(nint address, nuint size, uint allocationType, uint protection);
}
