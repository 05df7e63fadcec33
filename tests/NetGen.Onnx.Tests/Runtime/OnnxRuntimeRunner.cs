using System;
using System.Linq;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;

namespace NetGen.Onnx.Tests.Runtime;

/// <summary>Runs an ONNX model in ONNX Runtime (the CPU provider) on a batch of samples stored one after another.</summary>
public static class OnnxRuntimeRunner
{
    /// <summary>The model's output for <paramref name="batch"/> samples of <paramref name="inputSize"/> values each.</summary>
    public static T[] Run<T>(byte[] model, T[] inputs, int batch, int inputSize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        string inputName = session.InputMetadata.Keys.Single();
        string outputName = session.OutputMetadata.Keys.Single();
        using var input = OrtValue.CreateTensorValueFromMemory(inputs, new long[] { batch, inputSize });
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, new[] { inputName }, new[] { input }, new[] { outputName });
        return results[0].GetTensorDataAsSpan<T>().ToArray();
    }
}
