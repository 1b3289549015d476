using System.Globalization;
using MiniExcelLibs;
using Xinzhi.Data;
using Xinzhi.Reports.Pipeline;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Reports;

/// <summary>
/// <c>xinzhi demo</c>, <c>xinzhi init</c> + <c>xinzhi run</c> end to end on the shipped data, and the numbers of the
/// report against the individual verbs run on the same data with the same options (one pipeline).
/// </summary>
[Collection(DemoReportCollection.Name)]
public sealed class StudyPipelineTests(DemoReportFixture demo)
{
    private static string Panel => ShippedData.ChinaProvincesPanel();

    private static List<Dictionary<string, string?>> ReadCsv(string path)
    {
        var t = CsvTableReader.Read(path);
        var rows = new List<Dictionary<string, string?>>();
        for (var i = 0; i < t.RowCount; i++)
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var c = 0; c < t.ColumnNames.Count; c++) row[t.ColumnNames[c]] = t.Column(c)[i];
            rows.Add(row);
        }
        return rows;
    }

    private static double D(string? s) => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void RunOk(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, $"xinzhi {string.Join(' ', args)} exited {r.ExitCode}\n{r.Out}\n{r.Error}");
    }

    [Fact]
    public void Demo_should_write_the_whole_report_and_print_a_summary()
    {
        demo.AssertSucceeded();
        foreach (var f in new[] { "index.html", "results.xlsx", "run.json", "figures/index-map.png", "figures/index-map.svg", "figures/kde.png",
                                  "index/scores.csv", "index/weights.csv", "index/normalized.csv", "index/run.json", "tfp/malmquist.csv",
                                  "analysis/dagum.csv", "analysis/kde.csv", "analysis/coupling.csv", "analysis/obstacle_top.csv", "analysis/forecast.csv" })
        {
            Assert.True(File.Exists(demo.File(f)), $"{f} missing");
        }
        Assert.Contains("Top three in 2023", demo.Result.Out);
        Assert.Contains("广东", demo.Result.Out);
        Assert.DoesNotContain("not available", demo.Result.Out);

        var run = File.ReadAllText(demo.File("run.json"));
        Assert.Contains(RunRecordSha(Panel), run);
        Assert.Contains("\"aggregate\": \"topsis\"", run);
        Assert.Contains("\"technology\": \"global\"", run);
        Assert.Contains("\"dropped_units\"", run);
    }

    private static string RunRecordSha(string path) => Xinzhi.Runs.RunRecord.Describe(path).Sha256;

    [Fact]
    public void Index_scores_in_the_report_should_equal_xinzhi_index()
    {
        demo.AssertSucceeded();
        using var dir = new TempDir();
        RunOk("index", Panel, "--id", "code", "--time", "year", "--framework", "builtin:china-provinces",
            "--normalize", "minmax", "--scope", "pooled", "--weights", "entropy", "--aggregate", "topsis", "--out", dir.File("idx"));
        Assert.Equal(File.ReadAllText(dir.File("idx/scores.csv")), File.ReadAllText(demo.File("index/scores.csv")));
        Assert.Equal(File.ReadAllText(dir.File("idx/weights.csv")), File.ReadAllText(demo.File("index/weights.csv")));

        // The number shown in the workbook (and the page, from the same model) is the verb's number.
        var verb = ReadCsv(dir.File("idx/scores.csv")).Single(r => r["id"] == "440000" && r["time"] == "2023");
        var sheet = MiniExcel.Query(demo.File("results.xlsx"), useHeaderRow: true, sheetName: "得分 Scores").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["代码 id"] == "440000" && Convert.ToInt32(r["年份 time"], CultureInfo.InvariantCulture) == 2023);
        Assert.Equal(D(verb["score"]), Convert.ToDouble(sheet["综合指数 score"], CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(verb["rank"]!, CultureInfo.InvariantCulture), Convert.ToInt32(sheet["排名 rank"], CultureInfo.InvariantCulture));
        Assert.Contains("\"score\":" + verb["score"], File.ReadAllText(demo.File("index.html"))); // the page's model holds the same double
    }

    [Fact]
    public void Dagum_and_kde_should_equal_xinzhi_inequality_and_xinzhi_kde_on_the_index_scores()
    {
        demo.AssertSucceeded();
        using var dir = new TempDir();
        // scores.csv of the index run joined with the region of each province.
        var region = ReadCsv(Panel).GroupBy(r => r["code"]!).ToDictionary(g => g.Key, g => g.First()["region"]);
        var w = new CsvTableWriter(["id", "time", "score", "region"]);
        foreach (var r in ReadCsv(demo.File("index/scores.csv"))) w.AppendRow(r["id"], r["time"], r["score"], region[r["id"]!]);
        w.Save(dir.File("scores.csv"));

        RunOk("inequality", dir.File("scores.csv"), "--value", "score", "--group", "region", "--time", "time", "--measure", "dagum", "--out", dir.File("dagum.csv"));
        var verb = ReadCsv(dir.File("dagum.csv")).Where(r => r["component"] is "G" or "Gw" or "Gnb" or "Gt" or "Gw_share" or "Gnb_share" or "Gt_share" or "Gjj" or "Gjh").ToList();
        var mine = ReadCsv(demo.File("analysis/dagum.csv"));
        Assert.Equal(verb.Count, mine.Count);
        foreach (var v in verb)
        {
            var m = mine.Single(x => x["time"] == v["time"] && x["component"] == v["component"] && x["group"] == v["group"] && x["group2"] == v["group2"]);
            Assert.Equal(D(v["value"]), D(m["value"]), 12);
        }

        RunOk("kde", dir.File("scores.csv"), "--value", "score", "--time", "time", "--out", dir.File("kde.csv"));
        var kv = ReadCsv(dir.File("kde.csv"));
        var km = ReadCsv(demo.File("analysis/kde.csv"));
        Assert.Equal(kv.Count, km.Count);
        for (var i = 0; i < kv.Count; i += 97)
        {
            Assert.Equal(D(kv[i]["x"]), D(km[i]["x"]), 12);
            Assert.Equal(D(kv[i]["density"]), D(km[i]["density"]), 12);
        }
    }

    [Fact]
    public void Coupling_obstacles_and_forecasts_should_equal_xinzhi_coupling_obstacle_and_forecast()
    {
        demo.AssertSucceeded();
        using var dir = new TempDir();
        var scores = demo.File("index/scores.csv");

        RunOk("coupling", scores, "--id", "id", "--time", "time", "--systems", "laborers,means-of-labor,objects-of-labor", "--out", dir.File("c.csv"));
        var cv = ReadCsv(dir.File("c.csv"));
        var cm = ReadCsv(demo.File("analysis/coupling.csv"));
        Assert.Equal(cv.Count, cm.Count);
        for (var i = 0; i < cv.Count; i++)
        {
            Assert.Equal((cv[i]["id"], cv[i]["time"], cv[i]["level"]), (cm[i]["id"], cm[i]["time"], cm[i]["level"]));
            foreach (var c in new[] { "C", "T", "D" }) Assert.Equal(D(cv[i][c]), D(cm[i][c]), 12);
        }

        RunOk("obstacle", demo.File("index"), "--top", "5", "--out", dir.File("o.csv"));
        var top = Directory.GetFiles(dir.Path, "o*top*.csv").Single();
        var ov = ReadCsv(top);
        var om = ReadCsv(demo.File("analysis/obstacle_top.csv"));
        Assert.Equal(ov.Count, om.Count);
        for (var i = 0; i < ov.Count; i++)
        {
            Assert.Equal((ov[i]["id"], ov[i]["time"], ov[i]["kind"], ov[i]["rank"], ov[i]["item"]), (om[i]["id"], om[i]["time"], om[i]["kind"], om[i]["rank"], om[i]["item"]));
            Assert.Equal(D(ov[i]["obstacle"]), D(om[i]["obstacle"]), 12);
        }

        RunOk("forecast", scores, "--id", "id", "--time", "time", "--value", "score", "--model", "gm11", "--horizon", "3", "--out", dir.File("f.csv"));
        var fv = ReadCsv(dir.File("f.csv"));
        var fm = ReadCsv(demo.File("analysis/forecast.csv"));
        Assert.Equal(fv.Count, fm.Count);
        for (var i = 0; i < fv.Count; i++)
        {
            Assert.Equal((fv[i]["id"], fv[i]["time"]), (fm[i]["id"], fm[i]["time"]));
            foreach (var c in new[] { "value", "fitted", "forecast" })
            {
                if (string.IsNullOrEmpty(fv[i][c])) Assert.True(string.IsNullOrEmpty(fm[i][c]), $"{c} row {i}");
                else Assert.Equal(D(fv[i][c]), D(fm[i][c]), 12);
            }
        }
    }

    [Fact]
    public void Green_tfp_should_equal_xinzhi_malmquist_on_the_same_panel()
    {
        demo.AssertSucceeded();
        using var dir = new TempDir();
        // The panel the study used: 2010-2019 (TFP columns end in 2019), Tibet dropped (no CEADs CO2).
        var rows = ReadCsv(Panel).Where(r => int.Parse(r["year"]!, CultureInfo.InvariantCulture) <= 2019 && r["code"] != "540000").ToList();
        var w = new CsvTableWriter(["code", "year", "capital_stock", "employment", "real_gdp", "co2"]);
        foreach (var r in rows) w.AppendRow(r["code"], r["year"], r["capital_stock"], r["employment"], r["real_gdp"], r["co2"]);
        w.Save(dir.File("tfp.csv"));
        RunOk("malmquist", dir.File("tfp.csv"), "--id", "code", "--time", "year", "--inputs", "capital_stock,employment", "--outputs", "real_gdp",
            "--bad", "co2", "--model", "sbm", "--rts", "crs", "--orientation", "none", "--technology", "global", "--out", dir.File("m.csv"));
        var verb = ReadCsv(dir.File("m.csv"));
        var mine = ReadCsv(demo.File("tfp/malmquist.csv"));
        Assert.Equal(verb.Count, mine.Count);
        Assert.Equal(30 * 9, mine.Count);
        foreach (var v in verb)
        {
            var m = mine.Single(x => x["id"] == v["id"] && x["from"] == v["from"]);
            foreach (var c in new[] { "tfpch", "effch", "techch", "cum_tfpch" }) Assert.Equal(D(v[c]), D(m[c]), 12);
        }

        RunOk("dea", dir.File("tfp.csv"), "--id", "code", "--time", "year", "--inputs", "capital_stock,employment", "--outputs", "real_gdp",
            "--bad", "co2", "--model", "sbm", "--rts", "crs", "--orientation", "none", "--out", dir.File("e.csv"));
        var ev = ReadCsv(dir.File("e.csv"));
        var em = ReadCsv(demo.File("tfp/efficiency.csv"));
        Assert.Equal(ev.Count, em.Count);
        foreach (var v in ev)
        {
            var m = em.Single(x => x["id"] == v["id"] && x["time"] == v["time"]);
            Assert.Equal(v["status"], m["status"]);
            if (v["efficiency"] is { Length: > 0 } e) Assert.Equal(D(e), D(m["efficiency"]), 12);
        }
    }

    [Fact]
    public void Init_then_run_on_a_copy_of_the_project_file_should_reproduce_the_demo()
    {
        demo.AssertSucceeded();
        using var dir = new TempDir();
        RunOk("init", dir.File("study.yaml"));
        Assert.Contains("builtin:china-provinces", File.ReadAllText(dir.File("study.yaml")));
        Assert.Equal(1, CliRunner.Run("init", dir.File("study.yaml")).ExitCode); // no silent overwrite

        Directory.CreateDirectory(dir.File("copy"));
        // A copy, edited as a user would: no figures (faster), its own output folder relative to the file.
        var yaml = File.ReadAllText(dir.File("study.yaml")).Replace("  figures: true", "  figures: false").Replace("dir: xinzhi-report", "dir: out");
        File.WriteAllText(dir.File("copy/study.yaml"), yaml);
        RunOk("run", dir.File("copy/study.yaml"));
        Assert.True(File.Exists(dir.File("copy/out/index.html")));
        Assert.False(Directory.Exists(dir.File("copy/out/figures")));
        Assert.Equal(File.ReadAllText(demo.File("index/scores.csv")), File.ReadAllText(dir.File("copy/out/index/scores.csv")));
        Assert.Equal(File.ReadAllText(demo.File("analysis/coupling.csv")), File.ReadAllText(dir.File("copy/out/analysis/coupling.csv")));
    }

    [Fact]
    public void Run_with_the_green_framework_and_an_excluded_entity_should_equal_xinzhi_index_with_the_same_selection()
    {
        using var dir = new TempDir();
        RunOk("init", dir.File("study.yaml"));
        var yaml = File.ReadAllText(dir.File("study.yaml"))
            .Replace("framework: builtin:china-provinces\n", "framework: builtin:china-provinces-green\n")
            .Replace("  exclude: []", "  exclude: [540000]")
            .Replace("  figures: true", "  figures: false").Replace("dir: xinzhi-report", "dir: out");
        Assert.Contains("china-provinces-green", yaml);
        Assert.Contains("exclude: [540000]", yaml);
        File.WriteAllText(dir.File("study.yaml"), yaml);
        RunOk("run", dir.File("study.yaml"));
        RunOk("index", Panel, "--id", "code", "--time", "year", "--framework", "builtin:china-provinces-green",
            "--years", "2010-2019", "--exclude", "540000", "--weights", "entropy", "--aggregate", "topsis", "--out", dir.File("idx"));
        Assert.Equal(File.ReadAllText(dir.File("idx/scores.csv")), File.ReadAllText(dir.File("out/index/scores.csv")));
        Assert.Contains("\"540000\"", File.ReadAllText(dir.File("out/run.json")));
    }

    [Fact]
    public void Run_on_user_data_keyed_by_names_without_tfp_columns_should_say_what_is_missing()
    {
        using var dir = new TempDir();
        var columns = new[] { "rd_personnel_fte", "researcher_share", "education_spending_share", "rd_intensity", "sci_tech_spending_share",
                              "hitech_enterprises", "hitech_revenue", "tech_market_turnover", "invention_patents_granted" };
        var w = new CsvTableWriter(["省份", "年份", .. columns]);
        foreach (var row in ReadCsv(Panel).Where(x => string.CompareOrdinal(x["year"], "2015") >= 0))
            w.AppendRow([row["province_zh"], row["year"], .. columns.Select(c => (object?)row[c])]);
        w.Save(dir.File("mine.csv"));
        var yaml = """
            title_zh: 我的研究
            title_en: My study
            data:
              file: mine.csv
              id: 省份
              time: 年份
            framework: builtin:china-provinces
            tfp:
              inputs: [capital_stock, employment]
              outputs: [real_gdp]
            analysis:
              dagum: false
              forecast_horizon: 2
            output:
              dir: out
              figures: false
            """;
        File.WriteAllText(dir.File("study.yaml"), yaml);
        var r = CliRunner.Run("run", dir.File("study.yaml"));
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        Assert.Contains("not available: tfp", r.Out);
        Assert.Contains("capital_stock", r.Out);
        Assert.Contains("not available: dagum", r.Out);
        var html = File.ReadAllText(dir.File("out/index.html"));
        Assert.Contains("\"mapId\":\"110000\"", html);   // 北京 is drawn on the map by its code
        Assert.Contains("北京", File.ReadAllText(dir.File("out/index/scores.csv")));
        Assert.True(File.Exists(dir.File("out/analysis/forecast.csv")));
        Assert.False(File.Exists(dir.File("out/tfp/malmquist.csv")));

        // A step that cannot run on these data (GM(1,1) needs 4 points) is reported, not fatal.
        File.WriteAllText(dir.File("short.yaml"), yaml.Replace("framework: builtin:china-provinces", "framework: builtin:china-provinces\nyears: 2021-2023")
            .Replace("dir: out", "dir: short").Replace("  figures: false", "  figures: false\n  xlsx: false"));
        var s = CliRunner.Run("run", dir.File("short.yaml"));
        Assert.True(s.ExitCode == 0, s.Out + s.Error);
        Assert.Contains("not available: forecasts", s.Out);
        Assert.Contains("forecasts not computed", s.Error);
    }

    [Fact]
    public void Run_should_reject_a_bad_project_file_with_its_line()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.yaml", ProjectFile.ExampleYaml.Replace("  aggregate: topsis", "  agregate: topsis"));
        var r = CliRunner.Run("run", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("line", r.Error);
        Assert.Contains("agregate", r.Error);

        var missing = CliRunner.Run("run", dir.File("nope.yaml"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("xinzhi init", missing.Error);

        var wrongOption = dir.Write("w.yaml", ProjectFile.ExampleYaml.Replace("  aggregate: topsis", "  aggregate: median"));
        var w = CliRunner.Run("run", wrongOption, "--out", dir.File("o"));
        Assert.Equal(1, w.ExitCode);
        Assert.Contains("index.aggregate", w.Error);
    }

    [Fact]
    public void Example_project_should_parse_to_the_documented_defaults()
    {
        var p = ProjectFile.Parse(ProjectFile.ExampleYaml);
        Assert.Equal("builtin:china-provinces", p.Data.File);
        Assert.Equal("topsis", p.Index.Aggregate);
        Assert.Equal("entropy", p.Index.Weights);
        Assert.Equal(["capital_stock", "employment"], p.Tfp.Inputs);
        Assert.Equal(["co2"], p.Tfp.Bad);
        Assert.Null(p.YearRange());
        Assert.Equal((2012, 2019), ProjectFile.Parse(ProjectFile.ExampleYaml.Replace("years:\n\nindex:", "years: 2012-2019\n\nindex:")).YearRange());
    }
}
