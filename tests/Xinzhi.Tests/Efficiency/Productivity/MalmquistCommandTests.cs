using System.Text.Json;
using Xinzhi.Tests.Support;
using static Xinzhi.Tests.Efficiency.Productivity.ProductivityTestData;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>The <c>xinzhi malmquist</c> verb: contract columns, provenance, exit codes for bad input.</summary>
public sealed class MalmquistCommandTests
{
    [Fact]
    public void Writes_the_contract_columns_and_run_json_and_matches_deaR()
    {
        using var dir = new TempDir();
        var outPath = dir.File("mi.csv");
        var r = CliRunner.Run("malmquist", SharedPaths.Data("deaR_EconomyLong.csv"), "--id", "DMUs", "--time", "Period",
            "--inputs", "Capital,Labor", "--outputs", "GIOV", "--rts", "vrs", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var lines = File.ReadAllLines(outPath);
        Assert.StartsWith("id,from,to,tfpch,effch,techch,pech,sech,status,cum_tfpch", lines[0]);
        Assert.Equal(1 + 31 * 4, lines.Length);
        var rows = ReadCsv(outPath).ToDictionary(x => (x["id"], x["to"]));
        foreach (var reference in ReadCsv(SharedPaths.Reference("malmquist_three_peers.csv"))
                     .Where(x => x["panel"] == "EconomyLong" && x["rts"] == "vrs" && x["orientation"] == "in"))
        {
            var row = rows[(reference["id"], reference["period1"])];
            Assert.Equal("ok", row["status"]);
            Assert.Equal(reference["period1"], row["to"]);
            Close(Number(reference["deaR_mi"]), Number(row["tfpch"]), 1e-9, "tfpch " + reference["id"]);
            Close(Number(reference["deaR_pech"]), Number(row["pech"]), 1e-9, "pech " + reference["id"]);
            Close(Number(reference["deaR_sech"]), Number(row["sech"]), 1e-9, "sech " + reference["id"]);
        }
        using var run = JsonDocument.Parse(File.ReadAllText(outPath + ".run.json"));
        var spec = run.RootElement.GetProperty("specification");
        Assert.Equal("malmquist", run.RootElement.GetProperty("command").GetString());
        Assert.Equal("vrs", spec.GetProperty("rts").GetString());
        Assert.Equal("fgnz", spec.GetProperty("vrs_definition").GetString());
        Assert.Equal("contemporaneous", spec.GetProperty("technology").GetString());
        Assert.Equal(64, run.RootElement.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void Global_Malmquist_Luenberger_with_a_bad_output_writes_cumulative_chains()
    {
        using var dir = new TempDir();
        var outPath = dir.File("gml.csv");
        var r = CliRunner.Run("malmquist", SharedPaths.Data("synthetic_ml_panel.csv"), "--id", "id", "--time", "period",
            "--inputs", "K,L", "--outputs", "Y", "--bad", "CO2", "--model", "ddf", "--technology", "global", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error + r.Out);
        var rows = ReadCsv(outPath);
        Assert.Equal(30 * 3, rows.Count);
        Assert.All(rows, x => Assert.Equal("ok", x["status"]));
        foreach (var unit in rows.GroupBy(x => x["id"]))
        {
            var acc = 1.0;
            foreach (var x in unit.OrderBy(x => int.Parse(x["from"])))
            {
                acc *= Number(x["tfpch"]);
                Close(acc, Number(x["cum_tfpch"]), 1e-12, "cumulative " + unit.Key);
                // GML is circular: the chain equals the global distance ratio to the first period.
            }
            var first = unit.OrderBy(x => int.Parse(x["from"])).First();
            var last = unit.OrderBy(x => int.Parse(x["from"])).Last();
            Close(Number(last["dist_global_t1"]) / Number(first["dist_global_t"]), acc, 1e-12, "circularity " + unit.Key);
        }
        Assert.Contains("Global Malmquist-Luenberger", File.ReadAllText(outPath + ".run.json"));
    }

    [Fact]
    public void Contemporaneous_ML_reports_infeasible_rows_as_empty_with_a_warning()
    {
        using var dir = new TempDir();
        var outPath = dir.File("ml.csv");
        var r = CliRunner.Run("malmquist", SharedPaths.Data("synthetic_ml_panel.csv"), "--id", "id", "--time", "period",
            "--inputs", "K,L", "--outputs", "Y", "--bad", "CO2", "--model", "ddf", "--out", outPath);
        Assert.Equal(0, r.ExitCode);
        var bad = ReadCsv(outPath).Where(x => x["status"] == "infeasible").ToList();
        Assert.NotEmpty(bad);
        Assert.All(bad, x => Assert.Equal("", x["tfpch"]));
        Assert.Contains("InfeasibleDistances", r.Error);
        Assert.Contains("InfeasibleDistances", File.ReadAllText(outPath + ".run.json"));
    }

    [Fact]
    public void Non_positive_data_is_a_data_error_with_row_and_column()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", "id,year,x,y\na,2001,1,1\nb,2001,2,3\na,2002,0,1\nb,2002,2,4\n");
        var r = CliRunner.Run("malmquist", data, "--id", "id", "--time", "year", "--inputs", "x", "--outputs", "y", "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 4", r.Error);
        Assert.Contains("'x'", r.Error);
        Assert.False(File.Exists(dir.File("o.csv")));
    }

    [Fact]
    public void Missing_values_are_a_data_error_unless_filled()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", "id,year,x,y\na,2001,1,1\nb,2001,2,3\na,2002,,1\nb,2002,2,4\na,2003,1.5,2\nb,2003,2,4\n");
        var r = CliRunner.Run("malmquist", data, "--id", "id", "--time", "year", "--inputs", "x", "--outputs", "y", "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 4", r.Error);
        var filled = CliRunner.Run("malmquist", data, "--id", "id", "--time", "year", "--inputs", "x", "--outputs", "y",
            "--fill", "interpolate", "--out", dir.File("o.csv"));
        Assert.True(filled.ExitCode == 0, filled.Error);
        Assert.Contains("\"filled_cells\": 1", File.ReadAllText(dir.File("o.csv") + ".run.json"));
    }

    [Fact]
    public void Unbalanced_panel_rows_are_marked_not_observed_or_refused_on_request()
    {
        using var dir = new TempDir();
        var data = dir.Write("p.csv", "id,year,x,y\na,2001,1,1\nb,2001,2,3\nc,2001,2,2\na,2002,1,1.2\nb,2002,2,3.3\na,2003,1,1.4\nb,2003,2,3.1\nc,2003,2,2.5\n");
        var outPath = dir.File("o.csv");
        var r = CliRunner.Run("malmquist", data, "--id", "id", "--time", "year", "--inputs", "x", "--outputs", "y", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("UnbalancedPanel", r.Error);
        var c = ReadCsv(outPath).Where(x => x["id"] == "c").ToList();
        Assert.Equal(2, c.Count);
        Assert.All(c, x => Assert.Equal("not-observed", x["status"]));
        var refused = CliRunner.Run("malmquist", data, "--id", "id", "--time", "year", "--inputs", "x", "--outputs", "y",
            "--unbalanced", "error", "--out", outPath);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("'c'", refused.Error);
    }

    [Theory]
    [InlineData("--rts", "drs")]
    [InlineData("--technology", "window")]
    [InlineData("--index", "hicks-moorsteen")]
    [InlineData("--model", "fdh")]
    public void Unknown_option_values_are_usage_errors(string option, string value)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("malmquist", SharedPaths.Data("deaR_Grifell_Lovell_1999.csv"), "--id", "DMU", "--time", "Year",
            "--inputs", "X", "--outputs", "Y", option, value, "--out", dir.File("o.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(option, r.Error);
    }

    [Fact]
    public void Bad_outputs_with_the_radial_model_are_a_usage_error()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("malmquist", SharedPaths.Data("synthetic_ml_panel.csv"), "--id", "id", "--time", "period",
            "--inputs", "K,L", "--outputs", "Y", "--bad", "CO2", "--out", dir.File("o.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--model ddf", r.Error);
    }
}
