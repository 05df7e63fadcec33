using NetGen;

namespace Digits;

/// <summary>An 8×8 image (64 pixels in [0, 1]) → 32 ReLU units → 10 digit probabilities (Softmax), trained with Adam.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(64)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class DigitsNet;
