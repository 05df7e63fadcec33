// Networks compiled by the real generator in this test project's own build. One Dense layer of 3
// units with W = I and b = 0 turns Forward into the bare activation: o = f(x).
namespace NetGen.Tests.Networks;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Linear)] public partial class LinearLayer;
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Sigmoid)] public partial class SigmoidLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Tanh)] public partial class TanhLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.ReLU)] public partial class ReluLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2)] public partial class LeakyReluLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.ELU)] public partial class EluLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Softplus)] public partial class SoftplusLayer;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Exponential)] public partial class ExponentialLayer;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Softmax)] public partial class SoftmaxLayer;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Step)] public partial class StepLayer;

// One network per loss (ComputeLoss does not depend on the weights).
[Network(Loss.MeanAbsoluteError, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Linear)] public partial class MaeNet;
[Network(Loss.Huber, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Linear)] public partial class HuberNet;
[Network(Loss.Huber, HuberDelta = 0.5, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Linear)] public partial class HalfHuberNet;
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)] [Input(2)] [Dense(2, Activation.Sigmoid)] public partial class BceNet;
[Network(Loss.KLDivergence, Precision = Precision.Double)] [Input(3)] [Dense(3, Activation.Softmax)] public partial class KlNet;
[Network(Loss.Hinge, Precision = Precision.Double)] [Input(2)] [Dense(2, Activation.Tanh)] public partial class HingeNet;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(2)] [Dense(2, Activation.Exponential)] public partial class PoissonNet;

// Shapes for initialisation and error tests, in float (the default).
[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(2, Activation.Sigmoid)] [Dense(1, Activation.Sigmoid)] public partial class SheetNet;
[Network(Loss.CategoricalCrossEntropy)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.Softmax)] public partial class DigitsNet;
