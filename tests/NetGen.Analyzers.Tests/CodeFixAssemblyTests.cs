using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetGen.CodeFixes;
using Xunit;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// The code-fix assembly builds on Workspaces 4.8, as the generator builds on Roslyn 4.8, so it loads
/// wherever the generator does; it takes the diagnostic ids from the generator as compile-time
/// constants, so at run time it does not depend on the generator assembly.
/// </summary>
public sealed class CodeFixAssemblyTests
{
    [Fact]
    public void Code_fixes_reference_Roslyn_4_8_at_most_and_not_the_generator()
    {
        using var stream = File.OpenRead(typeof(MakePartialCodeFixProvider).Assembly.Location);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).Select(r => (Name: metadata.GetString(r.Name), r.Version)).ToList();

        Assert.Contains(references, r => r.Name == "Microsoft.CodeAnalysis.Workspaces");
        Assert.All(references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)), r => Assert.True(r.Version <= new Version(4, 8, 0, 0), r.Name + " " + r.Version));
        Assert.DoesNotContain(references, r => r.Name == "NetGen.Generator");
    }
}
