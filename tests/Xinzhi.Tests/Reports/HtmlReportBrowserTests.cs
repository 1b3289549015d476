using System.Text;
using System.Text.Json.Nodes;
using Xinzhi.Reports.Html;
using Xinzhi.Reports.Model;
using Xinzhi.Tests.Reports.Browser;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Reports;

/// <summary>
/// Opens the rendered <c>index.html</c> in Debian's headless Chromium and checks that the map, every chart and both
/// languages render without console errors. Screenshots go to <c>artifacts/report/</c>. Without Chromium the test
/// fails and says to run <c>.ci/install</c>: it never passes silently.
/// </summary>
[Collection(DemoReportCollection.Name)]
public sealed class HtmlReportBrowserTests(DemoReportFixture demo)
{
    public static readonly string[] AllCharts =
    [
        "chart-map", "chart-ranking", "chart-radar", "chart-trend-index", "chart-trend-gtfp", "chart-gtfp-decomp", "chart-efficiency",
        "chart-dagum", "chart-dagum-groups", "chart-kde", "chart-coupling", "chart-obstacles", "chart-forecast",
    ];

    private static string ArtifactDir => Path.Combine(SharedPaths.RepoRoot, "artifacts", "report");

    /// <summary>Samples each chart's canvas on a grid and counts the points that are not background.</summary>
    private const string PaintedPixelsScript = """
        (function (ids) {
          var out = {};
          ids.forEach(function (id) {
            var c = document.querySelector('#' + id + ' canvas');
            if (!c || !c.width || !c.height) { out[id] = -1; return; }
            var ctx = c.getContext('2d');
            var img = ctx.getImageData(0, 0, c.width, c.height).data;
            var n = 0;
            for (var y = 0; y < c.height; y += 6) for (var x = 0; x < c.width; x += 6) {
              var k = (y * c.width + x) * 4;
              if (img[k + 3] > 0 && (img[k] < 235 || img[k + 1] < 235 || img[k + 2] < 235)) n++;
            }
            out[id] = n;
          });
          return out;
        })(%IDS%)
        """;

    public static async Task<JsonObject> LoadAsync(HeadlessChromium.Page page, string url, string lang)
    {
        await page.NavigateAsync(url);
        await page.WaitForAsync($"window.__xinzhiReady === true && window.__xinzhiStatus.lang === '{lang}'", TimeSpan.FromSeconds(60));
        await Task.Delay(700); // let the 300 ms animations finish before sampling pixels
        return (JsonObject)(await page.EvaluateAsync("window.__xinzhiStatus"))!;
    }

    private static async Task AssertChartsPainted(HeadlessChromium.Page page, IEnumerable<string> ids)
    {
        var list = ids.ToArray();
        var json = new JsonArray(list.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()).ToJsonString();
        var painted = (JsonObject)(await page.EvaluateAsync(PaintedPixelsScript.Replace("%IDS%", json)))!;
        foreach (var id in list)
        {
            var n = painted[id]!.GetValue<int>();
            Assert.True(n > 40, $"chart {id}: only {n} painted sample points (canvas missing or blank)");
        }
    }

