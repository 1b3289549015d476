using System.Globalization;
using Xinzhi.Analysis.Spatial;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class SpatialTests
{
    internal static SpatialWeights RandomWeights(int seed, int n, bool island = false)
    {
        var rng = new Random(seed);
        var w = new double[n][];
        for (var i = 0; i < n; i++) w[i] = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                if (rng.NextDouble() < 0.3 || j == i + 1) w[i][j] = w[j][i] = 1;
        if (island) for (var j = 0; j < n; j++) { w[0][j] = 0; w[j][0] = 0; }
        return new SpatialWeights("w", Enumerable.Range(0, n).Select(i => "e" + i).ToArray(), w);
    }

    internal static string WriteWeights(TempDir dir, string name, SpatialWeights w)
    {
        var lines = new List<string> { "id," + string.Join(',', w.Ids) };
        for (var i = 0; i < w.Count; i++)
            lines.Add(w.Ids[i] + "," + string.Join(',', w.Row(i).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        return dir.Write(name, string.Join("\n", lines) + "\n");
    }

    [Theory]
    [InlineData(101, 12)]
    [InlineData(202, 31)]
    public void Moran_and_geary_should_match_the_published_formulas(int seed, int n)
    {
        var w = RandomWeights(seed, n).RowStandardize();
        var rng = new Random(seed + 1);
        var y = Enumerable.Range(0, n).Select(i => rng.NextDouble() + 0.05 * i).ToArray();
        var r = SpatialAutocorrelation.Global(y, w, permutations: 0);
        var mean = y.Average();
        var z = y.Select(v => v - mean).ToArray();
        double s0 = 0, num = 0, zz = z.Sum(v => v * v), geary = 0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                s0 += w[i, j];
                num += w[i, j] * z[i] * z[j];
                geary += w[i, j] * (y[i] - y[j]) * (y[i] - y[j]);
            }
        Assert.True(Math.Abs(r.Moran.Statistic - n / s0 * num / zz) < 1e-12, $"seed {seed}");
        Assert.True(Math.Abs(r.Geary.Statistic - (n - 1) * geary / (2 * s0 * zz)) < 1e-12, $"seed {seed}");
        // Normality variance of I, written from Cliff & Ord with S1, S2 from their definitions.
        double s1 = 0, s2 = 0;
        for (var i = 0; i < n; i++)
        {
            double ri = 0, ci = 0;
            for (var j = 0; j < n; j++) { s1 += 0.5 * Math.Pow(w[i, j] + w[j, i], 2); ri += w[i, j]; ci += w[j, i]; }
            s2 += (ri + ci) * (ri + ci);
        }
        var ei = -1.0 / (n - 1);
        var varN = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n * n - 1.0) * s0 * s0) - ei * ei;
        Assert.True(Math.Abs(r.Moran.VarianceNormality - varN) < 1e-12, $"seed {seed}");
        Assert.Equal(ei, r.Moran.Expected, 15);
    }

    [Fact]
    public void Permutation_moments_should_agree_with_the_randomisation_moments()
    {
        const int seed = 555;
        var n = 15;
        var w = RandomWeights(seed, n).RowStandardize();
        var rng = new Random(seed);
        var y = Enumerable.Range(0, n).Select(_ => Math.Exp(rng.NextDouble())).ToArray();
        var r = SpatialAutocorrelation.Global(y, w, permutations: 40000, seed: seed);
        // Randomisation moments are the exact moments of the permutation distribution.
        Assert.True(Math.Abs(r.Moran.PermutationMean - r.Moran.Expected) < 4 * Math.Sqrt(r.Moran.VarianceRandomization / 40000), $"seed {seed}: mean");
        Assert.True(Math.Abs(r.Moran.PermutationVariance / r.Moran.VarianceRandomization - 1) < 0.04, $"seed {seed}: var {r.Moran.PermutationVariance} vs {r.Moran.VarianceRandomization}");
        Assert.True(Math.Abs(r.Geary.PermutationMean - 1) < 4 * Math.Sqrt(r.Geary.VarianceRandomization / 40000), $"seed {seed}: Geary mean");
        Assert.True(Math.Abs(r.Geary.PermutationVariance / r.Geary.VarianceRandomization - 1) < 0.04, $"seed {seed}: Geary var");
        // Same seed, same numbers.
        var again = SpatialAutocorrelation.Global(y, w, permutations: 40000, seed: seed);
        Assert.Equal(r.Moran.PermutationP, again.Moran.PermutationP);
    }

    [Fact]
    public void Local_moran_should_sum_to_S0_times_I_and_label_quadrants()
    {
        const int seed = 77;
        var n = 20;
        var w = RandomWeights(seed, n, island: true).RowStandardize();
        Assert.Equal(["e0"], w.Islands);
        Assert.Contains(w.Warnings(), x => x.Code == "island");
        var rng = new Random(seed);
        var y = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var local = SpatialAutocorrelation.Local(y, w, 99, seed);
        var global = SpatialAutocorrelation.Global(y, w, 0);
        var s0 = Enumerable.Range(0, n).Sum(i => w.RowSum(i));
        Assert.True(Math.Abs(local.Sum(l => l.Statistic) - s0 * global.Moran.Statistic) < 1e-12, $"seed {seed}");
        Assert.Equal("island", local[0].Quadrant);
        foreach (var l in local.Skip(1))
            Assert.Equal((l.Z > 0 ? "H" : "L") + (l.Lag > 0 ? "H" : "L"), l.Quadrant);
    }

    [Fact]
    public void Cli_should_run_and_exit_2_when_weights_do_not_match_entities()
    {
        using var dir = new TempDir();
        var w = RandomWeights(9, 8);
        var wPath = WriteWeights(dir, "w.csv", w);
        var rng = new Random(9);
        var lines = new List<string> { "id,year,v" };
        foreach (var t in new[] { 2020, 2021 })
            foreach (var id in w.Ids) lines.Add($"{id},{t},{rng.NextDouble().ToString("R", CultureInfo.InvariantCulture)}");
        var data = dir.Write("d.csv", string.Join("\n", lines));
        var outPath = dir.File("m.csv");
        var r = CliRunner.Run("moran", data, "--id", "id", "--time", "year", "--value", "v", "--weights", wPath, "--local", "--permutations", "99", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(3, File.ReadAllLines(outPath).Length);
        Assert.Equal(1 + 16, File.ReadAllLines(dir.File("m.local.csv")).Length);

        var bad = dir.Write("bad.csv", string.Join("\n", lines.Take(1 + 7)));
        r = CliRunner.Run("moran", bad, "--id", "id", "--value", "v", "--weights", wPath, "--out", outPath);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'e7' is not an entity", r.Error);
    }
}
