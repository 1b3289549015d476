using System.Text;
using MiniExcelLibs;
using Xinzhi.Reports;
using Xinzhi.Reports.Excel;
using Xinzhi.Reports.Figures;
using Xinzhi.Reports.Html;
using Xinzhi.Reports.Model;
using Xinzhi.Runs;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void Should_write_html_xlsx_figures_and_run_json()
    {
        // Written under artifacts/ so that CI keeps the rendered fixture report for inspection.
        var dir = new { Path = Path.Combine(SharedPaths.RepoRoot, "artifacts", "report", "fixture-report") };
        if (Directory.Exists(dir.Path)) Directory.Delete(dir.Path, recursive: true);
        var model = ReportModelFixture.Complete();
        var output = ReportWriter.Write(model, dir.Path, new RunRecord { Command = "xinzhi test", Method = "report" });

        Assert.True(File.Exists(output.Html));
        Assert.True(File.Exists(output.Workbook));
        foreach (var name in new[] { "index-map", "index-ranking", "index-trend", "gtfp-trend", "gtfp-decomposition", "dagum", "kde", "coupling", "obstacles" })
        {
            foreach (var ext in new[] { ".png", ".svg" })
            {
                var f = Path.Combine(dir.Path, "figures", name + ext);
                Assert.True(File.Exists(f) && new FileInfo(f).Length > 1000, $"{f} missing or tiny; warnings: {string.Join("; ", output.Warnings)}");
            }
        }
        // With a CJK font installed (.ci/install), figure text is bilingual and the SVG carries the Chinese.
        Assert.NotNull(FigureRenderer.CjkFontFamily());
        Assert.Contains("新质生产力", File.ReadAllText(Path.Combine(dir.Path, "figures", "index-trend.svg")));
        // Years are ticked in the invariant culture.
        Assert.Matches(@">\s*2012\s*</text>", File.ReadAllText(Path.Combine(dir.Path, "figures", "index-trend.svg")));
        Assert.DoesNotContain("2,012", File.ReadAllText(Path.Combine(dir.Path, "figures", "index-trend.svg")));

        var run = File.ReadAllText(output.RunJson);
        Assert.Contains("\"index.html\"", run);
        Assert.Contains("\"results.xlsx\"", run);
        Assert.Contains("figures/kde.png", run);
    }

    [Fact]
    public void Should_put_every_table_in_the_workbook_with_bilingual_headers_and_exact_numbers()
    {
        using var dir = new TempDir();
        var model = ReportModelFixture.Complete();
        var path = dir.File("results.xlsx");
        XlsxReportRenderer.Write(model, path);

        var sheets = MiniExcel.GetSheetNames(path);
        foreach (var s in new[] { "说明 About", "方法 Methods", "得分 Scores", "权重 Weights", "绿色效率 Green efficiency", "GTFP指数 GTFP index",
                                   "累计GTFP Cumulative GTFP", "Dagum基尼 Dagum Gini", "核密度 Kernel density", "耦合协调 Coupling", "障碍度 Obstacles",
                                   "预测 Forecasts", "预测精度 Forecast accuracy" })
        {
            Assert.Contains(s, sheets);
        }

        var scores = MiniExcel.Query(path, useHeaderRow: true, sheetName: "得分 Scores").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(model.Index!.Scores.Count, scores.Count);
        var first = model.Index.Scores[0];
        var row = scores[0];
        Assert.Equal(first.Id, row["代码 id"]);
        Assert.Equal(first.Score, Convert.ToDouble(row["综合指数 score"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first.SubScores["laborers"], Convert.ToDouble(row["劳动者 Laborers (laborers)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("北京", row["名称 name_zh"]);
        Assert.Equal("东部 East", row["区域 group"]);

        var changes = MiniExcel.Query(path, useHeaderRow: true, sheetName: "GTFP指数 GTFP index").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(model.Tfp!.Changes.Count, changes.Count);
        Assert.Equal(model.Tfp.Changes[3].Tfpch!.Value, Convert.ToDouble(changes[3]["GTFP变化 tfpch"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(changes[3]["纯效率变化 pech"]);
    }

    [Fact]
    public void Should_render_a_self_contained_page_that_needs_no_network()
    {
        var html = HtmlReportRenderer.Render(ReportModelFixture.Complete());
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("echarts", html);
        // The model's text cannot close the data script element.
        var model = ReportModelFixture.Complete() with { Sources = [new Citation("</script><script>alert(1)</script>")] };
        var evil = HtmlReportRenderer.Render(model);
        Assert.Equal(4, CountOccurrences(evil, "</script>"));
    }

    private static int CountOccurrences(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
