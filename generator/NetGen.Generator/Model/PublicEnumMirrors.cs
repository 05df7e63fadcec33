namespace NetGen.Generator.Model;

// Mirrors of the public enums in src/NetGen, with the same names and numeric values: the generator is a
// netstandard2.0 compiler plug-in and does not reference the run-time assembly. EnumMirrorTests holds each
// mirror equal to its public enum, member by member. A value outside a mirror's range (a cast such as
// (Activation)99) is kept as is and rejected by validation.

/// <summary>Mirror of <c>NetGen.Activation</c>.</summary>
internal enum ActivationKind
{
    Linear = 0,
    Sigmoid = 1,
    Tanh = 2,
    ReLU = 3,
    LeakyReLU = 4,
    ELU = 5,
    Softplus = 6,
    Exponential = 7,
    Softmax = 8,
    Step = 9,
}

/// <summary>Mirror of <c>NetGen.Loss</c>.</summary>
internal enum LossKind
{
    MeanSquaredError = 0,
    MeanAbsoluteError = 1,
    Huber = 2,
    BinaryCrossEntropy = 3,
    CategoricalCrossEntropy = 4,
    KLDivergence = 5,
    Hinge = 6,
    Poisson = 7,
}

/// <summary>Mirror of <c>NetGen.Optimizer</c>.</summary>
internal enum OptimizerKind
{
    Sgd = 0,
    Momentum = 1,
    RmsProp = 2,
    Adam = 3,
}

/// <summary>Mirror of <c>NetGen.Precision</c>.</summary>
internal enum PrecisionKind
{
    Single = 0,
    Double = 1,
}

/// <summary>Mirror of <c>NetGen.LayerKind</c>: what a layer with parameters computes.</summary>
internal enum ParameterLayerKind
{
    Dense = 0,
    Maxout = 1,
}
