using System.Globalization;

namespace Tuning;

/// <summary>"coarse" for round 0, "fine 1", "fine 2"… after it.</summary>
internal static class RoundName
{
    public static string Of(int round) =>
        round == 0 ? "coarse" : string.Create(CultureInfo.InvariantCulture, $"fine {round}");
}
