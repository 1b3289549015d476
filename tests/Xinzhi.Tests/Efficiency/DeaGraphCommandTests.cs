using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency;

/// <summary><c>xinzhi dea --orientation graph</c>: the hyperbolic measure G against Benchmarking's graph rows.</summary>
public sealed class DeaGraphCommandTests
{
    /// <summary>oracles.md §2.2: graph efficiency is reproduced to 1e-5 (Benchmarking bisects to about 1e-6).</summary>
    [Theory]
    [InlineData("charnes1981")]
    [InlineData("Electric_plants")]
    [InlineData("Golany_Roll_1989")]
    [InlineData("Fortune500")]
    [InlineData("Coelli_1998")]
    public void Graph_orientation_reproduces_Benchmarking_graph_rows(string dataset)
    {
        using var tmp = new TempDir();
        var (id, inputs, outputs) = DeaTestData.Columns(dataset);
        var reference = DeaTestData.Reference("dea_radial_benchmarking.csv").Where(r => r["dataset"] == dataset && r["orientation"] == "graph").ToList();
        foreach (var rts in new[] { "crs", "vrs", "drs", "irs" })
        {
            var outFile = tmp.File($"g_{rts}.csv");
            var res = CliRunner.Run("dea", DeaTestData.DataFile(dataset), "--id", id, "--inputs", inputs, "--outputs", outputs,
                "--rts", rts, "--orientation", "graph", "--out", outFile);
            Assert.True(res.ExitCode == 0, res.Error);
            var table = CsvTableReader.Read(outFile);
            Assert.Equal(["id", "efficiency", "status", "peers", "lambda_sum"], table.ColumnNames);
            var expected = reference.Where(r => r["rts"] == rts).ToList();
            Assert.Equal(expected.Count, table.RowCount);
            var eff = table.Column("efficiency");
            var lambdaSum = table.Column("lambda_sum");
            var worst = 0.0;
            for (var j = 0; j < expected.Count; j++)
            {
                var g = DeaTestData.Num(eff[j]!);
                worst = Math.Max(worst, Math.Abs(g - DeaTestData.Num(expected[j]["eff"])));
                Assert.InRange(g, 0, 1 + 1e-9);
                Assert.Equal("optimal", table.Column("status")[j]);
                Assert.False(string.IsNullOrEmpty(table.Column("peers")[j]), $"{dataset} {rts} unit {j + 1}: no peers");
                var sum = DeaTestData.Num(lambdaSum[j]!);
                // λ comes from a phase-one feasibility program: its rows hold to the LP feasibility tolerance only.
                if (rts == "vrs") Assert.True(Math.Abs(sum - 1) <= 1e-7, $"{dataset} {rts} unit {j + 1}: Σλ {sum}");
                if (rts == "drs") Assert.True(sum <= 1 + 1e-7, $"{dataset} {rts} unit {j + 1}: Σλ {sum}");
                if (rts == "irs") Assert.True(sum >= 1 - 1e-7, $"{dataset} {rts} unit {j + 1}: Σλ {sum}");
            }
            Assert.True(worst <= 1e-5, $"{dataset} {rts}: worst |ΔG| = {worst:E2}");
            var run = File.ReadAllText(outFile + ".run.json");
            Assert.Contains("hyperbolic graph efficiency", run);
            Assert.Contains("\"orientation\": \"graph\"", run);
        }
    }

    /// <summary>Under CRS, G of a unit excluded from its reference set is √θ of Andersen-Petersen super-efficiency.</summary>
    [Fact]
    public void Graph_super_efficiency_under_crs_is_the_square_root_of_radial_super_efficiency()
    {
        using var tmp = new TempDir();
        var outFile = tmp.File("g.csv");
        var res = CliRunner.Run("dea", DeaTestData.DataFile("charnes1981"), "--id", "firm", "--inputs", "x1,x2,x3,x4,x5", "--outputs", "y1,y2,y3",
            "--orientation", "graph", "--super", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var eff = CsvTableReader.Read(outFile).Column("efficiency");
        var reference = DeaTestData.Reference("dea_superefficiency.csv").Where(r => r["dataset"] == "charnes1981" && r["rts"] == "crs" && r["orientation"] == "in").ToList();
        Assert.Equal(reference.Count, eff.Length);
        for (var j = 0; j < reference.Count; j++)
            Assert.Equal(Math.Sqrt(DeaTestData.Num(reference[j]["supereff_benchmarking"])), DeaTestData.Num(eff[j]!), 9);
        Assert.Contains(eff, v => DeaTestData.Num(v!) > 1);
    }

    [Theory]
    [InlineData("--model", "sbm")]
    [InlineData("--model", "fdh")]
    [InlineData("--model", "ddf")]
    [InlineData("--slacks", null)]
    [InlineData("--bootstrap", "50")]
    public void Graph_with_unsupported_options_is_a_usage_error(string option, string? value)
    {
        using var tmp = new TempDir();
        var args = new List<string> { "dea", DeaTestData.DataFile("Coelli_1998"), "--id", "dmus", "--inputs", "input1,input2", "--outputs", "output",
            "--orientation", "graph", "--seed", "1", "--out", tmp.File("o.csv"), option };
        if (value is not null) args.Add(value);
        var res = CliRunner.Run([.. args]);
        Assert.Equal(1, res.ExitCode);
        Assert.Contains("graph", res.Error);
    }
}
