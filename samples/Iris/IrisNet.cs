using NetGen;

namespace Iris;

/// <summary>4 measurements → 16 Tanh units → 3 species probabilities (Softmax), trained with Adam.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(4)]
[Dense(16, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class IrisNet;
