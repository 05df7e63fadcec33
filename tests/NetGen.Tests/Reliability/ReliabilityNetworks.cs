// Networks for the reliability tests: the shape of issue 11's BackwardBatch overflow (1 input, 3 outputs),
// ReLU networks written out and on the kernels (ReLU maps NaN to 0, hiding a NaN input), and one in double.
namespace NetGen.Tests.Reliability;

[Network(Loss.MeanSquaredError)] [Input(1)] [Dense(3, Activation.Linear)] public partial class OneToThreeNet;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Adam)] [Input(2)] [Dense(4, Activation.ReLU)] [Dense(1, Activation.Linear)] public partial class SmallReluNet;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Adam)] [Input(1)] [Dense(40, Activation.ReLU)] [Dense(3, Activation.Linear)] public partial class WideOneToThreeNet;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double, Optimizer = Optimizer.Momentum)] [Input(20)] [Dense(24, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class WideReluDoubleNet;
