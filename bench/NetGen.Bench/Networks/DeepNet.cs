using NetGen;

namespace NetGen.Bench.Networks;

/// <summary>The yardstick's deep workload: 32-64-64-64-1, tanh hidden, linear output, ½‖o−y‖², SGD.</summary>
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)]
[Input(32)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(64, Activation.Tanh)]
[Dense(1, Activation.Linear)]
public sealed partial class DeepNet;
