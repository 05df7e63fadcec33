using System;
using System.Globalization;
using System.Numerics;

namespace NetGen.Data;

/// <summary>
/// An immutable set of <see cref="Count"/> samples, each an input of <see cref="InputSize"/> values
/// and a target of <see cref="TargetSize"/> values, stored flat and row-major so that reading a
/// sample never allocates.
/// </summary>
/// <typeparam name="T">The scalar type (<see cref="float"/> or <see cref="double"/>).</typeparam>
public sealed class Dataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _inputs;
    private readonly T[] _targets;

    /// <summary>
    /// Creates a data set from flat, row-major inputs and targets (sample i's input is
    /// <c>inputs[i*inputSize .. (i+1)*inputSize)</c>). The values are copied.
    /// </summary>
    /// <param name="inputs">All inputs, <paramref name="inputSize"/> values per sample.</param>
    /// <param name="targets">All targets, <paramref name="targetSize"/> values per sample.</param>
    /// <param name="inputSize">Values per input; at least 1.</param>
    /// <param name="targetSize">Values per target; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    /// <exception cref="ArgumentException">
    /// A length is not a multiple of its size, the two describe different sample counts, or a value
    /// is NaN or infinite (the message names the sample and column).
    /// </exception>
    public Dataset(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int inputSize, int targetSize)
    {
        if (inputSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be at least 1.");
        }

        if (targetSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetSize), targetSize, "The target size must be at least 1.");
        }

        if (inputs.Length % inputSize != 0)
        {
            throw new ArgumentException(
                $"The inputs hold {inputs.Length} values, which is not a multiple of the input size {inputSize}.",
                nameof(inputs));
        }

        if (targets.Length % targetSize != 0)
        {
            throw new ArgumentException(
                $"The targets hold {targets.Length} values, which is not a multiple of the target size {targetSize}.",
                nameof(targets));
        }

        int count = inputs.Length / inputSize;
        int targetCount = targets.Length / targetSize;
        if (count != targetCount)
        {
            throw new ArgumentException(
                $"The inputs describe {count} samples ({inputs.Length} values of width {inputSize}) but the targets describe {targetCount} " +
                $"({targets.Length} values of width {targetSize}).",
                nameof(targets));
        }

        ThrowIfNotFinite(inputs, inputSize, "input", nameof(inputs));
        ThrowIfNotFinite(targets, targetSize, "target", nameof(targets));

        _inputs = inputs.ToArray();
        _targets = targets.ToArray();
        Count = count;
        InputSize = inputSize;
        TargetSize = targetSize;
    }

    /// <summary>The number of samples.</summary>
    public int Count { get; }

    /// <summary>Values per input.</summary>
    public int InputSize { get; }

    /// <summary>Values per target.</summary>
    public int TargetSize { get; }

    /// <summary>All inputs, flat and row-major (<see cref="Count"/> × <see cref="InputSize"/> values).</summary>
    public ReadOnlySpan<T> Inputs => _inputs;

    /// <summary>All targets, flat and row-major (<see cref="Count"/> × <see cref="TargetSize"/> values).</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>Creates a data set from one array per sample for the inputs and for the targets.</summary>
    /// <param name="inputs">One input row per sample; all of one length.</param>
    /// <param name="targets">One target row per sample; all of one length.</param>
    /// <exception cref="ArgumentException">
    /// The counts differ, there are no rows, or a row's length differs from the first row's (the message names the row).
    /// </exception>
    public static Dataset<T> FromRows(T[][] inputs, T[][] targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputs.Length != targets.Length)
        {
            throw new ArgumentException(
                $"There are {inputs.Length} input rows but {targets.Length} target rows.", nameof(targets));
        }

        if (inputs.Length == 0)
        {
            throw new ArgumentException(
                "At least one row is needed to know the widths; use the flat constructor for an empty data set.", nameof(inputs));
        }

        T[] flatInputs = Flatten(inputs, nameof(inputs));
        T[] flatTargets = Flatten(targets, nameof(targets));
        return new Dataset<T>(flatInputs, flatTargets, inputs[0].Length, targets[0].Length);
    }

    /// <summary>The input of sample <paramref name="index"/>, without copying.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<T> GetInput(int index)
    {
        ThrowIfOutOfRange(index);
        return new ReadOnlySpan<T>(_inputs, index * InputSize, InputSize);
    }

    /// <summary>The target of sample <paramref name="index"/>, without copying.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, <see cref="Count"/>).</exception>
    public ReadOnlySpan<T> GetTarget(int index)
    {
        ThrowIfOutOfRange(index);
        return new ReadOnlySpan<T>(_targets, index * TargetSize, TargetSize);
    }

    /// <summary>A new data set holding copies of the samples at <paramref name="indices"/>, in that order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is not in [0, <see cref="Count"/>).</exception>
    /// <exception cref="ArgumentException">So many indices that the copies would be more than an array can hold.</exception>
    public Dataset<T> Subset(ReadOnlySpan<int> indices)
    {
        var inputs = new T[SpanLength.FlatLength(indices.Length, InputSize, nameof(indices))];
        var targets = new T[SpanLength.FlatLength(indices.Length, TargetSize, nameof(indices))];
        for (int k = 0; k < indices.Length; k++)
        {
            GetInput(indices[k]).CopyTo(inputs.AsSpan(k * InputSize, InputSize));
            GetTarget(indices[k]).CopyTo(targets.AsSpan(k * TargetSize, TargetSize));
        }

        return new Dataset<T>(inputs, targets, InputSize, TargetSize);
    }

    /// <summary>The same samples converted to another scalar type (for example a data set loaded as double for a float network).</summary>
    /// <exception cref="ArgumentException">A value does not fit in <typeparamref name="TOther"/> (it would become infinite).</exception>
    public Dataset<TOther> ConvertTo<TOther>()
        where TOther : unmanaged, IFloatingPointIeee754<TOther>
    {
        var inputs = new TOther[_inputs.Length];
        var targets = new TOther[_targets.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = TOther.CreateChecked(_inputs[i]);
        }

        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = TOther.CreateChecked(_targets[i]);
        }

        return new Dataset<TOther>(inputs, targets, InputSize, TargetSize);
    }

    private void ThrowIfOutOfRange(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"The sample index must be in [0, {Count}).");
        }
    }

    private static T[] Flatten(T[][] rows, string parameterName)
    {
        int width = rows[0]?.Length ?? throw new ArgumentException("Row 0 is null.", parameterName);
        var flat = new T[SpanLength.FlatLength(rows.Length, width, parameterName)];
        for (int i = 0; i < rows.Length; i++)
        {
            T[] row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", parameterName);
            if (row.Length != width)
            {
                throw new ArgumentException(
                    $"Row {i} holds {row.Length} values, but row 0 holds {width}.", parameterName);
            }

            row.CopyTo(flat, i * width);
        }

        return flat;
    }

    private static void ThrowIfNotFinite(ReadOnlySpan<T> values, int width, string what, string parameterName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The {what} of sample {i / width}, column {i % width}, is {values[i]}; every value must be finite."),
                    parameterName);
            }
        }
    }
}
