using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetGen.Generator;
using Xunit;

namespace NetGen.Tests.Generator;

/// <summary>
/// A generator compiled against a newer Microsoft.CodeAnalysis than the consumer's compiler silently
/// does not load (CS8032). The .NET 8 SDKs ship Roslyn 4.8 to 4.11, so the generator may reference
/// nothing newer than 4.8 — checked here on the built assembly's metadata; the consumer check in
/// .ci/run proves it loads in this machine's compiler.
/// </summary>
public sealed class RoslynCompatibilityTests
{
    [Fact]
    public void The_generator_references_Roslyn_4_8_at_most_and_targets_netstandard_2_0()
    {
        string path = typeof(NetworkGenerator).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();

        var roslyn = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Where(r => metadata.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version))
            .ToList();

        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{r.Name} {r.Version} is newer than the .NET 8 SDK's compiler"));
        Assert.Contains(metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)), n => n == "netstandard");
    }
}
