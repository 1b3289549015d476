using Xinzhi.Analysis.Forecasting;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Analysis;

public sealed class GreyModelTests
{
    // Hand-derivable case: for a geometric series x⁰(k) = r^(k−1) the grey equation holds exactly with
    // a = −2(r − 1)/(r + 1) and b = 2/(r + 1) (substitute x¹(k−1) = (r^(k−1) − 1)/(r − 1) into x⁰ + a z¹ = b).
    [Theory]
    [InlineData(1.1)]
    [InlineData(0.85)]
    public void Should_recover_the_closed_form_for_a_geometric_series(double r)
    {
        var x = Enumerable.Range(0, 7).Select(k => Math.Pow(r, k)).ToArray();
        var fit = GreyModel.Fit(x);
        Assert.Equal(-2 * (r - 1) / (r + 1), fit.A, 12);
        Assert.Equal(2 / (r + 1), fit.B, 12);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(2026)]
    public void Should_match_normal_equations_and_the_time_response(int seed)
    {
        var rng = new Random(seed);
        var n = 6 + rng.Next(8);
        var x = Enumerable.Range(0, n).Select(k => 10 * Math.Exp(0.08 * k) * (1 + 0.05 * (rng.NextDouble() - 0.5))).ToArray();
        var fit = GreyModel.Fit(x);
        // Normal equations of the 2-parameter least squares, solved by Cramer's rule.
        var x1 = new double[n];
        x1[0] = x[0];
        for (var k = 1; k < n; k++) x1[k] = x1[k - 1] + x[k];
        double szz = 0, sz = 0, szy = 0, sy = 0;
        for (var k = 1; k < n; k++)
        {
            var z = -0.5 * (x1[k] + x1[k - 1]);
            szz += z * z; sz += z; szy += z * x[k]; sy += x[k];
        }
        double m = n - 1, det = szz * m - sz * sz;
        var a = (szy * m - sz * sy) / det;
        var b = (szz * sy - sz * szy) / det;
        Assert.True(Math.Abs(fit.A - a) < 1e-9 * Math.Abs(a) + 1e-12, $"seed {seed}: a {fit.A} vs {a}");
        Assert.True(Math.Abs(fit.B - b) < 1e-9 * Math.Abs(b), $"seed {seed}");
        for (var k = 2; k <= n + 3; k++)
        {
            var expected = (1 - Math.Exp(a)) * (x[0] - b / a) * Math.Exp(-a * (k - 1));
            Assert.True(Math.Abs(fit.Predict(k) - expected) < 1e-9 * Math.Abs(expected), $"seed {seed}, k {k}");
        }
        // C and P from their definitions.
        var e = Enumerable.Range(1, n - 1).Select(k => x[k] - fit.Fitted[k]).ToArray();
        var s1 = Math.Sqrt(x.Sum(v => (v - x.Average()) * (v - x.Average())) / n);
        var s2 = Math.Sqrt(e.Sum(v => (v - e.Average()) * (v - e.Average())) / e.Length);
        Assert.True(Math.Abs(fit.PosteriorVarianceRatio - s2 / s1) < 1e-12, $"seed {seed}");
        Assert.Equal(e.Count(v => Math.Abs(v - e.Average()) < 0.6745 * s1) / (double)e.Length, fit.SmallErrorProbability);
        Assert.Equal(GreyAccuracy.Good, fit.Accuracy);
    }

    [Fact]
    public void Rolling_forecast_should_refit_on_a_moving_window()
    {
        const int seed = 77;
        var rng = new Random(seed);
        var x = Enumerable.Range(0, 9).Select(k => 3 * Math.Exp(0.1 * k) + rng.NextDouble() * 0.2).ToArray();
        var f = GreyModel.ForecastRolling(x, 4, window: 6);
        // The metabolic procedure spelled out: window of 6, one step, append, drop the oldest.
        var window = x[3..].ToList();
        for (var h = 0; h < 4; h++)
        {
            var next = GreyModel.Fit(window).Predict(7);
            Assert.True(Math.Abs(f[h] - next) < 1e-12, $"seed {seed}, h {h}");
            window.RemoveAt(0);
            window.Add(next);
        }
        // The first step equals a plain GM(1,1) on the last six points.
        Assert.Equal(GreyModel.Forecast(GreyModel.Fit(x[3..]), 1)[0], f[0], 12);
    }

    [Fact]
    public void Should_reject_a_short_series()
    {
        var ex = Assert.Throws<DataValidationException>(() => GreyModel.Fit([1, 2, 3]));
        Assert.Contains("at least 4", ex.Message);
    }

    [Fact]
    public void Cli_should_forecast_per_entity_and_exit_2_on_short_series()
    {
        using var dir = new TempDir();
        var lines = new List<string> { "id,year,v" };
        for (var t = 0; t < 6; t++) lines.Add($"a,{2010 + t},{(2 + 0.3 * t).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        for (var t = 0; t < 6; t++) lines.Add($"b,{2010 + t},{(5 + 0.1 * t * t).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var data = dir.Write("d.csv", string.Join("\n", lines));
        var outPath = dir.File("f.csv");
        var r = CliRunner.Run("forecast", data, "--id", "id", "--time", "year", "--value", "v", "--model", "gm11", "--horizon", "2", "--out", outPath);
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = File.ReadAllLines(outPath);
        Assert.Equal("id,time,value,fitted,forecast", rows[0]);
        Assert.Equal(1 + 2 * (6 + 2), rows.Length);
        Assert.StartsWith("a,2016,,,", rows[7]);
        Assert.True(File.Exists(dir.File("f.summary.csv")));

        var shortData = dir.Write("s.csv", "id,year,v\na,2010,1\na,2011,2\na,2012,3\n");
        r = CliRunner.Run("forecast", shortData, "--id", "id", "--time", "year", "--value", "v", "--model", "gm11", "--out", outPath);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("needs at least 4", r.Error);
    }
}
