using System.Text;

namespace NetGen.Generator.Emission;

/// <summary>Numbers raised or lowered as they are written on paper: layer numbers a¹, W²ᵀ, δ¹²; index factors z₍₃ᵢ₊ⱼ₎.</summary>
internal static class Superscript
{
    public static string Of(int number) => Map(number, "⁰¹²³⁴⁵⁶⁷⁸⁹");

    /// <summary>The number as subscript digits: <c>₃</c>.</summary>
    public static string Subscript(int number) => Map(number, "₀₁₂₃₄₅₆₇₈₉");

    private static string Map(int number, string digits)
    {
        var text = new StringBuilder();
        foreach (char digit in number.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            text.Append(digits[digit - '0']);
        }

        return text.ToString();
    }
}
