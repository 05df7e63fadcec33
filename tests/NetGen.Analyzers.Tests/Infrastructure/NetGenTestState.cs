using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// What every Microsoft.CodeAnalysis.Testing test here shares with the compilation harness: the same
/// references (the SDK's net10.0 reference assemblies and NetGen.dll, see <see cref="TestReferences"/>),
/// the same parse and compilation options, and the real generator in the pipeline, so that the analyzer
/// sees the generated members as in a build.
/// </summary>
internal static class NetGenTestState
{
    /// <summary>No reference-assembly package: the references come from <see cref="TestReferences"/>, so nothing is downloaded.</summary>
    public static ReferenceAssemblies ReferenceAssemblies { get; } = new("net10.0");

    /// <summary>The generator runs in every test, as it runs in a build.</summary>
    public static IEnumerable<Type> SourceGenerators { get; } = new[] { typeof(NetGen.Generator.NetworkGenerator) };

    /// <summary>Applies the shared references to <paramref name="state"/>.</summary>
    public static void Apply(SolutionState state)
    {
        state.ReferenceAssemblies = ReferenceAssemblies;
        state.AdditionalReferences.AddRange(TestReferences.All);
    }
}
