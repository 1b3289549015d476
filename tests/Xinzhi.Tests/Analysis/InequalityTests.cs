using Xinzhi.Analysis.Inequality;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class InequalityTests
{
    private static (double[] Y, string[] G) RandomData(int seed, int n, int k)
    {
        var rng = new Random(seed);
        var y = new double[n];
        var g = new string[n];
        for (var i = 0; i < n; i++)
        {
            g[i] = "g" + (i < 2 * k ? i % k : rng.Next(k)); // every group gets at least two members
            y[i] = 0.1 + rng.NextDouble() * (1 + (i % k));
        }
        return (y, g);
    }

    // Dagum (1997) written plainly from the paper's double sums, O(n²).
    private static (double G, double Gw, double Gnb, double Gt, Dictionary<string, double> Gjj, Dictionary<(string, string), double> Gjh)
        NaiveDagum(double[] y, string[] g)
    {
        var n = y.Length;
        var mu = y.Average();
        var names = g.Distinct().OrderBy(s => y.Where((_, i) => g[i] == s).Average()).ToArray();
        var sub = names.ToDictionary(s => s, s => y.Where((_, i) => g[i] == s).ToArray());
        double total = 0;
        foreach (var a in y) foreach (var b in y) total += Math.Abs(a - b);
        var G = total / (2.0 * n * n * mu);
        var gjj = new Dictionary<string, double>();
        var gjh = new Dictionary<(string, string), double>();
        double gw = 0, gnb = 0, gt = 0;
        foreach (var j in names)
        {
            var yj = sub[j];
            double s = 0;
            foreach (var a in yj) foreach (var b in yj) s += Math.Abs(a - b);
            gjj[j] = s / (2.0 * yj.Length * yj.Length * yj.Average());
            gw += gjj[j] * ((double)yj.Length / n) * (yj.Length * yj.Average() / (n * mu));
        }
        for (var jj = 1; jj < names.Length; jj++)
            for (var hh = 0; hh < jj; hh++)
            {
                var yj = sub[names[jj]];
                var yh = sub[names[hh]];
                double s = 0, d = 0, p = 0;
                foreach (var a in yj)
                    foreach (var b in yh) { s += Math.Abs(a - b); d += Math.Max(a - b, 0); p += Math.Max(b - a, 0); }
                var G_jh = s / (yj.Length * yh.Length * (yj.Average() + yh.Average()));
                gjh[(names[jj], names[hh])] = G_jh;
                var D = (d - p) / (d + p);
                var pj = (double)yj.Length / n; var ph = (double)yh.Length / n;
                var sj = yj.Length * yj.Average() / (n * mu); var sh = yh.Length * yh.Average() / (n * mu);
                gnb += G_jh * (pj * sh + ph * sj) * D;
                gt += G_jh * (pj * sh + ph * sj) * (1 - D);
            }
        return (G, gw, gnb, gt, gjj, gjh);
    }

    [Theory]
    [InlineData(20261201, 31, 4)]
    [InlineData(7, 60, 3)]
    [InlineData(99, 9, 2)]
    public void Dagum_should_match_the_papers_double_sums(int seed, int n, int k)
    {
        var (y, g) = RandomData(seed, n, k);
        var r = DagumDecomposition.Compute(y, g);
        var e = NaiveDagum(y, g);
        Assert.True(Math.Abs(r.Gini - e.G) < 1e-9, $"seed {seed}: G {r.Gini} vs {e.G}");
        Assert.True(Math.Abs(r.Within - e.Gw) < 1e-9, $"seed {seed}: Gw");
        Assert.True(Math.Abs(r.NetBetween - e.Gnb) < 1e-9, $"seed {seed}: Gnb");
        Assert.True(Math.Abs(r.Transvariation - e.Gt) < 1e-9, $"seed {seed}: Gt");
        foreach (var gr in r.Groups) Assert.True(Math.Abs(gr.Gini - e.Gjj[gr.Group]) < 1e-9, $"seed {seed}: Gjj {gr.Group}");
        foreach (var p in r.Pairs) Assert.True(Math.Abs(p.Gini - e.Gjh[(p.GroupJ, p.GroupH)]) < 1e-9, $"seed {seed}: Gjh");
        // Regions ordered by mean: 0 ≤ D_jh ≤ 1.
        foreach (var p in r.Pairs) Assert.InRange(p.RelativeEconomicAffluence, 0, 1);
        // The exact identity, to the last few ulps.
        Assert.True(Math.Abs(r.IdentityResidual) <= 1e-14 * r.Gini, $"seed {seed}: residual {r.IdentityResidual}");
        Assert.True(Math.Abs(r.WithinShare + r.NetBetweenShare + r.TransvariationShare - 1) < 1e-13);
    }

    [Fact]
    public void Dagum_two_by_two_hand_example()
    {
        // Region A {1, 3}, region B {5, 7}; μ = 4, n = 4.
        // G = Σ|Δ| / (2·16·4): pairwise |Δ| over ordered pairs = 2·(2+4+6+2+4+2) = 40 → 40/128 = 0.3125.
        // G_AA = (2·2)/(2·4·2) = 0.25; G_BB = 4/(2·4·6) = 1/12.
        // G_BA = (4+6+2+4)/(4·(2+6)) = 0.5, no overlap → D = 1, G_t = 0.
        // p = ½ each, s_A = 0.25, s_B = 0.75: G_w = 0.25·0.5·0.25 + (1/12)·0.5·0.75 = 0.0625;
        // G_nb = 0.5·(0.5·0.25 + 0.5·0.75) = 0.25.  0.0625 + 0.25 + 0 = 0.3125.
        var r = DagumDecomposition.Compute([1, 3, 5, 7], ["A", "A", "B", "B"]);
        Assert.Equal(0.3125, r.Gini, 15);
        Assert.Equal(0.0625, r.Within, 15);
        Assert.Equal(0.25, r.NetBetween, 15);
        Assert.Equal(0, r.Transvariation, 15);
        Assert.Equal(0.25, r.Groups[0].Gini, 15);
        Assert.Equal(1.0 / 12, r.Groups[1].Gini, 15);
        Assert.Equal(0.5, r.Pairs[0].Gini, 15);
        Assert.Equal("B", r.Pairs[0].GroupJ);
    }

    [Fact]
    public void Dagum_should_reject_a_group_with_one_member()
    {
        var ex = Assert.Throws<DataValidationException>(() => DagumDecomposition.Compute([1, 2, 3], ["A", "A", "B"]));
        Assert.Contains("group 'B' has 1 member", ex.Message);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12345)]
    public void Theil_should_match_the_definitions_and_decompose_exactly(int seed)
    {
        var (y, g) = RandomData(seed, 40, 4);
        var m = y.Average();
        var tNaive = y.Sum(v => v / m * Math.Log(v / m)) / y.Length;
        var lNaive = y.Sum(v => Math.Log(m / v)) / y.Length;
        var t = TheilDecomposition.Compute(y, g, TheilKind.T);
        var l = TheilDecomposition.Compute(y, g, TheilKind.L);
        Assert.True(Math.Abs(t.Total - tNaive) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(l.Total - lNaive) < 1e-12, $"seed {seed}");
        // Within/between from group subsets computed independently.
        double tw = 0, tb = 0, lw = 0, lb = 0;
        foreach (var name in g.Distinct())
        {
            var yg = y.Where((_, i) => g[i] == name).ToArray();
            var mg = yg.Average();
            var sg = yg.Length * mg / (y.Length * m);
            var pg = (double)yg.Length / y.Length;
            tw += sg * yg.Sum(v => v / mg * Math.Log(v / mg)) / yg.Length;
            tb += sg * Math.Log(mg / m);
            lw += pg * yg.Sum(v => Math.Log(mg / v)) / yg.Length;
            lb += pg * Math.Log(m / mg);
        }
        Assert.True(Math.Abs(t.Within - tw) < 1e-12 && Math.Abs(t.Between - tb) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(l.Within - lw) < 1e-12 && Math.Abs(l.Between - lb) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(t.IdentityResidual) < 1e-14, $"seed {seed}");
        Assert.True(Math.Abs(l.IdentityResidual) < 1e-14, $"seed {seed}");
    }

    [Fact]
    public void Population_weighted_theil_should_match_the_regional_formula_and_replication()
    {
        const int seed = 606;
        var rng = new Random(seed);
        var n = 24;
        var y = Enumerable.Range(0, n).Select(_ => 0.5 + rng.NextDouble() * 3).ToArray(); // per capita
        var pop = Enumerable.Range(0, n).Select(_ => (double)(1 + rng.Next(5))).ToArray();
        var g = Enumerable.Range(0, n).Select(i => "g" + (i % 3)).ToArray();
        // Regional formula: T = Σ (Y_i/Y) ln[(Y_i/Y)/(P_i/P)], L = Σ (P_i/P) ln[(P_i/P)/(Y_i/Y)], Y_i = P_i y_i.
        var Y = y.Select((v, i) => v * pop[i]).ToArray();
        double ys = Y.Sum(), ps = pop.Sum();
        var tExpected = Enumerable.Range(0, n).Sum(i => Y[i] / ys * Math.Log(Y[i] / ys / (pop[i] / ps)));
        var lExpected = Enumerable.Range(0, n).Sum(i => pop[i] / ps * Math.Log(pop[i] / ps / (Y[i] / ys)));
        var t = TheilDecomposition.Compute(y, g, TheilKind.T, weights: pop);
        var l = TheilDecomposition.Compute(y, g, TheilKind.L, weights: pop);
        Assert.True(Math.Abs(t.Total - tExpected) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(l.Total - lExpected) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(t.IdentityResidual) < 1e-14 && Math.Abs(l.IdentityResidual) < 1e-14, $"seed {seed}");
        // Integer weights equal replicating each unit P_i times in the unweighted decomposition.
        var ry = new List<double>(); var rg = new List<string>();
        for (var i = 0; i < n; i++) for (var k = 0; k < pop[i]; k++) { ry.Add(y[i]); rg.Add(g[i]); }
        var rt = TheilDecomposition.Compute(ry, rg, TheilKind.T);
        Assert.True(Math.Abs(rt.Within - t.Within) < 1e-12 && Math.Abs(rt.Between - t.Between) < 1e-12, $"seed {seed}");
    }

    [Fact]
    public void Theil_should_reject_zero_and_negative_values()
    {
        var ex = Assert.Throws<DataValidationException>(() => TheilDecomposition.Index([1.0, 0.0, -2.0], TheilKind.T));
        Assert.Equal(2, ex.Issues.Count);
    }

    [Fact]
    public void Gini_and_cv_should_match_definitions()
    {
        const int seed = 4242;
        var rng = new Random(seed);
        var y = Enumerable.Range(0, 57).Select(_ => rng.NextDouble() * 5).ToArray();
        double s = 0;
        foreach (var a in y) foreach (var b in y) s += Math.Abs(a - b);
        var m = y.Average();
        Assert.True(Math.Abs(Dispersion.Gini(y) - s / (2.0 * y.Length * y.Length * m)) < 1e-12, $"seed {seed}");
        var sd = Math.Sqrt(y.Sum(v => (v - m) * (v - m)) / (y.Length - 1));
        Assert.True(Math.Abs(Dispersion.CoefficientOfVariation(y) - sd / m) < 1e-12, $"seed {seed}");
        var sdp = Math.Sqrt(y.Sum(v => (v - m) * (v - m)) / y.Length);
        Assert.True(Math.Abs(Dispersion.CoefficientOfVariation(y, VarianceDivisor.Population) - sdp / m) < 1e-12, $"seed {seed}");
    }

    [Fact]
    public void Cli_should_write_dagum_rows_that_sum_to_G()
    {
        using var dir = new TempDir();
        var rng = new Random(5);
        var lines = new List<string> { "code,region,year,score" };
        for (var t = 2020; t <= 2021; t++)
            for (var i = 0; i < 12; i++) lines.Add($"{i},{"ABC"[i % 3]},{t},{(0.2 + rng.NextDouble()).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var data = dir.Write("d.csv", string.Join("\n", lines));
        var outPath = dir.File("ineq.csv");
        var r = CliRunner.Run("inequality", data, "--value", "score", "--group", "region", "--time", "year", "--measure", "all", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = File.ReadAllLines(outPath).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal("time,component,value,group,group2", File.ReadLines(outPath).First());
        foreach (var t in new[] { "2020", "2021" })
        {
            double V(string c) => double.Parse(rows.Single(x => x[0] == t && x[1] == c)[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(V("G") - (V("Gw") + V("Gnb") + V("Gt"))) < 1e-14, t);
            Assert.Equal(3, rows.Count(x => x[0] == t && x[1] == "Gjj"));
            Assert.Equal(3, rows.Count(x => x[0] == t && x[1] == "Gjh"));
        }
        Assert.True(File.Exists(outPath + ".run.json"));
    }

    [Fact]
    public void Cli_should_exit_2_for_nonpositive_values_with_theil()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", "region,score\nA,1\nA,0\nB,2\nB,3\n");
        var r = CliRunner.Run("inequality", data, "--value", "score", "--group", "region", "--measure", "theil", "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 3", r.Error);
    }

    [Fact]
    public void Cli_should_exit_2_for_a_group_with_one_member()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", "region,score\nA,1\nA,2\nB,2\n");
        var r = CliRunner.Run("inequality", data, "--value", "score", "--group", "region", "--measure", "dagum", "--out", dir.File("o.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("group 'B' has 1 member", r.Error);
    }
}
