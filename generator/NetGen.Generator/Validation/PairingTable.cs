using NetGen.Generator.Model;

namespace NetGen.Generator.Validation;

/// <summary>
/// Every output activation × loss: whether the pair is matching (δ = o − y collapses), fine, worth an
/// info, a warning, or an error (the loss is undefined on the activation's range). From math.md's
/// valid ranges; the same table is written out in docs/diagnostics.md and tests hold the two together.
/// </summary>
internal static class PairingTable
{
    private const Severity N = Severity.None;
    private const Severity I = Severity.Info;
    private const Severity W = Severity.Warning;
    private const Severity E = Severity.Error;

    // Rows: ActivationKind 0..9. Columns: LossKind 0..7 =
    //                         MSE MAE Hub BCE CCE KL  Hin Poi
    private static readonly Severity[][] Table =
    {
        /* Linear      */ new[] { N, N, N, E, E, E, N, E },
        /* Sigmoid     */ new[] { I, I, I, N, E, E, W, I },
        /* Tanh        */ new[] { I, N, N, E, E, E, N, E },
        /* ReLU        */ new[] { I, N, N, E, E, E, W, W },
        /* LeakyReLU   */ new[] { I, N, N, E, E, E, N, E },
        /* ELU         */ new[] { I, N, N, E, E, E, N, E },
        /* Softplus    */ new[] { I, N, N, E, E, E, W, I },
        /* Exponential */ new[] { I, N, N, E, E, E, W, N },
        /* Softmax     */ new[] { W, W, W, I, N, N, W, I },
        /* Step        */ new[] { N, N, N, E, E, E, N, E },
    };

    /// <summary>The severity of <paramref name="activation"/> on the output layer with <paramref name="loss"/>.</summary>
    public static Severity Of(ActivationKind activation, LossKind loss) => Table[(int)activation][(int)loss];

    /// <summary>True for math.md's matching pairs, whose output delta collapses to δ = o − y.</summary>
    public static bool IsMatching(ActivationKind activation, LossKind loss) => (activation, loss) switch
    {
        (ActivationKind.Linear, LossKind.MeanSquaredError) => true,
        (ActivationKind.Sigmoid, LossKind.BinaryCrossEntropy) => true,
        (ActivationKind.Softmax, LossKind.CategoricalCrossEntropy) => true,
        (ActivationKind.Softmax, LossKind.KLDivergence) => true,
        (ActivationKind.Exponential, LossKind.Poisson) => true,
        _ => false,
    };

    /// <summary>The loss that matches <paramref name="activation"/>, if any.</summary>
    public static LossKind? MatchingLoss(ActivationKind activation) => activation switch
    {
        ActivationKind.Linear => LossKind.MeanSquaredError,
        ActivationKind.Sigmoid => LossKind.BinaryCrossEntropy,
        ActivationKind.Softmax => LossKind.CategoricalCrossEntropy,
        ActivationKind.Exponential => LossKind.Poisson,
        _ => null,
    };

    /// <summary>The output activation that matches <paramref name="loss"/>, if any.</summary>
    public static ActivationKind? MatchingActivation(LossKind loss) => loss switch
    {
        LossKind.MeanSquaredError => ActivationKind.Linear,
        LossKind.BinaryCrossEntropy => ActivationKind.Sigmoid,
        LossKind.CategoricalCrossEntropy => ActivationKind.Softmax,
        LossKind.KLDivergence => ActivationKind.Softmax,
        LossKind.Poisson => ActivationKind.Exponential,
        _ => null,
    };
}
