using System.Globalization;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emission;

/// <summary>
/// How the network's scalar type is spelled in generated code: <c>float</c> with <c>global::System.MathF</c> or
/// <c>double</c> with <c>global::System.Math</c>, and the span types over it. Every type the generated code names
/// inside the user's class is <c>global::</c>-qualified, so no member, nested type or namespace type the user
/// declares (a <c>Math</c>, a <c>Span</c>) can capture it.
/// </summary>
internal sealed class Scalar
{
    public static readonly Scalar Single = new("float", "global::System.MathF", "1.17549435E-38f");
    public static readonly Scalar Double = new("double", "global::System.Math", "2.2250738585072014E-308");

    private Scalar(string name, string math, string smallestNormal)
    {
        Name = name;
        Math = math;
        SmallestNormal = smallestNormal;
    }

    /// <summary><c>float</c> or <c>double</c>.</summary>
    public string Name { get; }

    /// <summary><c>global::System.MathF</c> or <c>global::System.Math</c>.</summary>
    public string Math { get; }

    /// <summary><c>global::System.Span&lt;float&gt;</c>.</summary>
    public string Span => "global::System.Span<" + Name + ">";

    /// <summary><c>global::System.ReadOnlySpan&lt;float&gt;</c>.</summary>
    public string ReadOnlySpan => "global::System.ReadOnlySpan<" + Name + ">";

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
