namespace NetGen.Generator.Emission;

/// <summary>Which member a shared piece of the walk is written for: it decides what layer inputs and deltas read.</summary>
internal enum Pass
{
    /// <summary>Forward: no dropout masks, no deltas.</summary>
    Inference,

    /// <summary>Backward: dropout masks apply; ∂L/∂θ is added into <c>gradient</c>.</summary>
    Backward,

    /// <summary>BackwardIntoBlock: as Backward, but the layers on the kernels leave δˡ and their input in the block.</summary>
    IntoBlock,

    /// <summary>TrainStep: as Backward, with each layer's update as the plan says.</summary>
    TrainStep,
}
