// The networks of the batched-member tests (ForwardBatch, TrainBatch). Fan-ins of 20 and more put every layer on the
// kernels, so their plan is BatchStrategy.MatrixProducts; the widths 24, 17, 5 and 6 are no multiples of the kernels'
// tiles of four samples and 16 units. Together the first ten cover every activation in a hidden layer and at the output,
// every loss, float and double; all of them train with Sgd, whose step with η = 1 gives the gradient back.
#pragma warning disable NG0014 // hidden Softmax on purpose: its batched Jacobian (ProductThenJacobian) is under test
namespace NetGen.Tests.Batched;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Tanh)] [Dense(17, Activation.ReLU)] [Dense(5, Activation.Linear)] public partial class TanhReluLinearMse;
[Network(Loss.BinaryCrossEntropy)] [Input(20)] [Dense(24, Activation.Sigmoid)] [Dense(17, Activation.LeakyReLU, Alpha = 0.2)] [Dense(5, Activation.Sigmoid)] public partial class SigmoidLeakySigmoidBce;
[Network(Loss.CategoricalCrossEntropy)] [Input(20)] [Dense(24, Activation.ELU, Alpha = 0.7)] [Dense(17, Activation.Softplus)] [Dense(6, Activation.Softmax)] public partial class EluSoftplusSoftmaxCce;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Exponential)] [Dense(17, Activation.Linear)] [Dense(5, Activation.Exponential)] public partial class ExponentialLinearExponentialPoisson;
[Network(Loss.KLDivergence)] [Input(20)] [Dense(24, Activation.Softmax)] [Dense(17, Activation.Tanh)] [Dense(6, Activation.Softmax)] public partial class SoftmaxTanhSoftmaxKl;
[Network(Loss.Hinge)] [Input(20)] [Dense(24, Activation.ReLU)] [Dense(17, Activation.Sigmoid)] [Dense(5, Activation.Tanh)] public partial class ReluSigmoidTanhHinge;
[Network(Loss.Huber, HuberDelta = 0.5, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.LeakyReLU, Alpha = 0.05)] [Dense(17, Activation.ELU)] [Dense(5, Activation.ReLU)] public partial class LeakyEluReluHuber;
[Network(Loss.MeanAbsoluteError)] [Input(20)] [Dense(24, Activation.Tanh)] [Dense(17, Activation.Softplus)] [Dense(5, Activation.LeakyReLU, Alpha = 0.3)] public partial class TanhSoftplusLeakyMae;
[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.Sigmoid)] [Dense(17, Activation.Exponential)] [Dense(5, Activation.ELU, Alpha = 1.5)] public partial class SigmoidExponentialEluMse;
[Network(Loss.Poisson)] [Input(20)] [Dense(24, Activation.Linear)] [Dense(17, Activation.ReLU)] [Dense(5, Activation.Softplus)] public partial class LinearReluSoftplusPoisson;
[Network(Loss.Huber, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Softplus)] [Dense(5, Activation.Exponential)] public partial class SoftplusExponentialHuber;

// Output pairs that do not collapse (δ through f′ or the softmax Jacobian), the loss from O rather than A.
[Network(Loss.BinaryCrossEntropy)] [Input(20)] [Dense(24, Activation.Tanh)] [Dense(6, Activation.Softmax)] public partial class SoftmaxBce;
[Network(Loss.Poisson, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.ReLU)] [Dense(6, Activation.Softmax)] public partial class SoftmaxPoisson;
[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.ELU)] [Dense(5, Activation.Sigmoid)] public partial class SigmoidMse;
[Network(Loss.Poisson)] [Input(20)] [Dense(24, Activation.Softplus)] [Dense(5, Activation.Sigmoid)] public partial class SigmoidPoisson;
[Network(Loss.MeanAbsoluteError, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Sigmoid)] [Dense(5, Activation.Exponential)] public partial class ExponentialMae;

// Dropout after every kind of hidden layer: fused mask (Tanh), softmax Jacobian then mask, Maxout routing then mask.
[Network(Loss.CategoricalCrossEntropy)] [Input(20)] [Dense(24, Activation.Tanh)] [Dropout(0.3)] [Dense(17, Activation.ReLU)] [Dropout(0.5)] [Dense(6, Activation.Softmax)] public partial class DropoutTanhRelu;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Softmax)] [Dropout(0.25)] [Dense(5, Activation.Linear)] public partial class DropoutAfterSoftmax;
[Network(Loss.MeanSquaredError)] [Input(20)] [Maxout(18, 3)] [Dropout(0.2)] [Dense(5, Activation.Tanh)] public partial class DropoutAfterMaxout;
// A rate of 0 is no dropout (no masks drawn per sample): the batched draw must skip it too, or the next Dropout's masks shift.
[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.Tanh)] [Dropout(0)] [Dense(17, Activation.ReLU)] [Dropout(0.5)] [Dense(5, Activation.Linear)] public partial class ZeroThenHalfDropout;

