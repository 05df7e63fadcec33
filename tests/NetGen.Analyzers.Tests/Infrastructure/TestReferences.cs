using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>What a test compilation references: the running .NET's assemblies and NetGen.dll.</summary>
internal static class TestReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyAll = new(Load);

    public static IReadOnlyList<MetadataReference> All => LazyAll.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        string platform = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        var paths = platform
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(NetGen.NetworkAttribute).Assembly.Location);
        return paths.Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }
}
