// Networks compiled by the real generator in this project's build: every activation as a hidden and as the output
// layer, in float and double, written out (3-4-3: fan-ins ≤ 16, ≤ 128 weights) and on the SIMD kernels (64-32-10).
namespace NetGen.Onnx.Tests.Networks;

[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.Linear)] [Dense(3, Activation.Linear)] public partial class SmallLinearFloat;
[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(4, Activation.Sigmoid)] [Dense(3, Activation.Sigmoid)] public partial class SmallSigmoidFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class SmallTanhFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.ReLU)] [Dense(3, Activation.ReLU)] public partial class SmallReLUFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.LeakyReLU, Alpha = 0.2)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2)] public partial class SmallLeakyReLUFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.ELU, Alpha = 0.5)] [Dense(3, Activation.ELU, Alpha = 0.5)] public partial class SmallELUFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.Softplus)] [Dense(3, Activation.Softplus)] public partial class SmallSoftplusFloat;
[Network(Loss.Poisson)] [Input(3)] [Dense(4, Activation.Exponential)] [Dense(3, Activation.Exponential)] public partial class SmallExponentialFloat;
[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Dense(4, Activation.Softmax)] [Dense(3, Activation.Softmax)] public partial class SmallSoftmaxFloat;
[Network(Loss.MeanSquaredError)] [Input(3)] [Dense(4, Activation.Step)] [Dense(3, Activation.Step)] public partial class SmallStepFloat;

[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.Linear)] [Dense(10, Activation.Linear)] public partial class WideLinearFloat;
[Network(Loss.BinaryCrossEntropy)] [Input(64)] [Dense(32, Activation.Sigmoid)] [Dense(10, Activation.Sigmoid)] public partial class WideSigmoidFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.Tanh)] [Dense(10, Activation.Tanh)] public partial class WideTanhFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.ReLU)] public partial class WideReLUFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.LeakyReLU, Alpha = 0.2)] [Dense(10, Activation.LeakyReLU, Alpha = 0.2)] public partial class WideLeakyReLUFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.ELU, Alpha = 0.5)] [Dense(10, Activation.ELU, Alpha = 0.5)] public partial class WideELUFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.Softplus)] [Dense(10, Activation.Softplus)] public partial class WideSoftplusFloat;
[Network(Loss.Poisson)] [Input(64)] [Dense(32, Activation.Exponential)] [Dense(10, Activation.Exponential)] public partial class WideExponentialFloat;
[Network(Loss.CategoricalCrossEntropy)] [Input(64)] [Dense(32, Activation.Softmax)] [Dense(10, Activation.Softmax)] public partial class WideSoftmaxFloat;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.Step)] [Dense(10, Activation.Step)] public partial class WideStepFloat;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Linear)] [Dense(3, Activation.Linear)] public partial class SmallLinearDouble;
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Sigmoid)] [Dense(3, Activation.Sigmoid)] public partial class SmallSigmoidDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Tanh)] [Dense(3, Activation.Tanh)] public partial class SmallTanhDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.ReLU)] [Dense(3, Activation.ReLU)] public partial class SmallReLUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.LeakyReLU, Alpha = 0.2)] [Dense(3, Activation.LeakyReLU, Alpha = 0.2)] public partial class SmallLeakyReLUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.ELU, Alpha = 0.5)] [Dense(3, Activation.ELU, Alpha = 0.5)] public partial class SmallELUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Softplus)] [Dense(3, Activation.Softplus)] public partial class SmallSoftplusDouble;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Exponential)] [Dense(3, Activation.Exponential)] public partial class SmallExponentialDouble;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Softmax)] [Dense(3, Activation.Softmax)] public partial class SmallSoftmaxDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Step)] [Dense(3, Activation.Step)] public partial class SmallStepDouble;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Linear)] [Dense(10, Activation.Linear)] public partial class WideLinearDouble;
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Sigmoid)] [Dense(10, Activation.Sigmoid)] public partial class WideSigmoidDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Tanh)] [Dense(10, Activation.Tanh)] public partial class WideTanhDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.ReLU)] [Dense(10, Activation.ReLU)] public partial class WideReLUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.LeakyReLU, Alpha = 0.2)] [Dense(10, Activation.LeakyReLU, Alpha = 0.2)] public partial class WideLeakyReLUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.ELU, Alpha = 0.5)] [Dense(10, Activation.ELU, Alpha = 0.5)] public partial class WideELUDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Softplus)] [Dense(10, Activation.Softplus)] public partial class WideSoftplusDouble;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Exponential)] [Dense(10, Activation.Exponential)] public partial class WideExponentialDouble;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Softmax)] [Dense(10, Activation.Softmax)] public partial class WideSoftmaxDouble;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(64)] [Dense(32, Activation.Step)] [Dense(10, Activation.Step)] public partial class WideStepDouble;

// Mixed: three layers with different activations, and a dropout layer the export leaves out.
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(8, Activation.Tanh)] [Dropout(0.5)] [Dense(6, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class MixedNet;
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(6, Activation.Sigmoid)] [Dense(3, Activation.Softmax)] public partial class MixedSigmoidNet;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(6, Activation.ReLU)] [Dense(3, Activation.Linear)] public partial class MixedLogitsNet;
[Network(Loss.MeanSquaredError)] [Input(4)] [Dense(8, Activation.LeakyReLU)] [Dense(3, Activation.Linear)] public partial class DefaultLeakyNet;
[Network(Loss.CategoricalCrossEntropy)] [Input(5)] [Dense(8, Activation.Tanh)] [Dense(6, Activation.ReLU)] [Dense(3, Activation.Softmax)] public partial class WiderInputNet;
