using System.Text.Json.Serialization;

namespace NetGen.Bench;

/// <summary>
/// The JSON line's serializer, generated at compile time, so that the runner also works when published
/// with Native AOT (reflection-based System.Text.Json is neither AOT- nor trim-safe).
/// </summary>
[JsonSerializable(typeof(RunResult))]
internal sealed partial class RunResultJson : JsonSerializerContext;
