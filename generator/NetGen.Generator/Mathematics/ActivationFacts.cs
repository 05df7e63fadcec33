using NetGen.Generator.Model;

namespace NetGen.Generator.Mathematics;

/// <summary>
/// What math.md says about each activation that validation, planning and emission need to agree on:
/// which take an α and its default, which initialise with He, which saturate, which can be trained.
/// </summary>
internal static class ActivationFacts
{
    /// <summary>LeakyReLU's slope and ELU's α: the activations with a parameter.</summary>
    public static bool HasAlpha(ActivationKind activation) => activation is ActivationKind.LeakyReLU or ActivationKind.ELU;

    /// <summary>math.md's default α: 1 for ELU, 0.01 for LeakyReLU.</summary>
    public static double DefaultAlpha(ActivationKind activation) => activation == ActivationKind.ELU ? 1.0 : 0.01;

    /// <summary>The α in force: the declared one, else the default (0 for activations without one).</summary>
    public static double AlphaInForce(ActivationKind activation, double declared) =>
        !HasAlpha(activation) ? 0 : !double.IsNaN(declared) ? declared : DefaultAlpha(activation);

    /// <summary>A declared α math.md accepts: finite, ≥ 0 for LeakyReLU, &gt; 0 for ELU.</summary>
    public static bool IsValidAlpha(ActivationKind activation, double alpha) =>
        !double.IsInfinity(alpha) && !double.IsNaN(alpha) && (activation == ActivationKind.ELU ? alpha > 0 : alpha >= 0);

    /// <summary>The ReLU family initialises with He, r = √(6/fan-in); the others with Glorot.</summary>
    public static bool UsesHeInitialization(ActivationKind activation) =>
        activation is ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.ELU;

    /// <summary>Sigmoid and tanh saturate: a stack of them makes gradients vanish (NG0024).</summary>
    public static bool Saturates(ActivationKind activation) => activation is ActivationKind.Sigmoid or ActivationKind.Tanh;

    /// <summary>Step has f′ = 0 everywhere: a network with it is inference-only.</summary>
    public static bool IsDifferentiable(ActivationKind activation) => activation != ActivationKind.Step;

    /// <summary>Defined in the public enum (a cast such as <c>(Activation)99</c> is not).</summary>
    public static bool IsDefined(ActivationKind activation) => activation >= ActivationKind.Linear && activation <= ActivationKind.Step;
}
