using System;
using System.Globalization;
using System.Numerics;

namespace NetGen.Training;

/// <summary>
/// Compares a network's backpropagated gradient with central finite differences, parameter by
/// parameter: ĝᵢ = (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h with L = ComputeLoss(Forward(x), y).
/// </summary>
/// <remarks>
/// <para>
/// Differences and errors are computed in double. The parameters themselves are stored in the
/// network's type, so for a float network θ ± h is rounded to float: the check divides by the
/// perturbation actually applied, (float)(θ+h) − (float)(θ−h), but the losses are still float
/// values, so expect relative errors of about 1e−3 there rather than the 1e−6 a double network reaches.
/// </para>
/// <para>
/// The network's parameters are restored afterwards (also if an exception is thrown). Keep inputs
/// away from kinks (ReLU at 0, Huber at |r| = δ), where the derivative is one-sided.
/// </para>
/// <para>
/// A network with a <see cref="DropoutAttribute"/> draws masks in <c>Backward</c> but not in
/// <c>Forward</c>, so its gradient is not the derivative of ComputeLoss(Forward(x)): check such a
/// network with the rate set to 0 (NetGen's own tests check the dropout code with fixed masks).
/// </para>
/// </remarks>
public static class GradientCheck
{
    /// <summary>The default step h for double networks (1e−5).</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>The default step h for float networks (1e−3), larger because float losses carry only about 7 digits.</summary>
    public const double DefaultSingleStep = 1e-3;

    /// <summary>
    /// Checks the gradient of <paramref name="network"/> at its current parameters on one sample.
    /// </summary>
    /// <param name="network">The network; its parameters are perturbed and then restored.</param>
    /// <param name="input">One input of <see cref="INetwork{T}.InputSize"/> values.</param>
    /// <param name="target">One target of <see cref="INetwork{T}.OutputSize"/> values.</param>
    /// <param name="step">The step h; <see langword="null"/> means <see cref="DefaultStep"/> for double networks and <see cref="DefaultSingleStep"/> otherwise.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or <paramref name="step"/> is not positive and finite.</exception>
    /// <returns>
    /// The comparison. A NaN or infinite value in the input, the target, the parameters, the loss or either gradient makes the
    /// check fail: <see cref="GradientCheckResult.NonFiniteValue"/> names the first one and <see cref="GradientCheckResult.MaxRelativeError"/> is +∞.
    /// </returns>
    /// <exception cref="InvalidOperationException">A step vanishes when rounded to the network's type.</exception>
    public static GradientCheckResult Run<TNet, T>(TNet network, ReadOnlySpan<T> input, ReadOnlySpan<T> target, double? step = null)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        if (input.Length != TNet.InputSize)
        {
            SpanLength.Throw(nameof(input), TNet.InputSize, input.Length);
        }

        if (target.Length != TNet.OutputSize)
        {
            SpanLength.Throw(nameof(target), TNet.OutputSize, target.Length);
        }

