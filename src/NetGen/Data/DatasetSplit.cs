using System.Numerics;

namespace NetGen.Data;

/// <summary>The three parts of a data set split by <see cref="DatasetSplitter.Split{T}"/>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <param name="Train">The samples to train on.</param>
/// <param name="Validation">The samples to choose hyperparameters and stop early on.</param>
/// <param name="Test">The samples to report the final result on.</param>
public sealed record DatasetSplit<T>(Dataset<T> Train, Dataset<T> Validation, Dataset<T> Test)
    where T : unmanaged, IFloatingPointIeee754<T>;
