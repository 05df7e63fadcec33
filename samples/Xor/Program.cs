using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using NetGen.Data;
using NetGen.Training;
using Xor;

// The four XOR cases.
float[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
float[][] targets = [[0], [1], [1], [0]];
Dataset<float> cases = Dataset<float>.FromRows(inputs, targets);

// Full-batch gradient descent: each epoch sums ∂L/∂θ over all four cases, then takes one step.
var net = new XorNet(); // initialised from XorNet.DefaultSeed
net.Hyperparameters.LearningRate = 0.5;
TrainingHistory history = Trainer.Fit(net, cases, new TrainerOptions { Epochs = 2000, BatchSize = cases.Count });
for (int epoch = 200; epoch <= history.Epochs.Count; epoch += 200)
{
    Console.WriteLine($"epoch {epoch,4}: mean loss {history.Epochs[epoch - 1].TrainingLoss:F5}");
}

Span<float> output = stackalloc float[XorNet.OutputSize];
int correct = 0;
for (int i = 0; i < inputs.Length; i++)
{
    net.Forward(inputs[i], output);
    bool right = (output[0] > 0.5f) == (targets[i][0] > 0.5f);
    correct += right ? 1 : 0;
    Console.WriteLine($"{inputs[i][0]} XOR {inputs[i][1]} = {output[0]:F3} (expected {targets[i][0]}) {(right ? "✓" : "✗")}");
}

Console.WriteLine($"{correct}/4 correct");

// Which vector widths the kernels of larger networks would get here: under the JIT the machine's own,
// in a Native AOT binary those of the instruction set it was compiled for (IlcInstructionSet, README).
Console.WriteLine(
    $"SIMD: Vector<float> {Vector<float>.Count * 32} bits, Vector256 {Accelerated(Vector256.IsHardwareAccelerated)}, " +
    $"Vector512 {Accelerated(Vector512.IsHardwareAccelerated)}");

bool passed = correct == 4;
Console.WriteLine($"{(passed ? "PASS" : "FAIL")}: {correct}/4 XOR cases correct (needs 4/4)");
return passed ? 0 : 1;

static string Accelerated(bool accelerated) => accelerated ? "accelerated" : "not accelerated";
