using NetGen;

namespace NetGen.Bench.Networks;

/// <summary>The yardstick's xor workload: 2-2-1, sigmoid hidden and output, ½‖o−y‖², SGD.</summary>
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)]
[Input(2)]
[Dense(2, Activation.Sigmoid)]
[Dense(1, Activation.Sigmoid)]
public sealed partial class XorNet;