// Maxout on the kernels: hidden, stacked (a Maxout's g from the Maxout above), at the output with each loss it allows.
[Network(Loss.BinaryCrossEntropy, Precision = Precision.Double)] [Input(20)] [Maxout(18, 2)] [Dense(5, Activation.Sigmoid)] public partial class HiddenMaxout;
[Network(Loss.MeanSquaredError)] [Input(20)] [Maxout(18, 2)] [Maxout(6, 3)] [Dense(4, Activation.Linear)] public partial class StackedMaxouts;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(20)] [Dense(20, Activation.Tanh)] [Maxout(5, 3)] public partial class MaxoutOutputMse;
[Network(Loss.MeanAbsoluteError)] [Input(20)] [Dense(20, Activation.ReLU)] [Maxout(5, 3)] public partial class MaxoutOutputMae;
[Network(Loss.Huber, HuberDelta = 0.5)] [Input(20)] [Dense(20, Activation.ELU)] [Maxout(5, 2)] public partial class MaxoutOutputHuber;
[Network(Loss.Hinge, Precision = Precision.Double)] [Input(20)] [Dense(20, Activation.Tanh)] [Maxout(5, 4)] public partial class MaxoutOutputHinge;

// Mixed: the first layer (3·12 = 36 weights) written out, the second (144) on the kernels, the third (24) written out.
[Network(Loss.BinaryCrossEntropy)] [Input(3)] [Dense(12, Activation.Sigmoid)] [Dropout(0.2)] [Dense(12, Activation.ELU)] [Dense(2, Activation.Sigmoid)] public partial class MixedDropoutSigmoidElu;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(3)] [Maxout(12, 2)] [Dense(12, Activation.LeakyReLU)] [Dense(2, Activation.Linear)] public partial class MixedMaxout;

// One network per nonlinear optimizer, on the kernels (with dropout) and mixed, float and double.
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Momentum)] [Input(20)] [Dense(24, Activation.Tanh)] [Dropout(0.25)] [Dense(17, Activation.ReLU)] [Dense(6, Activation.Softmax)] public partial class MomentumKernels;
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.RmsProp)] [Input(20)] [Dense(24, Activation.ELU)] [Dropout(0.25)] [Maxout(6, 2)] [Dense(5, Activation.Linear)] public partial class RmsPropKernels;
[Network(Loss.BinaryCrossEntropy, Optimizer = Optimizer.Adam)] [Input(20)] [Dense(24, Activation.Softplus)] [Dropout(0.25)] [Dense(17, Activation.Tanh)] [Dense(5, Activation.Sigmoid)] public partial class AdamKernels;
[Network(Loss.Poisson, Precision = Precision.Double, Optimizer = Optimizer.Adam)] [Input(3)] [Dense(12, Activation.Tanh)] [Dense(12, Activation.Softplus)] [Dense(2, Activation.Exponential)] public partial class AdamMixedPoisson;
[Network(Loss.Huber, Optimizer = Optimizer.Momentum)] [Input(3)] [Dense(12, Activation.ReLU)] [Dropout(0.3)] [Dense(12, Activation.Tanh)] [Dense(2, Activation.Linear)] public partial class MomentumMixed;
[Network(Loss.Hinge, Optimizer = Optimizer.RmsProp)] [Input(3)] [Dense(12, Activation.LeakyReLU, Alpha = 0.1)] [Dense(12, Activation.Sigmoid)] [Dense(2, Activation.Tanh)] public partial class RmsPropMixed;

// Written out whole with at most 64 weights (GeneratorOptions.SampleBySampleTrainBatchMaxWeights): TrainBatch is
// BatchStrategy.SampleBySample, BackwardBatch + ApplyGradients.
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)] [Input(4)] [Dense(5, Activation.Tanh)] [Dropout(0.4)] [Dense(3, Activation.Softmax)] public partial class WrittenOutAdamDropout;
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.RmsProp)] [Input(3)] [Maxout(4, 2)] [Dense(2, Activation.ELU)] public partial class WrittenOutRmsPropMaxout;
[Network(Loss.Poisson, Optimizer = Optimizer.Momentum)] [Input(2)] [Dense(4, Activation.Softplus)] [Dense(2, Activation.Exponential)] public partial class WrittenOutMomentumPoisson;
[Network(Loss.Hinge, Precision = Precision.Double)] [Input(3)] [Dense(5, Activation.LeakyReLU)] [Dense(2, Activation.Tanh)] public partial class WrittenOutSgdHinge;

// Step: inference only, so ForwardBatch alone; hidden (fused into the product) and at the output (applied after it).
[Network(Loss.MeanSquaredError)] [Input(20)] [Dense(24, Activation.Step)] [Dense(5, Activation.Tanh)] public partial class HiddenStep;
[Network(Loss.MeanSquaredError, Precision = Precision.Double)] [Input(20)] [Dense(24, Activation.Tanh)] [Dense(5, Activation.Step)] public partial class OutputStep;

// Wide enough that a batch of 600 is cut into several chunks: 256·64 + 64·10 = 17,024 multiply-adds a sample, so the
// training phase (2 × 600 × 17,024 = 20.4 million) gets 10 chunks and the gradient phase (10.2 million) 5, at the
// minimum of 2 million per chunk (Parallelism.ChunkCount); ForwardBatch's blocks of 256 samples (4.4 million) get 2.
[Network(Loss.CategoricalCrossEntropy)] [Input(256)] [Dense(64, Activation.ReLU)] [Dropout(0.2)] [Dense(10, Activation.Softmax)] public partial class WideChunked;

// 128·64 + 32·8 + 8·3 = 8,472 multiply-adds a sample: 600 samples give 5 training chunks, 2 gradient chunks.
[Network(Loss.MeanSquaredError, Precision = Precision.Double, Optimizer = Optimizer.Adam)] [Input(128)] [Maxout(32, 2)] [Dropout(0.1)] [Dense(8, Activation.Tanh)] [Dense(3, Activation.Linear)] public partial class WideMaxoutChunked;
