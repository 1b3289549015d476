using Xinzhi.Analysis.Spatial;
using Xinzhi.Data;
using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Analysis.Convergence;

/// <summary>Which β-convergence regression.</summary>
public enum BetaConvergenceType
{
    /// <summary>Growth on the initial level only.</summary>
    Absolute,

    /// <summary>Growth on the initial level plus controls (and, with fixed effects, entity and period effects).</summary>
    Conditional,
}

/// <summary>One estimated convergence regression.</summary>
/// <param name="Model">pooled-ols, two-way-fe, cross-section, or slx-two-way-fe.</param>
/// <param name="Tau">Years spanned by one growth observation (the left-hand side is not divided by τ, except in the
/// cross-section where it is the average annual growth).</param>
/// <param name="Speed">λ = −ln(1 + β)/τ (panel) or −ln(1 + Tβ)/T (cross-section of average growth).</param>
/// <param name="HalfLife">ln 2 / λ; NaN when λ ≤ 0 (no convergence; a warning says so).</param>
public sealed record BetaModel(string Model, RegressionResult Regression, double Beta, double Tau, double Speed, double HalfLife, int Entities);

public sealed record BetaConvergenceResult(IReadOnlyList<BetaModel> Models, IReadOnlyList<AnalysisWarning> Warnings);

/// <summary>
/// β convergence (Barro &amp; Sala-i-Martin 1992):
/// <code>
/// panel:          ln(y_{i,t+τ}/y_{i,t}) = α + β ln y_{i,t} [+ γ'X_{i,t}] [+ μ_i + η_t] + ε,  λ = −ln(1 + β)/τ
/// cross-section:  ln(y_{i,T}/y_{i,0})/T = α + β ln y_{i,0} + ε,                          λ = −ln(1 + Tβ)/T
/// spatial (SLX):  ln(y_{i,t+τ}/y_{i,t}) = β ln y_{i,t} + θ (W ln y_t)_i [+ γ'X + (W X)'δ] + μ_i + η_t + ε
/// </code>
/// Half-life = ln 2/λ. Pooled OLS and two-way fixed effects (within-entity transform plus period dummies, exact on
/// unbalanced panels by Frisch–Waugh–Lovell) use standard errors clustered by entity. The spatial model is SLX
/// (spatially lagged regressors, Halleck Vega &amp; Elhorst 2015) estimated by OLS: it is not a SAR/SDM maximum-likelihood
/// model and does not model spatial dependence of the growth rate itself.
/// </summary>
public static class BetaConvergence
{
    public static BetaConvergenceResult Fit(Panel panel, string value, BetaConvergenceType type, IReadOnlyList<string> controls,
        SpatialWeights? weights = null)
    {
        if (!panel.HasTime) throw new SpecificationException("β convergence needs a time column.");
        if (type == BetaConvergenceType.Absolute && controls.Count > 0)
            throw new SpecificationException("absolute β convergence takes no controls; use --type beta-conditional.");
        var p = panel.SortedByEntityAndTime();
        var y = p.Variable(value);
        var issues = new DataIssueCollector();
        for (var i = 0; i < p.RowCount; i++)
            if (!(y[i] > 0)) issues.Add(p.Source, p.SourceRows[i], value, $"value {y[i]} is not positive; growth rates take logs");
        issues.ThrowIfAny();
        var periods = p.Periods;
        if (periods.Length < 2) throw new DataValidationException(new DataIssue(p.Source, null, null, "β convergence needs at least two periods"));
        var tau = periods[1] - periods[0];
        for (var k = 2; k < periods.Length; k++)
            if (periods[k] - periods[k - 1] != tau)
                throw new DataValidationException(new DataIssue(p.Source, null, p.TimeColumn, $"periods are not equally spaced ({periods[k - 1]} → {periods[k]})"));

        // Spatial lags of ln y and of the controls per period (W aligned to each period's entities).
        double[]? wLogY = null;
        var wControls = new Dictionary<string, double[]>();
        var warnings = new List<AnalysisWarning>();
        if (weights is not null)
        {
            warnings.AddRange(weights.Warnings());
            wLogY = new double[p.RowCount];
            foreach (var c in controls) wControls[c] = new double[p.RowCount];
            foreach (var t in periods)
            {
                var rows = p.RowsInPeriod(t);
                var w = weights.Align(rows.Select(i => p.Ids[i]).ToArray(), $"{p.Source} (period {t})");
                var lag = w.Lag(rows.Select(i => Math.Log(y[i])).ToArray());
                for (var k = 0; k < rows.Length; k++) wLogY[rows[k]] = lag[k];
                foreach (var c in controls)
                {
                    var xc = p.Variable(c);
                    var lc = w.Lag(rows.Select(i => xc[i]).ToArray());
                    for (var k = 0; k < rows.Length; k++) wControls[c][rows[k]] = lc[k];
                }
            }
        }

        // Growth observations: consecutive periods of the same entity.
        var g = new List<double>();
        var lnY = new List<double>();
        var ids = new List<string>();
        var start = new List<int>();
        var origin = new List<int>();
        for (var i = 0; i + 1 < p.RowCount; i++)
        {
            if (p.Ids[i] != p.Ids[i + 1] || p.Times![i + 1] - p.Times[i] != tau) continue;
            g.Add(Math.Log(y[i + 1] / y[i]));
            lnY.Add(Math.Log(y[i]));
            ids.Add(p.Ids[i]);
            start.Add(p.Times[i]);
            origin.Add(i);
        }
        var n = g.Count;
        if (n < 3) throw new DataValidationException(new DataIssue(p.Source, null, null, $"only {n} growth observation(s)"));
        var ctrl = controls.Select(c => { var v = p.Variable(c); return origin.Select(i => v[i]).ToArray(); }).ToList();

        var models = new List<BetaModel>();
        var entities = ids.Distinct().Count();

        // Pooled OLS.
        var cols = new List<double[]> { Enumerable.Repeat(1.0, n).ToArray(), lnY.ToArray() };
        var names = new List<string> { "const", "ln_y0" };
        cols.AddRange(ctrl);
        names.AddRange(controls);
        var pooled = LinearRegression.Fit(g.ToArray(), cols, names, CovarianceType.Clustered, ids);
        models.Add(Model("pooled-ols", pooled, tau, entities, warnings));

        // Two-way fixed effects: within-entity transform of y, x and period dummies (first period omitted).
        var fe = TwoWay(g, lnY.ToArray(), ctrl, controls, ids, start, null, null);
        models.Add(Model("two-way-fe", fe, tau, entities, warnings));

        if (wLogY is not null)
        {
            var spatialCtrl = controls.Select(c => origin.Select(i => wControls[c][i]).ToArray()).ToList();
            var slx = TwoWay(g, lnY.ToArray(), ctrl, controls, ids, start,
                [origin.Select(i => wLogY[i]).ToArray(), .. spatialCtrl],
                ["w_ln_y0", .. controls.Select(c => "w_" + c)]);
            models.Add(Model("slx-two-way-fe", slx, tau, entities, warnings));
        }

        if (type == BetaConvergenceType.Absolute)
        {
            // Cross-section of average annual growth between the first and last period.
            var first = periods[0];
            var last = periods[^1];
            var span = last - first;
            var byId = new Dictionary<string, (double First, double Last, int Found)>(StringComparer.Ordinal);
            for (var i = 0; i < p.RowCount; i++)
            {
                byId.TryGetValue(p.Ids[i], out var a);
                if (p.Times![i] == first) a = (y[i], a.Last, a.Found | 1);
                if (p.Times[i] == last) a = (a.First, y[i], a.Found | 2);
                byId[p.Ids[i]] = a;
            }
            var complete = byId.Where(kv => kv.Value.Found == 3).ToArray();
            if (complete.Length < byId.Count)
                warnings.Add(new AnalysisWarning("incomplete-entity", $"{byId.Count - complete.Length} entit(ies) lack the first or last period and are left out of the cross-section"));
            if (complete.Length >= 3)
            {
                var cy = complete.Select(kv => Math.Log(kv.Value.Last / kv.Value.First) / span).ToArray();
                var cx = complete.Select(kv => Math.Log(kv.Value.First)).ToArray();
                var cs = LinearRegression.Fit(cy, [Enumerable.Repeat(1.0, cy.Length).ToArray(), cx], ["const", "ln_y0"], CovarianceType.HC1);
                var beta = cs.Coefficient("ln_y0");
                var speed = 1 + span * beta > 0 ? -Math.Log(1 + span * beta) / span : double.NaN;
                if (!(speed > 0))
                    warnings.Add(new AnalysisWarning("no-convergence", $"cross-section: β = {beta:G6}: no β convergence" +
                        (double.IsNaN(speed) ? "; 1 + Tβ ≤ 0, so λ is undefined" : $"; λ = {speed:G6} < 0 is a divergence rate") + " and there is no half-life"));
                models.Add(new BetaModel("cross-section", cs, beta, span, speed, speed > 0 ? Math.Log(2) / speed : double.NaN, complete.Length));
            }
        }
        return new BetaConvergenceResult(models, warnings);
    }

