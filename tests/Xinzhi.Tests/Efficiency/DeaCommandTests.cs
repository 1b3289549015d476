using System.Text.Json;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency;

/// <summary>The <c>xinzhi dea</c> verb: output contract, provenance and bad input.</summary>
public sealed class DeaCommandTests
{
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var table = Xinzhi.Data.CsvTableReader.Read(path);
        var rows = new List<Dictionary<string, string>>();
        for (var j = 0; j < table.RowCount; j++)
            rows.Add(table.ColumnNames.Select((c, i) => (c, v: table.Column(i)[j] ?? "")).ToDictionary(p => p.c, p => p.v));
        return rows;
    }

    [Fact]
    public void Radial_vrs_output_with_slacks_writes_contract_columns_matching_Benchmarking()
    {
        using var tmp = new TempDir();
        var outFile = tmp.File("eff.csv");
        var res = CliRunner.Run("dea", DeaTestData.DataFile("charnes1981"), "--id", "firm", "--inputs", "x1,x2,x3,x4,x5",
            "--outputs", "y1,y2,y3", "--rts", "vrs", "--orientation", "output", "--slacks", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        Assert.Equal(["id", "efficiency", "status", "phi", "slack_x1", "slack_x2", "slack_x3", "slack_x4", "slack_x5", "slack_y1", "slack_y2", "slack_y3", "sum_slack", "peers", "lambda_sum"], rows[0].Keys);
        var reference = DeaTestData.Reference("dea_radial_benchmarking.csv").Where(r => r["dataset"] == "charnes1981" && r["rts"] == "vrs" && r["orientation"] == "out").ToList();
        for (var j = 0; j < rows.Count; j++)
        {
            var phi = DeaTestData.Num(rows[j]["phi"]);
            Assert.Equal(DeaTestData.Num(reference[j]["eff"]), phi, 9);
            Assert.Equal(1 / phi, DeaTestData.Num(rows[j]["efficiency"]), 12);
            Assert.Equal("optimal", rows[j]["status"]);
            Assert.InRange(DeaTestData.Num(rows[j]["efficiency"]), 0, 1 + 1e-12);
            Assert.Equal(1.0, DeaTestData.Num(rows[j]["lambda_sum"]), 9);
            Assert.NotEmpty(rows[j]["peers"]);
        }
        var run = JsonDocument.Parse(File.ReadAllText(outFile + ".run.json")).RootElement;
        Assert.Equal("dea", run.GetProperty("command").GetString());
        Assert.Equal(64, run.GetProperty("inputs")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal("vrs", run.GetProperty("specification").GetProperty("rts").GetString());
    }

    [Fact]
    public void Super_efficiency_vrs_reports_infeasible_as_empty_with_status()
    {
        using var tmp = new TempDir();
        var outFile = tmp.File("super.csv");
        var res = CliRunner.Run("dea", DeaTestData.DataFile("charnes1981"), "--id", "firm", "--inputs", "x1,x2,x3,x4,x5",
            "--outputs", "y1,y2,y3", "--rts", "vrs", "--orientation", "output", "--super", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        var reference = DeaTestData.Reference("dea_superefficiency.csv").Where(r => r["dataset"] == "charnes1981" && r["rts"] == "vrs" && r["orientation"] == "out").ToList();
        var infeasible = 0;
        for (var j = 0; j < rows.Count; j++)
        {
            var expected = DeaTestData.Num(reference[j]["supereff_benchmarking"]);
            if (double.IsInfinity(expected))
            {
                Assert.Equal("", rows[j]["efficiency"]);
                Assert.Equal("infeasible", rows[j]["status"]);
                infeasible++;
            }
            else Assert.Equal(1 / expected, DeaTestData.Num(rows[j]["efficiency"]), 9);
        }
        Assert.True(infeasible > 0);
        Assert.Contains("InfeasiblePrograms", res.Error);
    }

    [Fact]
    public void Sbm_with_bad_output_and_time_uses_one_frontier_per_period_unless_pooled()
    {
        using var tmp = new TempDir();
        // Two copies of Tone (2003) as periods 1 and 2; period 2 scaled, so per-period scores equal the reference.
        var lines = new List<string> { "dmu,year,x,yg,yb" };
        var data = DeaTestData.Load("Tone2003");
        for (var t = 1; t <= 2; t++)
            for (var j = 0; j < data.N; j++)
                lines.Add($"{data.Ids[j]},{t},{data.X[j, 0] * t},{data.Y[j, 0]},{data.B![j, 0]}");
        var input = tmp.Write("panel.csv", string.Join('\n', lines) + "\n");
        var outFile = tmp.File("sbm.csv");
        var res = CliRunner.Run("dea", input, "--id", "dmu", "--time", "year", "--inputs", "x", "--outputs", "yg", "--bad", "yb", "--model", "sbm", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        Assert.Equal(["id", "time", "efficiency", "status", "peers", "lambda_sum"], rows[0].Keys);
        var reference = DeaTestData.Reference("dea_undesirable_deaR.csv").Where(r => r["dataset"] == "Tone2003" && r["rts"] == "crs").ToList();
        for (var j = 0; j < rows.Count; j++)
            Assert.Equal(DeaTestData.Num(reference[j % data.N]["eff"]), DeaTestData.Num(rows[j]["efficiency"]), 8);

        var pooledFile = tmp.File("pooled.csv");
        res = CliRunner.Run("dea", input, "--id", "dmu", "--time", "year", "--inputs", "x", "--outputs", "yg", "--bad", "yb", "--model", "sbm", "--frontier", "pooled", "--out", pooledFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var pooled = ReadCsv(pooledFile);
        // Against the pooled frontier period 2 (double input) is dominated by period 1.
        Assert.True(DeaTestData.Num(pooled[data.N + 2]["efficiency"]) < 1 - 1e-6);
        Assert.Contains("@1", pooled[data.N + 2]["peers"]);
    }

    [Fact]
    public void Ddf_beta_and_bootstrap_columns()
    {
        using var tmp = new TempDir();
        var outFile = tmp.File("ddf.csv");
        var res = CliRunner.Run("dea", DeaTestData.DataFile("Golany_Roll_1989"), "--id", "DMU", "--inputs", "X1,X2,X3", "--outputs", "Y1,Y2", "--model", "ddf", "--rts", "vrs", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        var reference = DeaTestData.Reference("dea_directional.csv").Where(r => r["dataset"] == "Golany_Roll_1989" && r["rts"] == "vrs").ToList();
        for (var j = 0; j < rows.Count; j++)
        {
            Assert.Equal(DeaTestData.Num(reference[j]["beta_benchmarking"]), DeaTestData.Num(rows[j]["beta"]), 9);
            Assert.Equal(DeaTestData.Num(reference[j]["rho_deaR"]), DeaTestData.Num(rows[j]["efficiency"]), 9);
        }
        var bootFile = tmp.File("boot.csv");
        res = CliRunner.Run("dea", DeaTestData.DataFile("Coelli_1998"), "--id", "dmus", "--inputs", "input1,input2", "--outputs", "output", "--rts", "vrs", "--bootstrap", "50", "--seed", "7", "--out", bootFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var boot = ReadCsv(bootFile);
        Assert.Contains("efficiency_bc", boot[0].Keys);
        Assert.Contains("ci_high", boot[0].Keys);
        var again = tmp.File("boot2.csv");
        CliRunner.Run("dea", DeaTestData.DataFile("Coelli_1998"), "--id", "dmus", "--inputs", "input1,input2", "--outputs", "output", "--rts", "vrs", "--bootstrap", "50", "--seed", "7", "--out", again);
        Assert.Equal(File.ReadAllText(bootFile), File.ReadAllText(again));
    }

    [Fact]
    public void Window_analysis_writes_one_row_per_observation_and_window()
    {
        using var tmp = new TempDir();
        var lines = new List<string> { "id,t,x,y" };
        var rng = new Random(5);
        for (var t = 1; t <= 4; t++)
            for (var j = 0; j < 6; j++) lines.Add($"u{j},{t},{10 + rng.Next(90)},{10 + rng.Next(90)}");
        var input = tmp.Write("w.csv", string.Join('\n', lines) + "\n");
        var outFile = tmp.File("win.csv");
        var res = CliRunner.Run("dea", input, "--id", "id", "--time", "t", "--inputs", "x", "--outputs", "y", "--window", "3", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        Assert.Equal(2 * 3 * 6, rows.Count);
        Assert.Equal(["1-3", "2-4"], rows.Select(r => r["window"]).Distinct());
        Assert.All(rows, r => Assert.InRange(DeaTestData.Num(r["efficiency"]), 0, 1 + 1e-12));
    }

    [Theory]
    [InlineData("id,x,y\na,1,2\nb,-1,3\nc,2,2\n", "negative value", "row 3")]
    [InlineData("id,x,y\na,1,2\nb,,3\nc,2,2\n", "missing", "row 3")]
    [InlineData("id,x,y\na,1,2\na,2,3\nc,2,2\n", "duplicate", "row 3")]
    [InlineData("id,x,y\na,1,2\nb,1,2\nc,1,2\n", "identical data", "bad.csv")]
    [InlineData("id,x,y\na,0,2\nb,1,3\nc,2,2\n", "all inputs are zero", "row 2")]
    public void Bad_input_is_a_typed_data_error_naming_the_row(string csv, string message, string where)
    {
        using var tmp = new TempDir();
        var input = tmp.Write("bad.csv", csv);
        var res = CliRunner.Run("dea", input, "--id", "id", "--inputs", "x", "--outputs", "y", "--out", tmp.File("o.csv"));
        Assert.Equal(2, res.ExitCode);
        Assert.Contains(message, res.Error);
        Assert.Contains(where, res.Error);
        Assert.False(File.Exists(tmp.File("o.csv")));
    }

    [Fact]
    public void Zero_output_with_sbm_warns_and_fewer_units_than_variables_warns()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("z.csv", "id,x1,x2,y1,y2\na,1,2,0,3\nb,2,1,1,1\nc,3,3,2,2\n");
        var res = CliRunner.Run("dea", input, "--id", "id", "--inputs", "x1,x2", "--outputs", "y1,y2", "--model", "sbm", "--out", tmp.File("o.csv"));
        Assert.True(res.ExitCode == 0, res.Error);
        Assert.Contains("ZeroDataInSbm", res.Error);
        Assert.Contains("FewUnits", res.Error);
        var run = File.ReadAllText(tmp.File("o.csv") + ".run.json");
        Assert.Contains("FewUnits", run);
    }

    [Theory]
    [InlineData("--model", "radial", "--orientation", "none")]
    [InlineData("--model", "radial", "--bad", "y")]
    [InlineData("--model", "nonsense", "--rts", "crs")]
    [InlineData("--rts", "grs", "--model", "radial")]
    [InlineData("--bootstrap", "100", "--model", "radial")]
    public void Inconsistent_options_are_usage_errors(params string[] extra)
    {
        using var tmp = new TempDir();
        var input = tmp.Write("d.csv", "id,x,y,z\na,1,2,1\nb,2,3,1\nc,2,2,2\n");
        var res = CliRunner.Run(["dea", input, "--id", "id", "--inputs", "x", "--outputs", "z", .. extra, "--out", tmp.File("o.csv")]);
        Assert.True(res.ExitCode == 1, $"exit {res.ExitCode}: {res.Error}");
    }

    [Fact]
    public void Input_prices_add_cost_efficiency_matching_Coelli_1998()
    {
        using var tmp = new TempDir();
        var outFile = tmp.File("cost.csv");
        var res = CliRunner.Run("dea", DeaTestData.DataFile("Coelli_1998"), "--id", "dmus", "--inputs", "input1,input2", "--outputs", "output",
            "--input-prices", "price_input1,price_input2", "--output-prices", "price_output", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var rows = ReadCsv(outFile);
        var reference = DeaTestData.Reference("dea_cost_efficiency_coelli1998.csv").Where(r => r["rts"] == "crs").ToList();
        for (var j = 0; j < rows.Count; j++)
        {
            Assert.Equal(DeaTestData.Num(reference[j]["cost_eff"]), DeaTestData.Num(rows[j]["cost_efficiency"]), 9);
            Assert.Equal(DeaTestData.Num(reference[j]["alloc_eff"]), DeaTestData.Num(rows[j]["allocative_efficiency"]), 9);
            Assert.Equal(DeaTestData.Num(reference[j]["min_cost"]), DeaTestData.Num(rows[j]["min_cost"]), 9);
            // Under CRS with one output, revenue efficiency equals the output-oriented technical efficiency (1/φ = θ).
            Assert.Equal(DeaTestData.Num(reference[j]["te_in"]), DeaTestData.Num(rows[j]["revenue_efficiency"]), 9);
        }
    }
}
