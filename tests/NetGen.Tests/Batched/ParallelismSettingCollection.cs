using Xunit;

namespace NetGen.Tests.Batched;

/// <summary>
/// The tests that set the process-wide NetGen.Kernels.Parallelism.DegreeOfParallelism or measure allocations: they run
/// alone, after the parallel collections, so that no other test sees the setting change under it and no other thread
/// allocates while bytes are counted.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParallelismSettingCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Parallelism setting";
}
