using Xinzhi.Analysis.Coupling;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class CouplingTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    public void Standard_formula_should_match_the_product_form(int seed, int n)
    {
        var rng = new Random(seed);
        for (var rep = 0; rep < 50; rep++)
        {
            var u = Enumerable.Range(0, n).Select(_ => 0.01 + 0.99 * rng.NextDouble()).ToArray();
            var r = CouplingCoordination.Compute(u, CouplingCoordination.EqualWeights(n));
            // Second form from domain.md: C = [Π U / (Σ U / n)^n]^(1/n).
            var prod = u.Aggregate(1.0, (a, b) => a * b);
            var c = Math.Pow(prod / Math.Pow(u.Sum() / n, n), 1.0 / n);
            Assert.True(Math.Abs(r.C - c) < 1e-12, $"seed {seed} rep {rep}");
            Assert.True(Math.Abs(r.T - u.Average()) < 1e-12, $"seed {seed}");
            Assert.True(Math.Abs(r.D - Math.Sqrt(c * u.Average())) < 1e-12, $"seed {seed}");
            if (n == 2) Assert.True(Math.Abs(r.C - 2 * Math.Sqrt(u[0] * u[1]) / (u[0] + u[1])) < 1e-12);
        }
    }

    [Fact]
    public void Corrected_formula_should_match_wang_2021()
    {
        double[] u = [0.2, 0.5, 0.8];
        // 1 − (0.3 + 0.6 + 0.3)/3 = 0.6; Π (U/0.8)^(1/2) = √(0.25·0.625·1) = 0.39528...
        var expected = Math.Sqrt(0.6 * Math.Sqrt(0.25 * 0.625));
        var r = CouplingCoordination.Compute(u, CouplingCoordination.EqualWeights(3), CouplingFormula.Corrected);
        Assert.Equal(expected, r.C, 14);
        // Equal scores are perfectly coupled under both formulas.
        Assert.Equal(1, CouplingCoordination.Compute([0.4, 0.4, 0.4], CouplingCoordination.EqualWeights(3), CouplingFormula.Corrected).C, 14);
        Assert.Equal(1, CouplingCoordination.Compute([0.4, 0.4, 0.4], CouplingCoordination.EqualWeights(3)).C, 14);
    }

    [Theory]
    [InlineData(0.0, 1, "极度失调")]
    [InlineData(0.05, 1, "极度失调")]
    [InlineData(0.1, 2, "严重失调")]
    [InlineData(0.55, 6, "勉强协调")]
    [InlineData(0.95, 10, "优质协调")]
    [InlineData(1.0, 10, "优质协调")]
    public void Should_classify_the_ten_levels(double d, int level, string zh)
    {
        var l = CouplingCoordination.Classify(d);
        Assert.Equal(level, l.Level);
        Assert.Equal(zh, l.NameZh);
    }

    [Fact]
    public void Cli_should_write_the_contract_columns()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", "id,year,a,b\nx,2020,0.2,0.8\nx,2021,0.5,0.5\ny,2020,0,0.3\n");
        var outPath = dir.File("c.csv");
        var r = CliRunner.Run("coupling", data, "--id", "id", "--time", "year", "--systems", "a,b", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("id,time,C,T,D,level,level_zh,level_en", lines[0]);
        Assert.StartsWith("x,2020,0.8,0.5,", lines[1]); // C = 2·0.4/1.0
        Assert.Contains(",7,初级协调,", lines[1]); // D = √(0.8·0.5) = 0.632 → level 7
    }

    [Fact]
    public void Cli_should_exit_2_for_scores_outside_unit_interval()
    {
        using var dir = new TempDir();
        var data = dir.Write("d.csv", "id,a,b\nx,1.2,0.8\n");
        var r = CliRunner.Run("coupling", data, "--id", "id", "--systems", "a,b", "--out", dir.File("c.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("row 2", r.Error);
    }
}
