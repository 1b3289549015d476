using System.Text.Json.Serialization;

namespace Xinzhi.Reports.Model;

/// <summary>A text in Chinese and English. Every label the report shows carries both; the reader switches language.</summary>
public sealed record Label(string Zh, string En)
{
    /// <summary>A label whose two languages read the same (codes, numbers, names without translation).</summary>
    public static Label Same(string text) => new(text, text);

    /// <summary>"中文 English" — the form used for spreadsheet headers, where both languages must show at once.</summary>
    [JsonIgnore]
    public string Both => Zh == En ? En : $"{Zh} {En}";

    public string In(ReportLanguage language) => language == ReportLanguage.Chinese ? Zh : En;
}

/// <summary>The two languages of the report.</summary>
public enum ReportLanguage
{
    Chinese,
    English,
}
