using Xinzhi.Efficiency;
using Xinzhi.Efficiency.Productivity;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>The dominance pre-screen keeps the technology: every point scores the same against the kept units.</summary>
public sealed class DominanceScreenTests
{
    [Theory]
    [InlineData(1, ScaleAssumption.Constant)]
    [InlineData(2, ScaleAssumption.Variable)]
    [InlineData(3, ScaleAssumption.Constant)]
    public void Screened_reference_set_gives_the_same_scores(int seed, ScaleAssumption scale)
    {
        var rng = new Random(seed);
        var n = 60;
        var x = new double[n][];
        var y = new double[n][];
        for (var j = 0; j < n; j++)
        {
            x[j] = [1 + 9 * rng.NextDouble(), 1 + 9 * rng.NextDouble()];
            y[j] = [1 + 9 * rng.NextDouble(), 1 + 9 * rng.NextDouble()];
        }
        // Ties that must not remove both members: an exact duplicate and a scalar multiple of unit 0.
        x[1] = [.. x[0]]; y[1] = [.. y[0]];
        x[2] = [2 * x[0][0], 2 * x[0][1]]; y[2] = [2 * y[0][0], 2 * y[0][1]];
        var data = ProductivityData.FromArrays(Enumerable.Range(0, n).Select(j => $"u{j}").ToArray(), Enumerable.Repeat(1, n).ToArray(), x, y);
        var all = Enumerable.Range(0, n).ToArray();
        var kept = DominanceScreen.Undominated(data, all, scale);
        Assert.True(kept.Length < n, $"seed {seed}: nothing screened");
        var rts = scale == ScaleAssumption.Constant ? ReturnsToScale.Constant : ReturnsToScale.Variable;
        DeaReferenceSet Set(int[] units) => new(To2D(units.Select(u => x[u]).ToArray()), To2D(units.Select(u => y[u]).ToArray()));
        var full = Set(all);
        var screened = Set(kept);
        for (var j = 0; j < n; j++)
        {
            var a = full.Radial(x[j], y[j], rts, DeaOrientation.Input).Value;
            var b = screened.Radial(x[j], y[j], rts, DeaOrientation.Input).Value;
            Assert.True(Math.Abs(a - b) < 1e-10, $"seed {seed} unit {j}: {a} vs {b}");
        }
    }

    private static double[,] To2D(double[][] rows)
    {
        var a = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
            for (var j = 0; j < rows[0].Length; j++) a[i, j] = rows[i][j];
        return a;
    }
}
