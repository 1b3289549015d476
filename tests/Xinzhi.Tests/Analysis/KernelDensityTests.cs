using Xinzhi.Analysis.Distribution;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class KernelDensityTests
{
    [Fact]
    public void Silverman_and_scott_bandwidths_by_hand()
    {
        // x = 1,2,3,4,10: sd = √12.5, quartiles (type 7) 2 and 4 → IQR/1.34 = 1.49254 < sd.
        double[] x = [1, 2, 3, 4, 10];
        var scale = 2 / 1.34 * Math.Pow(5, -0.2);
        Assert.Equal(0.9 * scale, KernelDensity.Bandwidth(x, BandwidthRule.Silverman), 14);
        Assert.Equal(1.06 * scale, KernelDensity.Bandwidth(x, BandwidthRule.Scott), 14);
    }

    [Fact]
    public void Density_should_match_the_kernel_sum_and_integrate_to_one()
    {
        const int seed = 909;
        var rng = new Random(seed);
        var x = Enumerable.Range(0, 40).Select(_ => rng.NextDouble() * 3 + (rng.Next(2) == 0 ? 0 : 5)).ToArray();
        var h = KernelDensity.Bandwidth(x, BandwidthRule.Silverman);
        var grid = KernelDensity.Grid(x.Min() - 4 * h, x.Max() + 4 * h, 2001);
        var f = KernelDensity.Evaluate(x, h, grid);
        for (var k = 0; k < grid.Length; k += 97)
        {
            var expected = x.Sum(xi => Math.Exp(-Math.Pow((grid[k] - xi) / h, 2) / 2) / Math.Sqrt(2 * Math.PI)) / (x.Length * h);
            Assert.True(Math.Abs(f[k] - expected) < 1e-12, $"seed {seed}, k {k}");
        }
        var integral = 0.0;
        for (var k = 1; k < grid.Length; k++) integral += (f[k] + f[k - 1]) / 2 * (grid[k] - grid[k - 1]);
        Assert.True(Math.Abs(integral - 1) < 1e-4, $"seed {seed}: ∫f = {integral}");
        Assert.Equal(2, KernelDensity.Estimate(x, BandwidthRule.Silverman, null, grid).Peaks); // two well-separated clusters
    }

    [Fact]
    public void Cli_should_write_one_curve_per_period_on_a_common_grid()
    {
        using var dir = new TempDir();
        var rng = new Random(3);
        var lines = new List<string> { "year,v" };
        for (var t = 0; t < 3; t++)
            for (var i = 0; i < 20; i++) lines.Add($"{2020 + t},{(rng.NextDouble() + t).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var data = dir.Write("d.csv", string.Join("\n", lines));
        var outPath = dir.File("k.csv");
        var r = CliRunner.Run("kde", data, "--value", "v", "--time", "year", "--points", "50", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = File.ReadAllLines(outPath);
        Assert.Equal("time,x,density,bandwidth,n", rows[0]);
        Assert.Equal(1 + 3 * 50, rows.Length);
        Assert.Equal(rows[1].Split(',')[1], rows[51].Split(',')[1]); // same grid
        r = CliRunner.Run("kde", data, "--value", "v", "--bandwidth", "0.25", "--points", "10", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("0.25", File.ReadAllLines(outPath)[1].Split(',')[3]);
        r = CliRunner.Run("kde", data, "--value", "v", "--bandwidth", "wide", "--out", outPath);
        Assert.Equal(1, r.ExitCode);
    }
}
