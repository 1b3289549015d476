using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Xinzhi.Analysis.Distribution;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class MarkovTests
{
    [Theory]
    [InlineData(3, 3)]
    [InlineData(19, 5)]
    public void Steady_state_and_first_passage_should_match_independent_solutions(int seed, int k)
    {
        var rng = new Random(seed);
        var counts = new int[k, k];
        for (var a = 0; a < k; a++) for (var b = 0; b < k; b++) counts[a, b] = 1 + rng.Next(20);
        var m = MarkovChain.FromCounts(counts);
        // π by power iteration of a row of P^n.
        var p = Matrix<double>.Build.Dense(k, k, (a, b) => m.Probabilities[a, b]);
        var pn = p.Power(2000);
        for (var j = 0; j < k; j++) Assert.True(Math.Abs(pn[0, j] - m.SteadyState![j]) < 1e-10, $"seed {seed}: π[{j}]");
        // First passage to j: m_ij = 1 + Σ_{l≠j} P_il m_lj for i ≠ j; m_jj = 1 + Σ_{l≠j} P_jl m_lj.
        for (var j = 0; j < k; j++)
        {
            var others = Enumerable.Range(0, k).Where(i => i != j).ToArray();
            var a = Matrix<double>.Build.Dense(k - 1, k - 1, (r, c) => (r == c ? 1 : 0) - p[others[r], others[c]]);
            var x = a.Solve(Vector<double>.Build.Dense(k - 1, 1.0));
            for (var r = 0; r < k - 1; r++)
                Assert.True(Math.Abs(x[r] - m.FirstPassage![others[r], j]) < 1e-9, $"seed {seed}: m[{others[r]},{j}]");
            var recurrence = 1 + others.Select((l, r) => p[j, l] * x[r]).Sum();
            Assert.True(Math.Abs(recurrence - m.FirstPassage![j, j]) < 1e-9, $"seed {seed}: m[{j},{j}]");
        }
    }

    [Fact]
    public void Ties_at_a_break_go_to_the_lower_class_and_equal_values_share_a_class()
    {
        double[] breaks = [1, 2, 3];
        Assert.Equal(0, MarkovChain.Classify(1.0, breaks));
        Assert.Equal(1, MarkovChain.Classify(1.0000001, breaks));
        Assert.Equal(3, MarkovChain.Classify(9, breaks));
        // Many ties: type-7 quartile breaks of 1,1,1,1,1,2,3,4 are 1, 1, 2.25 → all 1s in class 1, class 2 empty.
        var b = MarkovChain.QuantileBreaks([1, 1, 1, 1, 1, 2, 3, 4], 4);
        Assert.Equal([1, 1, 2.25], b);
        Assert.Equal(0, MarkovChain.Classify(1, b));
    }

    [Fact]
    public void Reducible_chain_should_warn_not_ergodic()
    {
        var m = MarkovChain.FromCounts(new[,] { { 5, 0 }, { 3, 2 } });
        Assert.Contains(m.Warnings, w => w.Code == "not-ergodic");
        Assert.Null(m.FirstPassage);
        var e = MarkovChain.FromCounts(new[,] { { 5, 1 }, { 0, 0 } });
        Assert.Contains(e.Warnings, w => w.Code == "empty-class");
    }

    [Fact]
    public void Cli_should_count_transitions_and_run_the_spatial_chain()
    {
        using var dir = new TempDir();
        // Levels with given breaks: entity a 1→3→3, entity b 3→1→1 (classes 1 and 2 with break 2).
        var data = dir.Write("d.csv", "id,year,v\na,2000,1\na,2001,3\na,2002,3\nb,2000,3\nb,2001,1\nb,2002,1\n");
        var outDir = dir.File("mk");
        var r = CliRunner.Run("markov", data, "--id", "id", "--time", "year", "--value", "v", "--values", "level", "--breaks", "2", "--out", outDir);
        Assert.True(r.ExitCode == 0, r.Error);
        var t = File.ReadAllLines(Path.Combine(outDir, "transitions.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal("1", t.Single(x => x[1] == "1" && x[2] == "2")[3]); // a: 1→2
        Assert.Equal("1", t.Single(x => x[1] == "2" && x[2] == "1")[3]); // b: 2→1
        Assert.Equal("1", t.Single(x => x[1] == "1" && x[2] == "1")[3]); // b: 1→1
        Assert.Equal("1", t.Single(x => x[1] == "2" && x[2] == "2")[3]); // a: 2→2
        Assert.True(File.Exists(Path.Combine(outDir, "run.json")));

        var w = SpatialTests.RandomWeights(5, 10);
        var wPath = SpatialTests.WriteWeights(dir, "w.csv", w);
        var rng = new Random(5);
        var lines = new List<string> { "id,year,v" };
        for (var year = 2000; year < 2010; year++)
            foreach (var id in w.Ids) lines.Add($"{id},{year},{(0.5 + rng.NextDouble()).ToString("R", CultureInfo.InvariantCulture)}");
        var panel = dir.Write("p.csv", string.Join("\n", lines));
        r = CliRunner.Run("markov", panel, "--id", "id", "--time", "year", "--value", "v", "--classes", "3", "--spatial", wPath, "--out", dir.File("smk"));
        Assert.True(r.ExitCode == 0, r.Error);
        var tr = File.ReadAllLines(Path.Combine(dir.File("smk"), "transitions.csv"));
        Assert.Equal(1 + 4 * 9, tr.Length); // pooled + 3 lag-conditioned 3×3 matrices
        Assert.True(File.Exists(Path.Combine(dir.File("smk"), "tests.csv")));

        // Per-period quartiles: every year splits its own 10 values 3/2/2/3 (type-7 breaks, no ties).
        r = CliRunner.Run("markov", panel, "--id", "id", "--time", "year", "--value", "v", "--break-scope", "period", "--out", dir.File("pmk"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(1 + 10 * 4, File.ReadAllLines(Path.Combine(dir.File("pmk"), "breaks.csv")).Length);
        var classes = File.ReadAllLines(Path.Combine(dir.File("pmk"), "classes.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var year in classes.Select(c => c[1]).Distinct())
            Assert.Equal([3, 2, 2, 3], Enumerable.Range(1, 4).Select(k => classes.Count(c => c[1] == year && c[4] == k.ToString(CultureInfo.InvariantCulture))).ToArray());
    }
}
