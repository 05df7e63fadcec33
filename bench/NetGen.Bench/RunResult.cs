using System.Text.Json.Serialization;

namespace NetGen.Bench;

/// <summary>
/// The runner contract's JSON line: the yardstick README's fields, plus a few extras, among them the .NET peers'
/// <c>infer_batch</c> (rows per batched call; null without --infer-batch), <c>infer_batch_ns_per_sample</c> and
/// <c>threads</c>.
/// </summary>
internal sealed record RunResult(
    [property: JsonPropertyName("runner")] string Runner,
    [property: JsonPropertyName("workload")] string Workload,
    [property: JsonPropertyName("steps")] long Steps,
    [property: JsonPropertyName("epochs")] double Epochs,
    [property: JsonPropertyName("train_ns_per_sample")] double? TrainNsPerSample,
    [property: JsonPropertyName("infer_ns_per_sample")] double? InferNsPerSample,
    [property: JsonPropertyName("initial_loss")] double InitialLoss,
    [property: JsonPropertyName("final_loss")] double FinalLoss,
    [property: JsonPropertyName("loss_kind")] string LossKind,
    [property: JsonPropertyName("accuracy")] double? Accuracy,
    [property: JsonPropertyName("infer_steps")] long InferSteps,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("warmup_ms")] double WarmupMilliseconds,
    [property: JsonPropertyName("batch_warmup_ms")] double? BatchWarmupMilliseconds,
    [property: JsonPropertyName("infer_batch")] int? InferBatch,
    [property: JsonPropertyName("infer_batch_ns_per_sample")] double? InferBatchNsPerSample,
    [property: JsonPropertyName("threads")] int Threads);