    private static void AssertNoErrors(JsonObject status, HeadlessChromium browser, string when)
    {
        var pageErrors = status["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.True(pageErrors.Count == 0, $"{when}: page errors:\n{string.Join("\n", pageErrors)}");
        Assert.True(browser.Errors.IsEmpty, $"{when}: console errors:\n{string.Join("\n", browser.Errors)}");
    }

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Should_fail_with_the_install_hint_when_Chromium_is_missing()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => HeadlessChromium.StartAsync(TimeSpan.FromSeconds(1), ["/nonexistent/chromium"]));
        Assert.Contains(".ci/install", e.Message);
    }

    [Fact]
    public async Task Should_render_map_every_chart_and_both_languages_without_console_errors()
    {
        using var dir = new TempDir();
        var model = ReportModelFixture.Complete();
        var html = dir.File("index.html");
        File.WriteAllText(html, HtmlReportRenderer.Render(model), new UTF8Encoding(false));
        var url = new Uri(html).AbsoluteUri;

        await using var browser = await HeadlessChromium.StartAsync(TimeSpan.FromSeconds(30));
        var page = await browser.NewPageAsync(1400, 1000);

        // Chinese (the default language).
        var zh = await LoadAsync(page, url + "#lang=zh", "zh");
        AssertNoErrors(zh, browser, "zh");
        Assert.Equal(AllCharts.Order(), Strings(zh["charts"]).Order());
        Assert.Empty(Strings(zh["unavailable"]));
        Assert.True(zh["mapFeatures"]!.GetValue<int>() >= 34, "the decoded China map should have the 34 provincial-level units");
        await AssertChartsPainted(page, AllCharts);
        Assert.Equal(model.Metadata.Title.Zh, (await page.EvaluateAsync("document.getElementById('report-title').textContent"))!.GetValue<string>());
        Assert.Equal("zh-CN", (await page.EvaluateAsync("document.documentElement.lang"))!.GetValue<string>());
        Assert.Contains("新质生产力", (await page.EvaluateAsync("document.querySelector('#sec-map h2').textContent"))!.GetValue<string>());
        // The logic diagram SVG is embedded; citations are escaped, not interpreted.
        Assert.True((await page.EvaluateAsync("document.querySelectorAll('#logic-diagram svg').length"))!.GetValue<int>() == 1);
        Assert.Contains("<b>not bold</b>", (await page.EvaluateAsync("document.getElementById('sources').textContent"))!.GetValue<string>());
        Assert.Equal(1 + ReportModelFixture.Provinces.Length, (await page.EvaluateAsync("document.querySelectorAll('#table-scores tr').length"))!.GetValue<int>());
        await page.ScreenshotAsync(Path.Combine(ArtifactDir, "index-zh.png"));

        // Switch to English through the hash, as the language links do.
        await page.EvaluateAsync("location.hash = '#lang=en'");
        await page.WaitForAsync("window.__xinzhiReady === true && window.__xinzhiStatus.lang === 'en' && window.__xinzhiStatus.renders >= 2", TimeSpan.FromSeconds(60));
        await Task.Delay(700);
        var en = (JsonObject)(await page.EvaluateAsync("window.__xinzhiStatus"))!;
        AssertNoErrors(en, browser, "en");
        Assert.Equal(AllCharts.Order(), Strings(en["charts"]).Order());
        await AssertChartsPainted(page, AllCharts);
        Assert.Equal(model.Metadata.Title.En, (await page.EvaluateAsync("document.getElementById('report-title').textContent"))!.GetValue<string>());
        Assert.Equal("NQPF index map", (await page.EvaluateAsync("document.querySelector('#sec-map h2').textContent"))!.GetValue<string>());
        Assert.Equal("en", (await page.EvaluateAsync("document.documentElement.lang"))!.GetValue<string>());

        // Interactions: another year and another province re-render without errors.
        await page.EvaluateAsync("(function(){var s=document.getElementById('year-select');s.value='2015';s.dispatchEvent(new Event('change'));" +
                                 "var e=document.getElementById('entity-select');e.value='650000';e.dispatchEvent(new Event('change'));return true;})()");
        await Task.Delay(300);
        AssertNoErrors((JsonObject)(await page.EvaluateAsync("window.__xinzhiStatus"))!, browser, "after selecting 2015 / Xinjiang");

        // A partial model: missing sections say "not available" and nothing else breaks.
        var partial = dir.File("partial.html");
        File.WriteAllText(partial, HtmlReportRenderer.Render(ReportModelFixture.Partial()), new UTF8Encoding(false));
        var page2 = await browser.NewPageAsync(1400, 1000);
        var p = await LoadAsync(page2, new Uri(partial).AbsoluteUri + "#lang=en", "en");
        AssertNoErrors(p, browser, "partial");
        Assert.Equal(new[] { "dagum", "diagram", "tfp" }, Strings(p["unavailable"]).Distinct().Order());
        var expected = AllCharts.Except(["chart-trend-gtfp", "chart-gtfp-decomp", "chart-efficiency", "chart-dagum", "chart-dagum-groups"]).ToArray();
        Assert.Equal(expected.Order(), Strings(p["charts"]).Order());
        Assert.Contains("not available in this build", (await page2.EvaluateAsync("document.getElementById('chart-trend-gtfp').textContent"))!.GetValue<string>());

        // The real report of `xinzhi demo` on the shipped data: every section present, both languages clean.
        demo.AssertSucceeded();
        var demoUrl = new Uri(demo.File("index.html")).AbsoluteUri;
        var page3 = await browser.NewPageAsync(1400, 1000);
        foreach (var lang in new[] { "zh", "en" })
        {
            var s = await LoadAsync(page3, demoUrl + "#lang=" + lang, lang);
            AssertNoErrors(s, browser, "demo " + lang);
            Assert.Equal(AllCharts.Order(), Strings(s["charts"]).Order());
            Assert.Empty(Strings(s["unavailable"]));
            await AssertChartsPainted(page3, AllCharts);
            Assert.True((await page3.EvaluateAsync("document.querySelectorAll('#logic-diagram svg').length"))!.GetValue<int>() == 1, "logic diagram");
            await page3.ScreenshotAsync(Path.Combine(ArtifactDir, $"demo-{lang}.png"));
        }
    }
}
