using NetGen;

namespace NetGen.Bench.Networks;

/// <summary>The yardstick's iris workload: 4-16-3, tanh hidden, softmax + cross-entropy, SGD.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)]
[Input(4)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public sealed partial class IrisNet;
