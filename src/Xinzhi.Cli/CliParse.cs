using System.Globalization;

namespace Xinzhi.Cli;

/// <summary>Parsing helpers for option values, with messages that name the option and the accepted values.</summary>
public static class CliParse
{
    /// <summary>Splits "a,b , c" into ["a","b","c"]; empty input gives an empty list.</summary>
    public static string[] List(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses a kebab-case option value ("half-normal", "beta-absolute") into an enum member (HalfNormal).</summary>
    public static T Enum<T>(string value, string option) where T : struct, System.Enum
    {
        var key = value.Replace("-", "").Replace("_", "");
        if (System.Enum.TryParse<T>(key, ignoreCase: true, out var result) && System.Enum.IsDefined(result)) return result;
        throw new SpecificationException(
            $"{option}: '{value}' is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(Kebab))}.");
    }

    /// <summary>"HalfNormal" → "half-normal".</summary>
    public static string Kebab(string pascal) => Naming.Kebab(pascal);

    public static double Double(string value, string option) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : throw new SpecificationException($"{option}: '{value}' is not a number.");
}