    private static RegressionResult TwoWay(List<double> g, double[] lnY, List<double[]> ctrl, IReadOnlyList<string> controls,
        List<string> ids, List<int> start, double[][]? extra, string[]? extraNames)
    {
        var cols = new List<double[]> { LinearRegression.Demean(lnY, ids) };
        var names = new List<string> { "ln_y0" };
        // Order: ln y, W ln y, controls, W controls, period dummies.
        if (extra is not null) { cols.Add(LinearRegression.Demean(extra[0], ids)); names.Add(extraNames![0]); }
        for (var c = 0; c < ctrl.Count; c++) { cols.Add(LinearRegression.Demean(ctrl[c], ids)); names.Add(controls[c]); }
        if (extra is not null)
            for (var k = 1; k < extra.Length; k++) { cols.Add(LinearRegression.Demean(extra[k], ids)); names.Add(extraNames![k]); }
        var times = start.Distinct().Order().ToArray();
        for (var k = 1; k < times.Length; k++)
        {
            var d = start.Select(t => t == times[k] ? 1.0 : 0.0).ToArray();
            cols.Add(LinearRegression.Demean(d, ids));
            names.Add($"period_{times[k]}");
        }
        var entities = ids.Distinct().Count();
        return LinearRegression.Fit(LinearRegression.Demean(g.ToArray(), ids), cols, names, CovarianceType.Clustered, ids, absorbedDegreesOfFreedom: entities);
    }

    private static BetaModel Model(string name, RegressionResult r, int tau, int entities, List<AnalysisWarning> warnings)
    {
        var beta = r.Coefficient("ln_y0");
        var speed = 1 + beta > 0 ? -Math.Log(1 + beta) / tau : double.NaN;
        var half = speed > 0 ? Math.Log(2) / speed : double.NaN;
        if (!(speed > 0))
            warnings.Add(new AnalysisWarning("no-convergence", 1 + beta > 0
                ? $"{name}: β = {beta:G6} ≥ 0: no β convergence; λ = {speed:G6} < 0 is a divergence rate and there is no half-life"
                : $"{name}: β = {beta:G6} ≤ −1: λ = −ln(1 + β) is undefined (overshooting); no speed or half-life"));
        return new BetaModel(name, r, beta, tau, speed, half, entities);
    }
}
