using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace NetGen.Tests.Infrastructure;

/// <summary>
/// What every test compilation references, loaded once per test run: the .NET reference assemblies of
/// the SDK's own targeting pack (<c>packs/Microsoft.NETCore.App.Ref/&lt;runtime version&gt;/ref/net10.0</c>,
/// so nothing is downloaded) and NetGen.dll as the test project references it. Shared by NetGen.Tests
/// and NetGen.Analyzers.Tests (linked as source).
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    /// <summary>The framework's reference assemblies and NetGen.dll.</summary>
    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>The folder of the SDK targeting pack matching the running runtime.</summary>
    public static string FrameworkDirectory { get; } = FindFrameworkDirectory();

    private static ImmutableArray<MetadataReference> Load() =>
        Directory.EnumerateFiles(FrameworkDirectory, "*.dll")
            .Append(typeof(NetworkAttribute).Assembly.Location)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private static string FindFrameworkDirectory()
    {
        // RuntimeEnvironment: <dotnet root>/shared/Microsoft.NETCore.App/<version>/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        string root = runtime.Parent!.Parent!.Parent!.FullName;
        Version version = Environment.Version;
        string moniker = "net" + version.Major + "." + version.Minor;
        string packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");

        // The pack of the running runtime, else the newest of the same major version.
        string? pack = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs)
                .Where(d => Directory.Exists(Path.Combine(d, "ref", moniker)))
                .OrderByDescending(d => Path.GetFileName(d) == runtime.Name)
                .ThenByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version())
                .FirstOrDefault()
            : null;
        return pack is not null
            ? Path.Combine(pack, "ref", moniker)
            : throw new InvalidOperationException("No " + moniker + " targeting pack under " + packs + " (the tests compile against the SDK's reference assemblies).");
    }
}
