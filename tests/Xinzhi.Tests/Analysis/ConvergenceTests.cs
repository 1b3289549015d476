using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Xinzhi.Analysis.Convergence;
using Xinzhi.Data;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class ConvergenceTests
{
    private static Panel RandomPanel(int seed, int entities, int periods, bool dropSome)
    {
        var rng = new Random(seed);
        var ids = new List<string>();
        var times = new List<int>();
        var y = new List<double>();
        var x = new List<double>();
        for (var e = 0; e < entities; e++)
        {
            var level = Math.Exp(rng.NextDouble() * 2);
            for (var t = 0; t < periods; t++)
            {
                level *= Math.Exp(0.05 - 0.02 * Math.Log(level) + 0.02 * (rng.NextDouble() - 0.5));
                if (dropSome && e % 4 == 1 && t == periods - 1) continue; // unbalanced
                ids.Add("e" + e);
                times.Add(2000 + t);
                y.Add(level);
                x.Add(rng.NextDouble());
            }
        }
        return new Panel("p", "id", "year", ids.ToArray(), times.ToArray(),
            [new("y", y.ToArray()), new("x", x.ToArray())]);
    }

    private static double[] NormalEquations(double[] y, List<double[]> cols)
    {
        var k = cols.Count;
        var xtx = Matrix<double>.Build.Dense(k, k, (a, b) => cols[a].Select((v, i) => v * cols[b][i]).Sum());
        var xty = Vector<double>.Build.Dense(k, a => cols[a].Select((v, i) => v * y[i]).Sum());
        return xtx.Solve(xty).ToArray();
    }

    [Theory]
    [InlineData(31, false)]
    [InlineData(8, true)]
    public void Pooled_and_two_way_fe_should_match_normal_equations_and_lsdv(int seed, bool unbalanced)
    {
        var panel = RandomPanel(seed, 12, 6, unbalanced);
        var r = BetaConvergence.Fit(panel, "y", BetaConvergenceType.Conditional, ["x"]);
        // Build growth observations independently.
        var yv = panel.Variable("y");
        var xv = panel.Variable("x");
        var g = new List<double>(); var ly = new List<double>(); var xs = new List<double>(); var ids = new List<string>(); var ts = new List<int>();
        for (var i = 0; i + 1 < panel.RowCount; i++)
            if (panel.Ids[i] == panel.Ids[i + 1])
            {
                g.Add(Math.Log(yv[i + 1]) - Math.Log(yv[i])); ly.Add(Math.Log(yv[i])); xs.Add(xv[i]); ids.Add(panel.Ids[i]); ts.Add(panel.Times![i]);
            }
        var one = g.Select(_ => 1.0).ToArray();
        var b = NormalEquations(g.ToArray(), [one, ly.ToArray(), xs.ToArray()]);
        var pooled = r.Models.Single(m => m.Model == "pooled-ols");
        Assert.True(Math.Abs(pooled.Beta - b[1]) < 1e-9, $"seed {seed}: pooled {pooled.Beta} vs {b[1]}");
        // LSDV: entity dummies (all) + period dummies (all but the first), no constant.
        var cols = new List<double[]> { ly.ToArray(), xs.ToArray() };
        foreach (var e in ids.Distinct()) cols.Add(ids.Select(v => v == e ? 1.0 : 0.0).ToArray());
        foreach (var t in ts.Distinct().Order().Skip(1)) cols.Add(ts.Select(v => v == t ? 1.0 : 0.0).ToArray());
        var lsdv = NormalEquations(g.ToArray(), cols);
        var fe = r.Models.Single(m => m.Model == "two-way-fe");
        Assert.True(Math.Abs(fe.Beta - lsdv[0]) < 1e-9, $"seed {seed}: FE {fe.Beta} vs LSDV {lsdv[0]}");
        Assert.True(Math.Abs(fe.Regression.Coefficient("x") - lsdv[1]) < 1e-9, $"seed {seed}");
        Assert.Equal(-Math.Log(1 + fe.Beta), fe.Speed, 14);
        Assert.Equal(Math.Log(2) / fe.Speed, fe.HalfLife, 12);
        Assert.Equal(12, fe.Regression.Clusters);
    }

    [Fact]
    public void Sigma_should_match_the_definitions()
    {
        var panel = RandomPanel(4, 10, 5, false);
        var r = SigmaConvergence.Compute(panel, "y");
        var y = panel.Variable("y");
        foreach (var p in r.Periods)
        {
            var x = Enumerable.Range(0, panel.RowCount).Where(i => panel.Times![i] == p.Time).Select(i => y[i]).ToArray();
            var m = x.Average();
            var sd = Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
            Assert.Equal(sd / m, p.CoefficientOfVariation, 12);
            var l = x.Select(v => Math.Log(v)).ToArray();
            Assert.Equal(Math.Sqrt(l.Sum(v => (v - l.Average()) * (v - l.Average())) / (l.Length - 1)), p.StandardDeviationOfLogs, 12);
        }
        Assert.NotNull(r.CvTrend);
    }

    [Fact]
    public void Cli_should_write_sigma_beta_and_spatial_models()
    {
        using var dir = new TempDir();
        var panel = RandomPanel(21, 8, 5, false);
        var lines = new List<string> { "id,year,y,x" };
        for (var i = 0; i < panel.RowCount; i++)
            lines.Add(string.Join(',', panel.Ids[i], panel.Times![i], panel.Variable("y")[i].ToString("R", CultureInfo.InvariantCulture), panel.Variable("x")[i].ToString("R", CultureInfo.InvariantCulture)));
        var data = dir.Write("d.csv", string.Join("\n", lines));
        var w = SpatialTests.RandomWeights(3, 8);
        var wPath = SpatialTests.WriteWeights(dir, "w.csv", w);
        var r = CliRunner.Run("convergence", data, "--id", "id", "--time", "year", "--value", "y", "--type", "sigma", "--out", dir.File("sigma"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(Path.Combine(dir.File("sigma"), "run.json")));
        r = CliRunner.Run("convergence", data, "--id", "id", "--time", "year", "--value", "y", "--type", "beta-conditional", "--controls", "x", "--spatial", wPath, "--out", dir.File("beta"));
        Assert.True(r.ExitCode == 0, r.Error);
        var summary = File.ReadAllLines(Path.Combine(dir.File("beta"), "summary.csv"));
        Assert.Contains(summary, l => l.StartsWith("slx-two-way-fe,", StringComparison.Ordinal));
        var coef = File.ReadAllText(Path.Combine(dir.File("beta"), "coefficients.csv"));
        Assert.Contains("w_ln_y0", coef);
        r = CliRunner.Run("convergence", data, "--id", "id", "--time", "year", "--value", "y", "--type", "beta-absolute", "--out", dir.File("abs"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains(File.ReadAllLines(Path.Combine(dir.File("abs"), "summary.csv")), l => l.StartsWith("cross-section,", StringComparison.Ordinal));
    }
}
