using System.Globalization;
using Xinzhi.Analysis.Obstacle;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class ObstacleTests
{
    // A contract-B run directory written by hand: 3 indicators under two top nodes.
    private static string WriteRun(TempDir dir, int seed, out double[] w, out double[,] x, out string[] ids)
    {
        var rng = new Random(seed);
        w = [0.5, 0.3, 0.2];
        ids = ["110000", "120000", "130000", "140000"];
        x = new double[ids.Length, 3];
        var run = Path.Combine(dir.Path, "run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "weights.csv"),
            "indicator,direction,weight,entropy,divergence,node,path,name_zh,name_en\n" +
            "rd,+,0.5,0.9,0.1,laborer-skill,laborers/laborer-skill,研发人员,R&D staff\n" +
            "edu,+,0.3,0.9,0.1,laborer-skill,laborers/laborer-skill,受教育年限,Schooling\n" +
            "co2,-,0.2,0.9,0.1,green,means/green,碳排放,CO2\n");
        var lines = new List<string> { "id,time,rd,edu,co2" };
        var scores = new List<string> { "id,time,score,rank,laborers,laborer-skill,means,green" };
        for (var i = 0; i < ids.Length; i++)
        {
            for (var j = 0; j < 3; j++) x[i, j] = i == 0 ? 1.0 : Math.Round(rng.NextDouble(), 6);
            lines.Add($"{ids[i]},2020,{F(x[i, 0])},{F(x[i, 1])},{F(x[i, 2])}");
            scores.Add($"{ids[i]},2020,0.5,{i + 1},0.1,0.1,0.1,0.1");
        }
        File.WriteAllText(Path.Combine(run, "normalized.csv"), string.Join("\n", lines) + "\n");
        File.WriteAllText(Path.Combine(run, "scores.csv"), string.Join("\n", scores) + "\n");
        return run;
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Should_match_the_obstacle_formula()
    {
        const int seed = 3131;
        using var dir = new TempDir();
        var path = WriteRun(dir, seed, out var w, out var x, out var ids);
        var result = ObstacleDegree.Compute(IndexRun.Read(path));
        for (var i = 1; i < ids.Length; i++)
        {
            var fi = Enumerable.Range(0, 3).Select(j => w[j] * (1 - x[i, j])).ToArray();
            var o = fi.Select(v => v / fi.Sum()).ToArray();
            var row = result.Rows[i];
            for (var j = 0; j < 3; j++) Assert.True(Math.Abs(row.Indicators[j].Obstacle - o[j]) < 1e-12, $"seed {seed}");
            Assert.True(Math.Abs(row.Nodes.Single(n => n.Item == "laborers").Obstacle - (o[0] + o[1])) < 1e-12, $"seed {seed}");
            Assert.True(Math.Abs(row.Nodes.Single(n => n.Item == "green").Obstacle - o[2]) < 1e-12, $"seed {seed}");
            Assert.Equal(1, row.Indicators.Single(v => v.Obstacle == o.Max()).Rank);
        }
        // The first unit is at the best value everywhere: a typed warning, obstacles 0.
        Assert.Contains(result.Warnings, v => v.Code == "no-deviation");
    }

    [Fact]
    public void Cli_should_write_obstacles_and_top_list()
    {
        using var dir = new TempDir();
        var path = WriteRun(dir, 1, out _, out _, out _);
        var outPath = dir.File("obs.csv");
        var r = CliRunner.Run("obstacle", path, "--out", outPath, "--top", "2");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = File.ReadAllLines(outPath);
        Assert.Equal(1 + 4 * (3 + 4), lines.Length); // 3 indicators + 4 nodes per entity
        var top = File.ReadAllLines(dir.File("obs.top.csv"));
        Assert.Equal(1 + 4 * (2 + 2), top.Length);
        Assert.True(File.Exists(outPath + ".run.json"));
    }

    [Fact]
    public void Cli_should_exit_2_for_values_outside_unit_interval_or_unknown_indicators()
    {
        using var dir = new TempDir();
        var path = WriteRun(dir, 2, out _, out _, out _);
        File.WriteAllText(Path.Combine(path, "normalized.csv"), "id,time,rd,edu,co2,extra\n1,2020,1.5,0,0,0\n");
        var r = CliRunner.Run("obstacle", path, "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("extra", r.Error);
        File.WriteAllText(Path.Combine(path, "normalized.csv"), "id,time,rd,edu,co2\n1,2020,1.5,0,0\n");
        r = CliRunner.Run("obstacle", path, "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 2", r.Error);
    }
}
