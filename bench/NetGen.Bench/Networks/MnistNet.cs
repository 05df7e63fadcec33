using NetGen;

namespace NetGen.Bench.Networks;

/// <summary>The yardstick's mnist and mnist_b64 workloads: 784-128-10, ReLU hidden, softmax + cross-entropy, SGD.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)]
[Input(784)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public sealed partial class MnistNet;