        double h = step ?? (typeof(T) == typeof(double) ? DefaultStep : DefaultSingleStep);
        if (!(h > 0) || !double.IsFinite(h))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The step must be positive and finite.");
        }

        int count = TNet.ParameterCount;
        var original = new T[count];
        var work = new T[count];
        var output = new T[TNet.OutputSize];
        network.GetParameters(original);

        double loss = double.NaN;
        string? nonFinite = FirstNonFinite(input, "input[{0}]") ?? FirstNonFinite<T>(target, "target[{0}]") ?? FirstNonFinite<T>(original, "parameter {0}");
        if (nonFinite is null)
        {
            loss = Loss(network, input, target, output);
            nonFinite = double.IsFinite(loss) ? null : "the loss " + Describe(loss);
        }

        if (nonFinite is not null)
        {
            return Failed(count, loss, h, nonFinite, TNet.Layers);
        }

        var gradient = new T[count];
        double backwardLoss = double.CreateChecked(network.Backward(input, target, gradient));
        var analytic = new double[count];
        var numeric = new double[count];
        var errors = new double[count];
        try
        {
            original.CopyTo(work, 0);
            for (int i = 0; i < count; i++)
            {
                analytic[i] = double.CreateChecked(gradient[i]);
                double w = double.CreateChecked(original[i]);
                T plus = T.CreateChecked(w + h);
                T minus = T.CreateChecked(w - h);
                double actualStep = double.CreateChecked(plus) - double.CreateChecked(minus);
                if (!(actualStep > 0))
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The step {h} vanishes when parameter {i} ({w}) is rounded to {typeof(T).Name}; use a larger step."));
                }

                work[i] = plus;
                network.SetParameters(work);
                double lossPlus = Loss(network, input, target, output);
                work[i] = minus;
                network.SetParameters(work);
                double lossMinus = Loss(network, input, target, output);
                work[i] = original[i];

                numeric[i] = (lossPlus - lossMinus) / actualStep;
                errors[i] = RelativeError(analytic[i], numeric[i]);
                nonFinite ??= !double.IsFinite(analytic[i]) ? $"∂L/∂θ[{i}] from Backward {Describe(analytic[i])}"
                    : !double.IsFinite(numeric[i]) ? $"the finite-difference estimate of ∂L/∂θ[{i}] {Describe(numeric[i])}"
                    : null;
            }
        }
        finally
        {
            network.SetParameters(original);
        }

        nonFinite ??= double.IsFinite(backwardLoss) ? null : "the loss Backward returned " + Describe(backwardLoss);
        return new GradientCheckResult(analytic, numeric, errors, PerLayer(TNet.Layers, errors), loss, backwardLoss, h, nonFinite);
    }

    /// <summary>|g − ĝ| / max(1e−8, |g| + |ĝ|), or +∞ when either value is not finite.</summary>
    public static double RelativeError(double analytic, double numeric)
    {
        if (!double.IsFinite(analytic) || !double.IsFinite(numeric))
        {
            return double.PositiveInfinity;
        }

        return Math.Abs(analytic - numeric) / Math.Max(1e-8, Math.Abs(analytic) + Math.Abs(numeric));
    }

    /// <summary>A failed check that compared nothing: every error +∞, the gradients NaN.</summary>
    private static GradientCheckResult Failed(int count, double loss, double step, string nonFinite, ReadOnlySpan<LayerDescription> layers)
    {
        var nan = new double[count];
        var errors = new double[count];
        nan.AsSpan().Fill(double.NaN);
        errors.AsSpan().Fill(double.PositiveInfinity);
        return new GradientCheckResult(nan, (double[])nan.Clone(), errors, PerLayer(layers, errors), loss, double.NaN, step, nonFinite);
    }

    /// <summary>"input[3] is NaN" for the first non-finite element, or null.</summary>
    private static string? FirstNonFinite<T>(ReadOnlySpan<T> values, string nameFormat)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = Kernels.VectorMath.IndexOfNonFinite(values);
        return i < 0 ? null : string.Format(CultureInfo.InvariantCulture, nameFormat, i) + " " + Describe(double.CreateChecked(values[i]));
    }

    private static string Describe(double value) =>
        double.IsNaN(value) ? "is NaN" : value > 0 ? "is ∞" : "is −∞";

    private static double Loss<TNet, T>(TNet network, ReadOnlySpan<T> input, ReadOnlySpan<T> target, Span<T> output)
        where TNet : ITrainableNetwork<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        network.Forward(input, output);
        return double.CreateChecked(network.ComputeLoss(output, target));
    }

    private static LayerGradientError[] PerLayer(ReadOnlySpan<LayerDescription> described, double[] errors)
    {
        var layers = new LayerGradientError[described.Length];
        int offset = 0;
        for (int k = 0; k < layers.Length; k++)
        {
            int weights = described[k].WeightCount;
            int biases = described[k].Rows;
            if (offset + weights + biases > errors.Length)
            {
                throw new InvalidOperationException(
                    $"The network's Layers describe more parameters than ParameterCount ({errors.Length}).");
            }

            layers[k] = new LayerGradientError(
                k, Max(errors.AsSpan(offset, weights)), Max(errors.AsSpan(offset + weights, biases)));
            offset += weights + biases;
        }

        return layers;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
