namespace Xinzhi;

/// <summary>Spelling of option values shared by the CLI, run records and reports.</summary>
public static class Naming
{
    /// <summary>"HalfNormal" → "half-normal"; "DropIncompleteUnits" → "drop-incomplete-units"; "HC1" → "hc1".</summary>
    public static string Kebab(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1])) sb.Append('-');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    /// <summary>The kebab-case spelling of an enum member.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => Kebab(value.ToString());
}
