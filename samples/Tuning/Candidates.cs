using NetGen;

namespace Tuning;

// The architectures the search chooses between. Hidden units and layers are fixed at compile time in
// NetGen, so each candidate is a declared class, checked by the analyzers before anything runs.

/// <summary>64 pixels → 32 ReLU units → 10 digit probabilities, Adam.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(64)]
[Dense(32, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class Digits32;

/// <summary>64 pixels → 64 ReLU units → 10 digit probabilities, Adam.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(64)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
public partial class Digits64;

/// <summary>64 pixels → 32 Maxout units of 2 pieces each → 10 digit probabilities, Adam.</summary>
[Network(Loss.CategoricalCrossEntropy, Optimizer = Optimizer.Adam)]
[Input(64)]
[Maxout(32, 2)]
[Dense(10, Activation.Softmax)]
public partial class DigitsMaxout;
