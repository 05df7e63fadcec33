namespace NetGen.Serialization;

/// <summary>One tensor as a safetensors header describes it, before it is checked against a network.</summary>
internal sealed record TensorEntry(string Name, string Dtype, long[] Shape, long Begin, long End);
