using NetGen;

namespace NetGen.Bench.BatchStrategy;

// The small networks the strategy choice is about (the peers' xor and iris, a 4-8-3 and a 16-16-4): written out whole
// in the runner's own assembly, on the kernels in OnKernels (NetGenUnrollMaxWeights = 0).
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)] [Input(2)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)] public partial class Xor221;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class Iris483;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(4)] [Dense(16, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class Iris4163;
