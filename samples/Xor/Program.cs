using System;
using Xor;

// The four XOR cases.
float[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
float[][] targets = [[0], [1], [1], [0]];

var net = new XorNet(); // initialised from XorNet.DefaultSeed
Span<float> gradient = stackalloc float[XorNet.ParameterCount];
Span<float> parameters = stackalloc float[XorNet.ParameterCount];
const float learningRate = 0.5f;

// Plain full-batch gradient descent: sum ∂L/∂θ over the four cases with Backward, then step.
for (int epoch = 1; epoch <= 2000; epoch++)
{
    gradient.Clear();
    float loss = 0;
    for (int i = 0; i < inputs.Length; i++)
    {
        loss += net.Backward(inputs[i], targets[i], gradient);
    }

    net.GetParameters(parameters);
    for (int k = 0; k < parameters.Length; k++)
    {
        parameters[k] -= learningRate * gradient[k] / inputs.Length;
    }

    net.SetParameters(parameters);
    if (epoch % 200 == 0)
    {
        Console.WriteLine($"epoch {epoch,4}: mean loss {loss / inputs.Length:F5}");
    }
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
