namespace NetGen.Generator.Model;

/// <summary>The build properties the generator reads (value-equatable, so unchanged options keep the pipeline cached).</summary>
internal sealed record GeneratorOptions(int UnrollMaxWeights, int UnrollMaxFanIn);
