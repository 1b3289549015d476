using System.Text.Json;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Data;

public sealed class DataCliTests
{
    [Fact]
    public void Should_print_a_summary_and_exit_0_for_a_clean_panel()
    {
        using var dir = new TempDir();
        var path = dir.Write("ok.csv", "province,year,k,y\n北京,2010,1,2\n北京,2011,2,3\nShaanxi,2010,3,5\n陕西省,2011,4,4\n");
        var r = CliRunner.Run("data", "check", path, "--id", "province", "--time", "year", "--resolve-provinces", "--positive", "k,y",
            "--out", dir.File("summary.csv"));
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        Assert.Contains("4 rows, 2 entities, 2 periods (2010–2011), balanced", r.Out);
        Assert.Contains("OK", r.Out);
        Assert.StartsWith("column,n,filled,min,mean,max\nk,4,0,1,2.5,4\n", File.ReadAllText(dir.File("summary.csv")));
        using var run = JsonDocument.Parse(File.ReadAllText(dir.File("summary.csv.run.json")));
        Assert.Equal(64, run.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void Should_exit_2_naming_file_row_and_column_for_every_data_problem()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.csv", "province,year,k,c\n北京,2010,1,7\nGotham,2010,2,7\n上海,2010,-1,7\n");
        var r = CliRunner.Run("data", "check", path, "--id", "province", "--time", "year", "--resolve-provinces");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.csv, row 3, column 'province': 'Gotham' is not a recognised province", r.Error);

        var r2 = CliRunner.Run("data", "check", path, "--id", "province", "--time", "year", "--positive", "k");
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("bad.csv, row 4, column 'k': non-positive value -1", r2.Error);
        Assert.Contains("bad.csv, row 2, column 'c': constant indicator", r2.Error);
    }

    [Fact]
    public void Should_list_and_resolve_provinces()
    {
        var all = CliRunner.Run("data", "provinces");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("610000", all.Out);
        Assert.Contains("Inner Mongolia", all.Out);
        var some = CliRunner.Run("data", "provinces", "Shaanxi", "山西省", "Atlantis");
        Assert.Equal(2, some.ExitCode);
        Assert.Contains("610000", some.Out);
        Assert.Contains("140000", some.Out);
        Assert.Contains("'Atlantis' is not a recognised province", some.Error);
    }

    [Fact]
    public void Should_exit_2_on_missing_values_unless_a_fill_is_chosen()
    {
        using var dir = new TempDir();
        var path = dir.Write("gap.csv", "id,t,x\nA,1,1\nA,2,\nA,3,3\nB,1,2\nB,2,5\nB,3,1\n");
        var r = CliRunner.Run("data", "check", path, "--id", "id", "--time", "t");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("gap.csv, row 3, column 'x': missing value", r.Error);
        var r2 = CliRunner.Run("data", "check", path, "--id", "id", "--time", "t", "--fill", "interpolate");
        Assert.True(r2.ExitCode == 0, r2.Error);
        Assert.Contains("fill: interpolate (1 cells filled)", r2.Out);
    }

    [Fact]
    public void Should_reshape_wide_tables_to_a_long_csv_with_provenance()
    {
        using var dir = new TempDir();
        var gdp = dir.Write("gdp.csv", "地区,2020年,2021年\n北京市,36102.6,40269.6\n陕西省,26181.9,29801\n");
        var rd = dir.Write("rd.csv", "region,2020,2021\nBeijing,2326.6,2629.3\nShaanxi,632.3,700.6\n");
        var outPath = dir.File("long.csv");
        var r = CliRunner.Run("reshape", gdp, rd, "--layout", "wide", "--resolve-provinces", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(
            "code,province_zh,province_en,region,year,gdp,rd\n" +
            "110000,北京,Beijing,east,2020,36102.6,2326.6\n110000,北京,Beijing,east,2021,40269.6,2629.3\n" +
            "610000,陕西,Shaanxi,west,2020,26181.9,632.3\n610000,陕西,Shaanxi,west,2021,29801,700.6\n",
            File.ReadAllText(outPath));
        Assert.True(File.Exists(outPath + ".run.json"));

        var renamed = CliRunner.Run("reshape", gdp, rd, "--indicator", "gdp_100m,rd_100m", "--out", dir.File("l2.csv"));
        Assert.True(renamed.ExitCode == 0, renamed.Error);
        Assert.StartsWith("id,year,gdp_100m,rd_100m\n北京市,2020,", File.ReadAllText(dir.File("l2.csv")));
    }

    [Fact]
    public void Should_reshape_a_GBK_export_of_data_stats_gov_cn_with_its_title_and_footnote_lines()
    {
        using var dir = new TempDir();
        const string export =
            "数据库：分省年度数据\r\n指标：地区生产总值(亿元)\r\n时间：最近3年\r\n地区,2023年,2022年,2021年\r\n" +
            "北京市,43760.7,41610.9,40269.6\r\n天津市,16737.3,16311.3,15685.1\r\n河北省,43944.1,,40397.1\r\n" +
            "注：2021年及以前数据为修订数。\r\n数据来源：国家统计局\r\n";
        var path = dir.File("地区生产总值.csv");
        File.WriteAllBytes(path, Xinzhi.Data.CsvTableReader.Gb18030.GetBytes(export));

        var raw = Xinzhi.Data.TableReader.Read(path);
        Assert.Equal([5, 6, 7], raw.SourceRows);
        Assert.Equal([1, 2, 3, 8, 9], raw.Notes.Select(n => n.Row!.Value));

        var outPath = dir.File("gdp.csv");
        var r = CliRunner.Run("reshape", path, "--indicator", "gdp", "--resolve-provinces", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("note: 地区生产总值.csv, row 2: title line set aside: 指标：地区生产总值(亿元)", r.Error);
        Assert.Contains("note: 地区生产总值.csv, row 9: footnote set aside: 数据来源：国家统计局", r.Error);
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("code,province_zh,province_en,region,year,gdp", lines[0]);
        Assert.Equal("130000,河北,Hebei,east,2022,", lines[8]);
        Assert.Equal(10, lines.Length);

        var bad = dir.File("bad.csv");
        File.WriteAllBytes(bad, Xinzhi.Data.CsvTableReader.Gb18030.GetBytes(export.Replace("天津市", "天京市")));
        var r2 = CliRunner.Run("reshape", bad, "--resolve-provinces", "--out", dir.File("x.csv"));
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("bad.csv, row 6, column '地区': '天京市' is not a recognised province", r2.Error);
    }

    [Fact]
    public void Should_reshape_every_sheet_of_a_workbook_as_one_indicator_each()
    {
        using var dir = new TempDir();
        var book = dir.File("yearbook.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(book, new Dictionary<string, object>
        {
            ["gdp"] = new[]
            {
                new Dictionary<string, object?> { ["地区"] = "北京", ["2021年"] = 40269.6, ["2022年"] = 41610.9 },
                new Dictionary<string, object?> { ["地区"] = "内蒙古", ["2021年"] = 20514.2, ["2022年"] = 23158.6 },
            },
            ["patents"] = new[]
            {
                new Dictionary<string, object?> { ["地区"] = "Inner Mongolia", ["2021年"] = 3008, ["2022年"] = null },
                new Dictionary<string, object?> { ["地区"] = "Beijing", ["2021年"] = 79210, ["2022年"] = 88127 },
            },
        });
        var outPath = dir.File("long.csv");
        var r = CliRunner.Run("reshape", book, "--all-sheets", "--resolve-provinces", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(
            "code,province_zh,province_en,region,year,gdp,patents\n" +
            "110000,北京,Beijing,east,2021,40269.6,79210\n110000,北京,Beijing,east,2022,41610.9,88127\n" +
            "150000,内蒙古,Inner Mongolia,west,2021,20514.2,3008\n150000,内蒙古,Inner Mongolia,west,2022,23158.6,\n",
            File.ReadAllText(outPath));

        // The long file then feeds any verb; a gap is an error until a fill is chosen.
        var check = CliRunner.Run("data", "check", outPath, "--id", "code", "--time", "year", "--attributes", "province_zh,province_en,region");
        Assert.Equal(2, check.ExitCode);
        Assert.Contains("long.csv, row 5, column 'patents': missing value", check.Error);
    }

    [Fact]
    public void Should_exit_2_when_a_wide_table_names_an_unknown_province_and_1_on_bad_options()
    {
        using var dir = new TempDir();
        var bad = dir.Write("x.csv", "地区,2020\n北京,1\nGotham,2\n");
        var r = CliRunner.Run("reshape", bad, "--resolve-provinces", "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("x.csv, row 3, column '地区'", r.Error);
        Assert.False(File.Exists(dir.File("o.csv")));

        var r2 = CliRunner.Run("reshape", bad, "--layout", "diagonal", "--out", dir.File("o.csv"));
        Assert.Equal(1, r2.ExitCode);
        var r3 = CliRunner.Run("reshape", bad, "--indicator", "a,b", "--out", dir.File("o.csv"));
        Assert.Equal(1, r3.ExitCode);
    }
}
