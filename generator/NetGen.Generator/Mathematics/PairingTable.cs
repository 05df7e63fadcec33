using NetGen.Generator.Model;

namespace NetGen.Generator.Mathematics;

/// <summary>
/// Every output activation × loss: whether the pair is matching (δ = o − y collapses), fine, worth an
/// info, a warning, or an error (the loss is undefined on the activation's range). From math.md's
/// valid ranges; the same table is written out in docs/diagnostics.md and tests hold the two together.
/// </summary>
internal static class PairingTable
{
    private const PairingVerdict N = PairingVerdict.Fine;
    private const PairingVerdict I = PairingVerdict.Info;
    private const PairingVerdict W = PairingVerdict.Warning;
    private const PairingVerdict E = PairingVerdict.Error;

    // Rows: ActivationKind 0..9. Columns: LossKind 0..7 =
    //                         MSE MAE Hub BCE CCE KL  Hin Poi
    private static readonly PairingVerdict[][] Table =
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

    /// <summary>The verdict on <paramref name="activation"/> on the output layer with <paramref name="loss"/>.</summary>
    public static PairingVerdict Of(ActivationKind activation, LossKind loss) => Table[(int)activation][(int)loss];

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

    /// <summary>
    /// True for the matching pairs whose loss is computed from the pre-activation for stability (math.md): sigmoid +
    /// BCE as Σ [softplus(a) − y·a], softmax + CE/KL with logsumexp, exponential + Poisson with ln o = a. Linear + MSE
    /// is already stable.
    /// </summary>
    public static bool HasPreActivationLoss(ActivationKind activation, LossKind loss) =>
        IsMatching(activation, loss) && !(activation == ActivationKind.Linear && loss == LossKind.MeanSquaredError);
}
