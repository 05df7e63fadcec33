using NetGen;

namespace Xor;

/// <summary>2 inputs → 2 hidden units → 1 output: the smallest network that can learn XOR.</summary>
[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;
