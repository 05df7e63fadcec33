using System;
using System.Numerics;

namespace NetGen.Data;

/// <summary>
/// Z-score standardisation of input columns: x′ = (x − mean) / standard deviation, with the
/// means and (population) standard deviations fitted on the training inputs and then applied
/// unchanged to validation, test and new data. Targets are left alone.
/// </summary>
public sealed class Standardizer
{
    private readonly double[] _means;
    private readonly double[] _standardDeviations;

    /// <summary>Creates a standardiser from known column means and standard deviations.</summary>
    /// <exception cref="ArgumentException">The lengths differ or are zero, a mean is not finite, or a standard deviation is not positive and finite (the message names the column).</exception>
    public Standardizer(ReadOnlySpan<double> means, ReadOnlySpan<double> standardDeviations)
    {
        if (means.Length != standardDeviations.Length || means.IsEmpty)
        {
            throw new ArgumentException(
                $"One mean and one standard deviation are needed per column, at least one column; got {means.Length} means and {standardDeviations.Length} standard deviations.",
                nameof(standardDeviations));
        }

        for (int j = 0; j < means.Length; j++)
        {
            if (!double.IsFinite(means[j]))
            {
                throw new ArgumentException($"The mean of column {j} is not finite.", nameof(means));
            }

            if (!(standardDeviations[j] > 0) || !double.IsFinite(standardDeviations[j]))
            {
                throw new ArgumentException(
                    $"The standard deviation of column {j} must be positive and finite.", nameof(standardDeviations));
            }
        }

        _means = means.ToArray();
        _standardDeviations = standardDeviations.ToArray();
    }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => _means.Length;

    /// <summary>The mean of every column.</summary>
    public ReadOnlySpan<double> Means => _means;

    /// <summary>The standard deviation every column is divided by (1 for a constant column).</summary>
    public ReadOnlySpan<double> StandardDeviations => _standardDeviations;

    /// <summary>
    /// Fits the column means and population standard deviations (dividing by N) of
    /// <paramref name="train"/>'s inputs, computed in double. A constant column (to rounding: a standard deviation
    /// at most 1e−12 × max(1, |mean|)) gets a standard deviation of 1, so it becomes 0 rather than NaN.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="train"/> has no samples.</exception>
    public static Standardizer Fit<T>(Dataset<T> train)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("Cannot fit a standardiser on a data set with no samples.", nameof(train));
        }

        int width = train.InputSize;
        var means = new double[width];
        var deviations = new double[width];
        ReadOnlySpan<T> inputs = train.Inputs;
        for (int i = 0; i < inputs.Length; i++)
        {
            means[i % width] += double.CreateChecked(inputs[i]);
        }

        for (int j = 0; j < width; j++)
        {
            means[j] /= train.Count;
        }

        for (int i = 0; i < inputs.Length; i++)
        {
            double d = double.CreateChecked(inputs[i]) - means[i % width];
            deviations[i % width] += d * d;
        }

        for (int j = 0; j < width; j++)
        {
            double sd = Math.Sqrt(deviations[j] / train.Count);
            deviations[j] = sd > 1e-12 * Math.Max(1.0, Math.Abs(means[j])) ? sd : 1.0;
        }

        return new Standardizer(means, deviations);
    }

    /// <summary>Standardises one input row in place.</summary>
    /// <exception cref="ArgumentException">The row's length is not <see cref="ColumnCount"/>.</exception>
    public void Transform<T>(Span<T> input)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (input.Length != ColumnCount)
        {
            SpanLength.Throw(nameof(input), ColumnCount, input.Length);
        }

        for (int j = 0; j < input.Length; j++)
        {
            input[j] = T.CreateChecked((double.CreateChecked(input[j]) - _means[j]) / _standardDeviations[j]);
        }
    }

    /// <summary>A copy of <paramref name="data"/> with standardised inputs and the same targets.</summary>
    /// <exception cref="ArgumentException">The data set's input size is not <see cref="ColumnCount"/>.</exception>
    public Dataset<T> Transform<T>(Dataset<T> data)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.InputSize != ColumnCount)
        {
            throw new ArgumentException(
                $"The standardiser was fitted on {ColumnCount} columns, but the data set's inputs have {data.InputSize}.",
                nameof(data));
        }

        T[] inputs = data.Inputs.ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            Transform(inputs.AsSpan(i * ColumnCount, ColumnCount));
        }

        return new Dataset<T>(inputs, data.Targets, data.InputSize, data.TargetSize);
    }
}
