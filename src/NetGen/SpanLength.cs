using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NetGen;

/// <summary>The length checks generated code makes on its span arguments.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanLength
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the parameter, the expected and the actual length.</summary>
    [DoesNotReturn]
    public static void Throw(string parameterName, int expected, int actual) => Throw(parameterName, (long)expected, actual);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the parameter, the expected length (which may exceed int) and the actual length.</summary>
    [DoesNotReturn]
    public static void Throw(string parameterName, long expected, int actual) =>
        throw new ArgumentException(
            $"'{parameterName}' must hold exactly {expected} values, but it holds {actual}.",
            parameterName);

    /// <summary>Throws an <see cref="ArgumentException"/> when a batch's values are not a whole number of samples.</summary>
    [DoesNotReturn]
    public static void ThrowNotWholeSamples(string parameterName, int valuesPerSample, int actual) =>
        throw new ArgumentException(
            $"'{parameterName}' must hold whole samples of {valuesPerSample} values each, but it holds {actual} values ({actual % valuesPerSample} left over).",
            parameterName);

    /// <summary>
    /// The number of samples in a mini-batch stored sample after sample: <paramref name="inputsLength"/> must be a whole
    /// number of samples of <paramref name="inputSize"/> values, and <paramref name="targetsLength"/> that many samples of
    /// <paramref name="outputSize"/> values. The expected target length is computed in <see cref="long"/>, so it cannot
    /// wrap around; every slice count × size of the batch is then within the spans.
    /// </summary>
    /// <exception cref="ArgumentException">The inputs are not whole samples, or the targets do not hold as many samples; the message names the parameter, the expected and the actual length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SampleCount(string inputsName, int inputsLength, int inputSize, string targetsName, int targetsLength, int outputSize)
    {
        int count = inputsLength / inputSize;
        if (inputsLength != count * inputSize)
        {
            ThrowNotWholeSamples(inputsName, inputSize, inputsLength);
        }

        long expectedTargets = (long)count * outputSize;
        if (targetsLength != expectedTargets)
        {
            Throw(targetsName, expectedTargets, targetsLength);
        }

        return count;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="inputsName"/> when a batch holds no sample (a training step needs one).</summary>
    /// <exception cref="ArgumentException"><paramref name="count"/> is 0.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireSamples(string inputsName, int count)
    {
        if (count == 0)
        {
            throw new ArgumentException($"'{inputsName}' must hold at least one sample, but it holds none.", inputsName);
        }
    }

    /// <summary>
    /// The length of a flat array of <paramref name="count"/> rows of <paramref name="width"/> values, computed in long:
    /// an <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when it exceeds what an array can hold.
    /// </summary>
    internal static int FlatLength(long count, int width, string parameterName)
    {
        long length = count * width;
        if (length > Array.MaxLength)
        {
            throw new ArgumentException(
                $"'{parameterName}' describes {count} rows of {width} values, {length} values in all, more than the {Array.MaxLength} an array can hold.",
                parameterName);
        }

        return (int)length;
    }
}
