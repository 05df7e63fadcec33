namespace NetGen.Tests.Maxout;

// The Maxout networks of the tests: written out, on the kernels and mixed, hidden and output, double for finite
// differences and float for the equivalence tests.

// By hand: one 2-input Maxout layer of 2 units × 3 pieces as the output (MaxoutValueTests).
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(2)] [Maxout(2, 3)] public partial class HandMaxout;

// Hidden Maxout, written out (3·12 + 4·2 = 44 weights), mixed (kernels for the 144-weight Maxout), on the kernels (fan-in 18 > 16).
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Maxout(4, 3)] [Dense(2, Activation.Linear)] public partial class HiddenMaxoutSmall;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Maxout(16, 3, Inputs = 3)] [Dense(3, Activation.Softmax)] public partial class HiddenMaxoutMixed;
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double, Optimizer = Optimizer.Adam)] [Input(18)] [Maxout(18, 2)] [Dense(17, Activation.Sigmoid)] public partial class HiddenMaxoutKernels;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Tanh)] [Maxout(3, 2)] [Maxout(2, 2)] public partial class StackedMaxout;

// Maxout output with each loss math.md allows on it (MSE, MAE, Huber, Hinge), written out and on the kernels.
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Tanh)] [Maxout(2, 3)] public partial class OutputMaxoutMse;
[Network(Loss.MeanAbsoluteError, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.ReLU)] [Maxout(2, 3)] public partial class OutputMaxoutMae;
[Network(Loss.Huber, Precision = Precision.Double, HuberDelta = 0.5)] [Input(3)] [Dense(4, Activation.ELU)] [Maxout(2, 3)] public partial class OutputMaxoutHuber;
[Network(Loss.Hinge, Precision = Precision.Double)] [Input(3)] [Dense(4, Activation.Tanh)] [Maxout(2, 3)] public partial class OutputMaxoutHinge;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(18)] [Dense(18, Activation.Tanh)] [Maxout(17, 2)] public partial class OutputMaxoutKernels;

// Float twins for TrainStep ≡ Backward + ApplyGradients and BackwardBatch ≡ Backward per sample, with dropout after a hidden Maxout.
[Network(Loss.CategoricalCrossEntropy)] [Input(4)] [Maxout(5, 2)] [Dense(3, Activation.Softmax)] public partial class SgdMaxoutSmall;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Maxout(5, 2)] [Dense(3, Activation.Softmax)] public partial class AdamMaxoutSmall;
[Network(Loss.CategoricalCrossEntropy)] [Input(40)] [Maxout(24, 3)] [Dropout(0.25)] [Dense(3, Activation.Softmax)] public partial class SgdMaxoutWideDropout;
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.RmsProp)] [Input(3)] [Maxout(16, 3)] [Dropout(0.2)] [Dense(2, Activation.Linear)] public partial class RmsPropMaxoutMixedDropout;
[Network(Loss.Huber, Optimizer = Optimizer.Momentum)] [Input(20)] [Dense(20, Activation.ReLU)] [Maxout(3, 4)] public partial class MomentumMaxoutOutputKernels;

// Iris: a Maxout hidden layer against its Dense counterpart (MaxoutTrainingTests).
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Maxout(8, 2)] [Dense(3, Activation.Softmax)] public partial class IrisMaxout;
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(8, Activation.Tanh)] [Dense(3, Activation.Softmax)] public partial class IrisDense;
