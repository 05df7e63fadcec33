using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace NetGen;

/// <summary>The length checks generated code makes on its span arguments.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanLength
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the parameter, the expected and the actual length.</summary>
    [DoesNotReturn]
    public static void Throw(string parameterName, int expected, int actual) =>
        throw new ArgumentException(
            $"'{parameterName}' must hold exactly {expected} values, but it holds {actual}.",
            parameterName);

    /// <summary>Throws an <see cref="ArgumentException"/> when a batch's values are not a whole number of samples.</summary>
    [DoesNotReturn]
    public static void ThrowNotWholeSamples(string parameterName, int valuesPerSample, int actual) =>
        throw new ArgumentException(
            $"'{parameterName}' must hold whole samples of {valuesPerSample} values each, but it holds {actual} values ({actual % valuesPerSample} left over).",
            parameterName);
}
