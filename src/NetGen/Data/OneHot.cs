using System;
using System.Numerics;

namespace NetGen.Data;

/// <summary>One-hot encoding of class labels: label k of K classes becomes K values, 1 at index k and 0 elsewhere.</summary>
public static class OneHot
{
    /// <summary>Writes the one-hot vector of <paramref name="label"/> into <paramref name="destination"/>, whose length is the class count.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not in [0, class count); the message names both.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is empty.</exception>
    public static void Encode<T>(int label, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination must hold one value per class; it is empty.", nameof(destination));
        }

        ThrowIfOutOfRange(label, destination.Length);
        destination.Clear();
        destination[label] = T.One;
    }

    /// <summary>The one-hot vector of <paramref name="label"/> among <paramref name="classCount"/> classes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="classCount"/> is less than 1, or <paramref name="label"/> is not in [0, <paramref name="classCount"/>).
    /// </exception>
    public static T[] Encode<T>(int label, int classCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowIfBadClassCount(classCount);
        var result = new T[classCount];
        Encode(label, result.AsSpan());
        return result;
    }

    /// <summary>
    /// The one-hot vectors of all <paramref name="labels"/>, flat and row-major
    /// (<paramref name="labels"/>.Length × <paramref name="classCount"/> values), ready for <see cref="Dataset{T}"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="classCount"/> is less than 1, or a label is out of range (the message names its position, the label and the class count).
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="labels"/>.Length × <paramref name="classCount"/> is more than an array can hold.</exception>
    public static T[] Encode<T>(ReadOnlySpan<int> labels, int classCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ThrowIfBadClassCount(classCount);
        var result = new T[SpanLength.FlatLength(labels.Length, classCount, nameof(labels))];
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(labels),
                    labels[i],
                    $"Label {labels[i]} at position {i} is out of range for {classCount} classes (valid labels are 0 to {classCount - 1}).");
            }

            result[i * classCount + labels[i]] = T.One;
        }

        return result;
    }

    /// <summary>
    /// The index of the largest value (the first on a tie): the class a one-hot vector or a network's
    /// class scores stand for.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static int Decode<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Cannot decode an empty vector.", nameof(values));
        }

        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static void ThrowIfBadClassCount(int classCount)
    {
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "The class count must be at least 1.");
        }
    }

    private static void ThrowIfOutOfRange(int label, int classCount)
    {
        if ((uint)label >= (uint)classCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(label),
                label,
                $"Label {label} is out of range for {classCount} classes (valid labels are 0 to {classCount - 1}).");
        }
    }
}
