using NetGen;

namespace NetGen.Bench.Networks;

/// <summary>The yardstick's digits workload: 64-64-10, ReLU hidden, softmax + cross-entropy, SGD.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)]
[Input(64)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public sealed partial class DigitsNet;
