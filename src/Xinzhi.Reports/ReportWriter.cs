using System.Text;
using Xinzhi.Reports.Excel;
using Xinzhi.Reports.Figures;
using Xinzhi.Reports.Html;
using Xinzhi.Reports.Model;
using Xinzhi.Runs;

namespace Xinzhi.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
public sealed record ReportOutput(string Directory, string Html, string Workbook, string RunJson, IReadOnlyList<string> Figures, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes a report directory: <c>index.html</c> (self-contained, offline), <c>results.xlsx</c> (every table),
/// <c>figures/*.png|svg</c> and <c>run.json</c> (provenance: inputs with SHA-256, the full specification, warnings,
/// and the list of files written).
/// </summary>
public static class ReportWriter
{
    public static ReportOutput Write(ReportModel model, string directory, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        var html = Path.Combine(directory, "index.html");
        var xlsx = Path.Combine(directory, "results.xlsx");
        var runJson = Path.Combine(directory, "run.json");
        var figuresDir = Path.Combine(directory, "figures");

        var figures = FigureRenderer.Write(model, figuresDir);
        var warnings = model.Provenance.Warnings.Concat(figures.Warnings).ToList();
        var withWarnings = model with { Provenance = model.Provenance with { Warnings = warnings } };

        AtomicFile.Write(html, tmp => File.WriteAllText(tmp, HtmlReportRenderer.Render(withWarnings), new UTF8Encoding(false)));
        XlsxReportRenderer.Write(withWarnings, xlsx);

        var outputs = new List<string> { html, xlsx };
        outputs.AddRange(figures.Files);
        var record = run with
        {
            Warnings = run.Warnings.Concat(warnings).Distinct(StringComparer.Ordinal).ToList(),
            Outputs = outputs.Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/')).ToList(),
        };
        record.WriteTo(runJson);
        return new ReportOutput(directory, html, xlsx, runJson, figures.Files, warnings);
    }
}
