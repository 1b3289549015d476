using Xinzhi.Analysis.Inequality;

namespace Xinzhi.Analysis.Distribution;

/// <summary>Bandwidth selection rule.</summary>
public enum BandwidthRule
{
    /// <summary>Silverman (1986): h = 0.9·min(sd, IQR/1.34)·N^(−1/5) (R <c>bw.nrd0</c>, R <c>density</c>'s default).</summary>
    Silverman,

    /// <summary>Scott (1992): h = 1.06·min(sd, IQR/1.34)·N^(−1/5) (R <c>bw.nrd</c>).</summary>
    Scott,

    /// <summary>A bandwidth given by the user.</summary>
    Fixed,
}

/// <summary>A density curve of one sample evaluated on a grid.</summary>
public sealed record DensityCurve(int Count, double Bandwidth, double[] Grid, double[] Density, double Mean, double StandardDeviation,
    double Mode, int Peaks, IReadOnlyList<AnalysisWarning> Warnings);

/// <summary>
/// Gaussian kernel density estimation f̂(x) = (1/(N h)) Σ_i φ((x − X_i)/h), evaluated exactly (no binning or FFT)
/// on a grid, so curves of several periods share one grid for 2-D overlays and 3-D surfaces.
/// </summary>
public static class KernelDensity
{
    private static readonly double InvSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>Bandwidth by rule; falls back as R does when the IQR is 0 (to sd, then |x₁|, then 1).</summary>
    public static double Bandwidth(IReadOnlyList<double> x, BandwidthRule rule, List<AnalysisWarning>? warnings = null)
    {
        if (x.Count < 2) throw new DataValidationException(new DataIssue("kde", null, null, $"need at least 2 values for a bandwidth, got {x.Count}"));
        var sorted = x.ToArray();
        Array.Sort(sorted);
        var sd = Dispersion.StandardDeviation(sorted);
        var iqr = Dispersion.Quantile(sorted, 0.75) - Dispersion.Quantile(sorted, 0.25);
        var lo = Math.Min(sd, iqr / 1.34);
        if (!(lo > 0))
        {
            lo = sd > 0 ? sd : Math.Abs(sorted[0]) > 0 ? Math.Abs(sorted[0]) : 1;
            warnings?.Add(new AnalysisWarning("zero-variance", $"IQR or sd is 0; bandwidth scale falls back to {lo} (R's rule)"));
        }
        var c = rule == BandwidthRule.Scott ? 1.06 : 0.9;
        return c * lo * Math.Pow(x.Count, -0.2);
    }

    /// <summary>Density of <paramref name="x"/> with bandwidth <paramref name="h"/> at each grid point.</summary>
    public static double[] Evaluate(IReadOnlyList<double> x, double h, IReadOnlyList<double> grid)
    {
        if (!(h > 0)) throw new ArgumentOutOfRangeException(nameof(h), h, "bandwidth must be positive");
        var data = x.ToArray();
        var f = new double[grid.Count];
        var scale = InvSqrt2Pi / (data.Length * h);
        for (var g = 0; g < f.Length; g++)
        {
            var s = 0.0;
            var at = grid[g];
            for (var i = 0; i < data.Length; i++)
            {
                var u = (at - data[i]) / h;
                s += Math.Exp(-0.5 * u * u);
            }
            f[g] = s * scale;
        }
        return f;
    }

    /// <summary>Evenly spaced grid of <paramref name="points"/> values over [from, to].</summary>
    public static double[] Grid(double from, double to, int points)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), "need at least 2 grid points");
        var g = new double[points];
        for (var k = 0; k < points; k++) g[k] = from + (to - from) * k / (points - 1);
        return g;
    }

    /// <summary>Estimates one curve on a given grid, with summary features papers read off the plot.</summary>
    public static DensityCurve Estimate(IReadOnlyList<double> x, BandwidthRule rule, double? fixedBandwidth, IReadOnlyList<double> grid)
    {
        var warnings = new List<AnalysisWarning>();
        var h = rule == BandwidthRule.Fixed
            ? fixedBandwidth ?? throw new ArgumentException("A fixed bandwidth needs a value.", nameof(fixedBandwidth))
            : Bandwidth(x, rule, warnings);
        var f = Evaluate(x, h, grid);
        var mode = 0;
        var peaks = 0;
        for (var k = 0; k < f.Length; k++)
        {
            if (f[k] > f[mode]) mode = k;
            var left = k == 0 ? double.NegativeInfinity : f[k - 1];
            var right = k == f.Length - 1 ? double.NegativeInfinity : f[k + 1];
            if (f[k] > left && f[k] >= right) peaks++;
        }
        var arr = x.ToArray();
        return new DensityCurve(arr.Length, h, grid.ToArray(), f, Dispersion.Mean(arr),
            arr.Length > 1 ? Dispersion.StandardDeviation(arr) : 0, grid[mode], peaks, warnings);
    }
}
