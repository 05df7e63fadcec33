using NetGen;

namespace Regression;

/// <summary>x → 16 Tanh → 16 Tanh → y (Linear): a smooth curve fitted with mean squared error and Adam.</summary>
[Network(Loss.MeanSquaredError, Optimizer = Optimizer.Adam)]
[Input(1)]
[Dense(16, Activation.Tanh)]
[Dense(16, Activation.Tanh)]
[Dense(1, Activation.Linear)]
public partial class SineNet;
