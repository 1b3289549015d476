using System.Text;
using Xinzhi.Reports.Excel;
using Xinzhi.Reports.Figures;
using Xinzhi.Reports.Html;
using Xinzhi.Reports.Model;
using Xinzhi.Runs;

namespace Xinzhi.Reports;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
public sealed record ReportOutput(string Directory, string Html, string Workbook, string RunJson, IReadOnlyList<string> Figures, IReadOnlyList<string> Warnings)
{
    /// <summary>Every file written (full paths), run.json last.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}

/// <summary>
/// Writes a report directory: <c>index.html</c> (self-contained, offline), <c>results.xlsx</c> (every table),
/// <c>figures/*.png|svg</c> and <c>run.json</c> (provenance: inputs with SHA-256, the full specification, warnings,
/// and the list of files written).
/// </summary>
public static class ReportWriter
{
    public static ReportOutput Write(ReportModel model, string directory, RunRecord run, bool html = true, bool workbook = true, bool figures = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(directory);
        var htmlPath = Path.Combine(directory, "index.html");
        var xlsx = Path.Combine(directory, "results.xlsx");
        var runJson = Path.Combine(directory, "run.json");
        var figuresDir = Path.Combine(directory, "figures");

        var figureResult = figures ? FigureRenderer.Write(model, figuresDir) : new FigureResult([], [], null);
        var warnings = model.Provenance.Warnings.Concat(figureResult.Warnings).ToList();
        var withWarnings = model with { Provenance = model.Provenance with { Warnings = warnings } };

        var outputs = new List<string>();
        if (html)
        {
            AtomicFile.Write(htmlPath, tmp => File.WriteAllText(tmp, HtmlReportRenderer.Render(withWarnings), new UTF8Encoding(false)));
            outputs.Add(htmlPath);
        }
        if (workbook)
        {
            XlsxReportRenderer.Write(withWarnings, xlsx);
            outputs.Add(xlsx);
        }
        outputs.AddRange(figureResult.Files);
        var record = run with
        {
            Warnings = run.Warnings.Concat(warnings).Distinct(StringComparer.Ordinal).ToList(),
            Outputs = outputs.Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/')).ToList(),
        };
        record.WriteTo(runJson);
        outputs.Add(runJson);
        return new ReportOutput(directory, htmlPath, xlsx, runJson, figureResult.Files, warnings) { Files = outputs };
    }
}
