using System.Globalization;

namespace NetGen.Generator.Emission;

/// <summary>How numbers appear in generated comments: round-trippable, culture-independent (<c>0.01</c>, never <c>0,01</c>).</summary>
internal static class InvariantNumber
{
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
