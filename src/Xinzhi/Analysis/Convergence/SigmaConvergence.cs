using Xinzhi.Analysis.Inequality;
using Xinzhi.Data;
using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Analysis.Convergence;

/// <summary>Dispersion of one period.</summary>
/// <param name="StandardDeviationOfLogs">sd of ln y (NaN when some y ≤ 0; a warning says so).</param>
public sealed record SigmaPeriod(int Time, int Count, double Mean, double StandardDeviation, double CoefficientOfVariation, double StandardDeviationOfLogs);

/// <summary>σ per period and the OLS trend of σ on time (a negative slope is σ convergence).</summary>
public sealed record SigmaResult(IReadOnlyList<SigmaPeriod> Periods, RegressionResult? CvTrend, RegressionResult? SdLogTrend, IReadOnlyList<AnalysisWarning> Warnings);

/// <summary>
/// σ convergence: σ_t = sd_i(y_it)/mean_i(y_it) (coefficient of variation, sample sd) or sd_i(ln y_it); σ falling
/// over t means convergence. The trend σ_t = a + b·t is fitted by OLS (classical standard errors).
/// </summary>
public static class SigmaConvergence
{
    public static SigmaResult Compute(Panel panel, string value)
    {
        if (!panel.HasTime) throw new SpecificationException("σ convergence needs a time column.");
        var y = panel.Variable(value);
        var warnings = new List<AnalysisWarning>();
        var periods = new List<SigmaPeriod>();
        var anyNonPositive = false;
        foreach (var t in panel.Periods)
        {
            var x = panel.RowsInPeriod(t).Select(i => y[i]).ToArray();
            if (x.Length < 2) throw new DataValidationException(new DataIssue(panel.Source, null, value, $"period {t} has {x.Length} value(s); σ needs at least 2"));
            var positive = x.All(v => v > 0);
            anyNonPositive |= !positive;
            var sd = Dispersion.StandardDeviation(x);
            periods.Add(new SigmaPeriod(t, x.Length, Dispersion.Mean(x), sd, sd / Dispersion.Mean(x),
                positive ? Dispersion.StandardDeviation(x.Select(v => Math.Log(v)).ToArray()) : double.NaN));
        }
        if (anyNonPositive) warnings.Add(new AnalysisWarning("non-positive", $"'{value}' has values ≤ 0; the sd of logs is left empty for those periods"));
        RegressionResult? Trend(Func<SigmaPeriod, double> f)
        {
            var pts = periods.Where(p => double.IsFinite(f(p))).ToArray();
            if (pts.Length < 3) return null;
            return LinearRegression.Fit(pts.Select(f).ToArray(), [pts.Select(_ => 1.0).ToArray(), pts.Select(p => (double)p.Time).ToArray()], ["const", "time"]);
        }
        if (periods.Count < 3) warnings.Add(new AnalysisWarning("short-panel", "fewer than 3 periods: no σ trend regression"));
        return new SigmaResult(periods, Trend(p => p.CoefficientOfVariation), Trend(p => p.StandardDeviationOfLogs), warnings);
    }
}
