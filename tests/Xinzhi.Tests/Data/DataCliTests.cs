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
