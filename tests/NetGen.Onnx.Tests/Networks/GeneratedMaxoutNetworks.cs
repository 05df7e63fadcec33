namespace NetGen.Onnx.Tests.Networks;

// Generated [Maxout] networks (next to the hand-written ones of MaxoutNetworks.cs): hidden and output, written out
// and on the kernels, float and double.
[Network(Loss.CategoricalCrossEntropy)] [Input(3)] [Maxout(4, 3)] [Dropout(0.2)] [Dense(3, Activation.Softmax)] public partial class GeneratedMaxoutHiddenFloat;
[Network(Loss.CategoricalCrossEntropy, Precision = Precision.Double)] [Input(3)] [Maxout(4, 3)] [Dense(3, Activation.Softmax)] public partial class GeneratedMaxoutHiddenDouble;
[Network(Loss.MeanSquaredError)] [Input(64)] [Dense(32, Activation.Tanh)] [Maxout(10, 2)] public partial class GeneratedMaxoutOutputWideFloat;
[Network(Loss.Huber, Precision = Precision.Double)] [Input(64)] [Maxout(32, 2)] [Dense(10, Activation.Linear)] public partial class GeneratedMaxoutHiddenWideDouble;
