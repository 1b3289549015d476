using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xinzhi.Reports.Model;

namespace Xinzhi.Reports.Html;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: the model as JSON, the decoded China map,
/// ECharts (from npm, embedded at build time) and the page's own script and style, all inline, so the file opens
/// offline from a USB stick or an e-mail attachment. The page draws every chart in the browser from the model; no
/// number is computed here.
/// </summary>
public static class HtmlReportRenderer
{
    /// <summary>JSON options for the model embedded in the page (camelCase; NaN/∞ written as strings, which the page
    /// treats as "no value").</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Render(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = Asset("report.html");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__XINZHI_VERSION__"] = Escape(model.Metadata.ProgramVersion),
            ["__XINZHI_TITLE__"] = Escape(model.Metadata.Title.Zh + " · " + model.Metadata.Title.En),
            ["/*__XINZHI_CSS__*/"] = Asset("report.css"),
            ["__XINZHI_DATA__"] = ScriptSafe(JsonSerializer.Serialize(model, JsonOptions)),
            ["__XINZHI_MAP__"] = ScriptSafe(ChinaMap.GeoJson),
            ["/*__XINZHI_ECHARTS__*/"] = ScriptSafe(Asset("echarts.min.js")),
            ["/*__XINZHI_JS__*/"] = ScriptSafe(Asset("report.js")),
        };
        return Fill(template, values);
    }

    /// <summary>Replaces each placeholder once, scanning the template only, so that text inserted for one
    /// placeholder (e.g. the ECharts source) is never searched for another.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template.Length + values.Values.Sum(v => v.Length));
        var pos = 0;
        while (pos < template.Length)
        {
            var next = -1;
            string? key = null;
            foreach (var k in values.Keys)
            {
                var i = template.IndexOf(k, pos, StringComparison.Ordinal);
                if (i >= 0 && (next < 0 || i < next)) { next = i; key = k; }
            }
            if (key is null)
            {
                sb.Append(template, pos, template.Length - pos);
                break;
            }
            sb.Append(template, pos, next - pos).Append(values[key]);
            pos = next + key.Length;
        }
        return sb.ToString();
    }

    /// <summary>Text inside a &lt;script&gt; element must not contain "&lt;/" followed by "script"; in JSON and
    /// JavaScript string literals "&lt;\/" means the same.</summary>
    private static string ScriptSafe(string text) =>
        text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
            .Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    internal static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Xinzhi.Reports.Assets." + name)
            ?? throw new InvalidOperationException($"Report asset '{name}' is missing from Xinzhi.Reports (rebuild with npm available).");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
