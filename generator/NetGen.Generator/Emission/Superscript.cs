using System.Text;

namespace NetGen.Generator.Emission;

/// <summary>Layer numbers as superscripts, as they are written on paper: a¹, W²ᵀ, δ¹².</summary>
internal static class Superscript
{
    private const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static string Of(int number)
    {
        var text = new StringBuilder();
        foreach (char digit in number.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            text.Append(Digits[digit - '0']);
        }

        return text.ToString();
    }
}
