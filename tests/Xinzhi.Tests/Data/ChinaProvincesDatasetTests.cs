using Xinzhi.Data;
using Xinzhi.Data.Datasets;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Data;

public sealed class ChinaProvincesDatasetTests
{
    private static readonly string Committed = Path.Combine(SharedPaths.RepoRoot, "data", "china-provinces");

    [Fact]
    public void Should_regenerate_the_shipped_dataset_byte_for_byte_from_the_sources()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("dataset", "build-china-provinces", "--from", SharedPaths.Data("nqpf"), "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var generated = Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)).Where(f => f != "run.json").Order(StringComparer.Ordinal).ToArray();
        Assert.True(File.Exists(Path.Combine(dir.Path, "run.json")));
        Assert.Equal(["panel.csv", "repairs.csv", "w_contiguity.csv", "w_economic_distance.csv"], generated);
        foreach (var name in generated)
            Assert.True(File.ReadAllBytes(Path.Combine(dir.Path, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Committed, name))),
                $"{name} differs from the committed data/china-provinces/{name}; rerun the build and commit");
    }

    [Fact]
    public void Should_ship_a_complete_panel_for_the_framework_indicators_and_honest_gaps_elsewhere()
    {
        var table = TableReader.Read(Path.Combine(Committed, "panel.csv"));
        var spec = new PanelSpec("code", "year", ChinaProvincesDataset.IndicatorColumns, ["province_zh", "province_en", "region"]);
        var panel = PanelBuilder.Build(table, spec).Panel; // throws on any missing indicator cell
        Assert.Equal(31, panel.Entities.Length);
        Assert.Equal(Enumerable.Range(2010, 14), panel.Periods);
        PanelValidation.RequireBalanced(panel);
        PanelValidation.RequireNonConstant(panel, ChinaProvincesDataset.IndicatorColumns, withinPeriod: true);
        PanelValidation.RequireNonNegative(panel, ChinaProvincesDataset.IndicatorColumns, "indicators are counts, amounts or shares");

        // The resolved ids agree with the province table, and regions follow the NBS division.
        var load = PanelBuilder.Build(table, spec with { IdColumn = "province_en", Attributes = [], ResolveProvinces = true });
        Assert.Equal(panel.Ids, load.Panel.Ids);
        Assert.Equal(panel.Attribute("region"), load.Panel.Attribute("region"));

        // TFP inputs: complete over 2010-2019 (CO2 for the 30 provinces CEADs covers: not Tibet), empty after their
        // coverage (capital stock reaches 2022), never filled in silently.
        var code = table.Column("code");
        var year = table.Column("year").Select(y => int.Parse(y!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var c in new[] { "capital_stock", "employment", "real_gdp", "co2", "labor_productivity", "capital_per_worker", "carbon_intensity" })
        {
            var v = table.Column(c);
            var last = c == "capital_stock" ? 2022 : 2019;
            var needsCo2 = c is "co2" or "carbon_intensity";
            for (var i = 0; i < table.RowCount; i++)
            {
                var expectValue = year[i] <= last && !(needsCo2 && code[i] == "540000");
                Assert.True(expectValue == !RawTable.IsMissing(v[i]), $"{c}, {code[i]} {year[i]}: '{v[i]}'");
            }
        }
    }

    [Fact]
    public void Should_ship_weight_matrices_keyed_by_the_panel_codes()
    {
        foreach (var file in new[] { "w_contiguity.csv", "w_economic_distance.csv" })
        {
            var w = TableReader.Read(Path.Combine(Committed, file));
            var codes = ChinaProvinces31();
            Assert.Equal(["id", .. codes], w.ColumnNames);
            Assert.Equal<string?>(codes, w.Column("id").AsEnumerable());
            for (var i = 0; i < 31; i++)
            {
                var sum = codes.Sum(c => double.Parse(w.Column(c)[i]!, System.Globalization.CultureInfo.InvariantCulture));
                var island = file == "w_contiguity.csv" && codes[i] == "460000";
                Assert.True(island ? sum == 0 : Math.Abs(sum - 1) < 1e-9, $"{file}: row {codes[i]} sums to {sum}");
            }
        }
    }

    [Fact]
    public void Should_map_every_framework_indicator_to_a_panel_column_with_both_names_and_a_direction()
    {
        var yaml = File.ReadAllText(Path.Combine(SharedPaths.RepoRoot, "frameworks", "china-provinces.yaml"));
        var root = (Dictionary<object, object>)new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(yaml)!;
        Assert.Equal("china-provinces", root["id"]);
        Assert.Equal("verified", root["status"]);
        var columns = new List<string>();
        void Walk(Dictionary<object, object> node)
        {
            Assert.False(string.IsNullOrWhiteSpace(node["name_zh"] as string));
            Assert.False(string.IsNullOrWhiteSpace(node["name_en"] as string));
            if (node.TryGetValue("children", out var ch)) foreach (var c in (List<object>)ch) Walk((Dictionary<object, object>)c);
            if (node.TryGetValue("indicators", out var ind))
                foreach (Dictionary<object, object> i in (List<object>)ind)
                {
                    Assert.Contains((string)i["direction"], new[] { "+", "-" });
                    Assert.False(string.IsNullOrWhiteSpace(i["name_zh"] as string));
                    Assert.False(string.IsNullOrWhiteSpace(i["unit"] as string));
                    columns.Add((string)i["column"]);
                }
        }
        var top = ((List<object>)root["nodes"]).Cast<Dictionary<object, object>>().ToArray();
        Assert.Equal(["laborers", "means-of-labor", "objects-of-labor"], top.Select(n => (string)n["id"]));
        foreach (var n in top) Walk(n);
        Assert.Equal(ChinaProvincesDataset.IndicatorColumns.Order(), columns.Order());
    }

    /// <summary>
    /// Recomputes columns from the raw source files with a separate, naive parser (split on commas; the sources have
    /// no quoted fields except the capital file's quoted names) and compares with the shipped panel.
    /// </summary>
    [Fact]
    public void Should_agree_with_an_independent_recomputation_from_the_raw_sources()
    {
        static string[][] Rows(string file) => File.ReadAllLines(SharedPaths.Data(Path.Combine("nqpf", file)))
            .Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"', '\uFEFF')).ToArray()).ToArray();
        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var zh = new Dictionary<string, string>
        {
            ["北京"] = "110000", ["广东"] = "440000", ["西藏"] = "540000", ["陕西"] = "610000", ["山西"] = "140000", ["宁夏"] = "640000",
        };
        var en = new Dictionary<string, string>
        {
            ["Beijing"] = "110000", ["Guangdong"] = "440000", ["Shaanxi"] = "610000", ["Shanxi"] = "140000", ["Ningxia"] = "640000",
        };

        var panel = TableReader.Read(Path.Combine(Committed, "panel.csv"));
        var index = new Dictionary<(string, int), int>();
        for (var i = 0; i < panel.RowCount; i++)
            index[(panel.Column("code")[i]!, int.Parse(panel.Column("year")[i]!, System.Globalization.CultureInfo.InvariantCulture))] = i;
        double Cell(string column, string code, int year) => D(panel.Column(column)[index[(code, year)]]!);

        var techme = Rows("techme_province_sci_tech_long_2000_2023.csv");
        var checkedCells = 0;
        foreach (var r in techme)
        {
            if (!zh.TryGetValue(r[2], out var code) || !int.TryParse(r[3], out var year) || year < 2010 || r[6].Length == 0) continue;
            var v = D(r[6]);
            switch (r[0], r[5])
            {
                case ("RDLaborHour", "v4_zh_qsdl_hj"): Assert.Equal(Math.Round(v), Cell("rd_personnel_fte", code, year)); checkedCells++; break;
                case ("RDPatentAuthority", "v4_cg_zlsq2_fm"): Assert.Equal(v, Cell("invention_patents_granted", code, year)); checkedCells++; break;
                case ("MarketPush", "v4_cg_jssc_je"): Assert.Equal(v / 1e4, Cell("tech_market_turnover", code, year), 1e-4); checkedCells++; break;
                case ("IndustryOperation", "v4_cy_scjy_zyyw"): Assert.Equal(v, Cell("hitech_revenue", code, year), 1e-4); checkedCells++; break;
            }
        }
        Assert.True(checkedCells > 200, $"only {checkedCells} cells compared");

        foreach (var r in Rows("ceads_province_co2_by_fuel_1997_2019.csv"))
            if (en.TryGetValue(r[0], out var code) && int.Parse(r[1]) is >= 2010 and <= 2019 and var year)
                Assert.Equal(D(r[^1]), Cell("co2", code, year), 1e-6);

        foreach (var r in Rows("chn_province_capital_stock_zhangjun_1952_2022.csv"))
            if (r[0] is "shaanxi" or "shanxi" && int.Parse(r[1]) is >= 2010 and <= 2022 and var year)
                Assert.Equal(D(r[4]), Cell("capital_stock", r[0] == "shaanxi" ? "610000" : "140000", year), 1e-4);

        // Real GDP of Guangdong (no repaired index): 2010 current-price GDP chained with the previous-year index.
        var nbs = Rows("renjiyi_nbs_province_annual_integrated_2005_2024.csv").Where(r => r[0] == "广东").ToDictionary(r => int.Parse(r[1]));
        var real = D(nbs[2010][3]);
        for (var y = 2011; y <= 2019; y++)
        {
            real *= D(nbs[y][4]) / 100;
            Assert.Equal(real, Cell("real_gdp", "440000", y), 0.005 + 1e-9);
            Assert.Equal(D(panel.Column("co2")[index[("440000", y)]]!) / Cell("real_gdp", "440000", y) * 100, Cell("carbon_intensity", "440000", y), 1e-3);
        }
    }

    private static string[] ChinaProvinces31() => Xinzhi.Data.Regions.ChinaProvinces.Mainland.Select(p => p.Code).ToArray();
}
