using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

/// <summary>How the network's scalar type is spelled in generated code: <c>float</c> with <c>MathF</c> or <c>double</c> with <c>Math</c>.</summary>
internal sealed class Scalar
{
    public static readonly Scalar Single = new("float", "MathF", "1.17549435E-38f");
    public static readonly Scalar Double = new("double", "Math", "2.2250738585072014E-308");

    private Scalar(string name, string math, string smallestNormal)
    {
        Name = name;
        Math = math;
        SmallestNormal = smallestNormal;
    }

    /// <summary><c>float</c> or <c>double</c>.</summary>
    public string Name { get; }

    /// <summary><c>MathF</c> or <c>Math</c>.</summary>
    public string Math { get; }

    /// <summary>The smallest positive normal value, as a literal: the floor below which ln is never taken.</summary>
    public string SmallestNormal { get; }

    public static Scalar For(PrecisionKind precision) => precision == PrecisionKind.Double ? Double : Single;

    /// <summary>A literal of this type: <c>0.5f</c> or <c>0.5</c>.</summary>
    public string Literal(double value)
    {
        if (this == Single)
        {
            return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>The literal for 0, 1, ½ and other small constants used everywhere.</summary>
    public string Zero => Literal(0);

    public string One => Literal(1);

    public string Half => Literal(0.5);
}
