namespace NetGen.Bench;

/// <summary>The yardstick's output layer + loss pairs (workloads.py's <c>output</c> column).</summary>
internal enum OutputKind
{
    /// <summary>Sigmoid output, ½‖o−y‖²; loss_kind <c>sigmoid_mse</c>.</summary>
    SigmoidMse,

    /// <summary>Softmax output, categorical cross-entropy; loss_kind <c>softmax_ce</c>.</summary>
    SoftmaxCe,

    /// <summary>Identity output, ½‖o−y‖²; loss_kind <c>linear_mse</c>.</summary>
    LinearMse,
}
