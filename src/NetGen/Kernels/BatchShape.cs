using System;
using System.Diagnostics.CodeAnalysis;

namespace NetGen.Kernels;

/// <summary>The argument checks of the batch kernels: every failure an <see cref="ArgumentException"/> naming the parameter and its value.</summary>
internal static class BatchShape
{
    /// <summary>The number of samples in <paramref name="length"/> values of <paramref name="width"/> each (width ≥ 1, whole samples).</summary>
    public static int Samples(string spanName, int length, string widthName, int width)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(widthName, width, $"'{widthName}' must be at least 1, but it is {width}.");
        }

        if (length % width != 0)
        {
            SpanLength.ThrowNotWholeSamples(spanName, width, length);
        }

        return length / width;
    }

    /// <summary>Throws unless a layer width given by a span's length is at least 1.</summary>
    public static void RequireWidth(string spanName, int width)
    {
        if (width < 1)
        {
            throw new ArgumentException($"'{spanName}' must hold at least one value (one per unit of the layer), but it holds {width}.", spanName);
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void RequireExact(string spanName, int expected, int actual)
    {
        if (actual != expected)
        {
            SpanLength.Throw(spanName, expected, actual);
        }
    }

    /// <summary>The length of the range [first, first + count) of <paramref name="total"/> rows (count −1: to the end), checked.</summary>
    public static int Range(string firstName, int first, string countName, int count, int total)
    {
        if (first < 0 || first > total)
        {
            throw new ArgumentOutOfRangeException(firstName, first, $"'{firstName}' must lie in 0 … {total}, but it is {first}.");
        }

        if (count == -1)
        {
            return total - first;
        }

        if (count < 0 || count > total - first)
        {
            throw new ArgumentOutOfRangeException(countName, count, $"'{countName}' must lie in 0 … {total - first} (or be −1 for the rest), but it is {count}.");
        }

        return count;
    }

    /// <summary>Throws for the activations that are not applied element by element (Softmax).</summary>
    public static void RequireElementwise(string name, Activation activation)
    {
        if (activation is Activation.Softmax || !Enum.IsDefined(activation))
        {
            ThrowNotElementwise(name, activation);
        }
    }

    /// <summary>Throws for the activations whose derivative the delta kernel cannot apply element by element (Softmax, Step).</summary>
    public static void RequireDerivative(string name, Activation activation)
    {
        if (activation is Activation.Softmax or Activation.Step || !Enum.IsDefined(activation))
        {
            throw new ArgumentException($"'{name}' must be an activation with an element-wise derivative, but it is {activation} (Softmax's Jacobian is not element-wise; Step is never trained).", name);
        }
    }

    [DoesNotReturn]
    private static void ThrowNotElementwise(string name, Activation activation) =>
        throw new ArgumentException($"'{name}' must be an element-wise activation, but it is {activation} (apply Softmax to whole rows with BatchActivations.SoftmaxRows).", name);
}
