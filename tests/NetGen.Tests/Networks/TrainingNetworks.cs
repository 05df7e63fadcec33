// One weight and one bias (o = w·x + b, L = ½(o − y)²), once per optimizer: small enough to
// follow every update by hand.
namespace NetGen.Tests.Networks;

[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Sgd)] [Input(1)] [Dense(1, Activation.Linear)] public partial class SgdUnit;
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Momentum)] [Input(1)] [Dense(1, Activation.Linear)] public partial class MomentumUnit;
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.RmsProp)] [Input(1)] [Dense(1, Activation.Linear)] public partial class RmsPropUnit;
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Adam)] [Input(1)] [Dense(1, Activation.Linear)] public partial class AdamUnit;

// Larger networks for TrainStep ≡ Backward + ApplyGradients, unrolled and looped, in float.
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class SgdIris;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Momentum)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class MomentumIris;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.RmsProp)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class RmsPropIris;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(5, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class AdamIris;
[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)] [Input(40)] [Dense(30, Activation.ReLU)] [Dense(2, Activation.Sigmoid)] public partial class AdamWide;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Momentum)] [Input(40)] [Dense(30, Activation.ELU)] [Dense(2, Activation.Linear)] public partial class MomentumWide;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(40)] [Dense(30, Activation.ReLU)] [Dense(20, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class SgdWide;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)] [Input(40)] [Dense(3, Activation.Linear)] public partial class SgdWideSingleLayer;

// Mixed strategy: layers 1 and 3 (36 + 24 weights) written out, layer 2 (144 weights) through the kernels.
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Sgd)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Softmax)] public partial class SgdMixed;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.ReLU)] [Dense(2, Activation.Softmax)] public partial class AdamMixed;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Sgd)] [Input(20)] [Dense(8, Activation.Tanh)] [Dense(2, Activation.Linear)] public partial class SgdMixedLoopedFirst;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.RmsProp)] [Input(3)] [Dense(12, Activation.ELU)] [Dense(12, Activation.Sigmoid)] [Dense(2, Activation.Linear)] public partial class RmsPropMixed;

// Networks the trainer is checked with.
[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)] [Input(2)] [Dense(4, Activation.Tanh)] [Dense(1, Activation.Sigmoid)] public partial class XorNet;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(16, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class IrisNet;
