using System;
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
return correct == 4 ? 0 : 1;
