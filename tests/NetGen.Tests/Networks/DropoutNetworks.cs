// Dropout after a hidden layer, its twin without, a rate of 0, and a looped network (over 1024 weights).
namespace NetGen.Tests.Networks;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(6, Activation.Tanh)] [Dropout(0.5)] [Dense(2, Activation.Linear)] public partial class DropoutNet;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(6, Activation.Tanh)] [Dense(2, Activation.Linear)] public partial class DropoutTwin;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(6, Activation.Tanh)] [Dropout(0)] [Dense(2, Activation.Linear)] public partial class ZeroDropoutNet;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(40, Activation.ReLU)] [Dropout(0.3)] [Dense(30, Activation.Sigmoid)] [Dropout(0.2)] [Dense(3, Activation.Softmax)] public partial class WideDropoutNet;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Dense(12, Activation.Tanh)] [Dropout(0.3)] [Dense(12, Activation.Sigmoid)] [Dropout(0.2)] [Dense(2, Activation.Softmax)] public partial class MixedDropoutNet;
