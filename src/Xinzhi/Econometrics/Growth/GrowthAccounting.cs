using Xinzhi.Data;
using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Econometrics.Growth;

/// <summary>How factor shares enter the TFP residual (domain register T18).</summary>
public enum GrowthIndex
{
    /// <summary>Törnqvist: s̄_t = ½(s_t + s_{t−1}), the labour share averaged over adjacent periods (PWT's rtfpna rule).</summary>
    Tornqvist,

    /// <summary>Solow residual with a fixed share: the given value, or the entity's mean labour share over its sample.</summary>
    Solow,
}

/// <summary>Options of <see cref="GrowthAccounting.Compute"/>.</summary>
public sealed record GrowthAccountingOptions
{
    public GrowthIndex Index { get; init; } = GrowthIndex.Tornqvist;

    /// <summary>Period whose TFP level is 1 (PWT: 2011). Null: each entity's first period.</summary>
    public int? BaseYear { get; init; }
}

/// <summary>One entity-period of a growth decomposition. Growth rates are log differences from the previous observed period.</summary>
public sealed record GrowthRow(string Id, int Time, double DlnY, double DlnK, double DlnL, double LaborShare, double DlnTfp,
    double Tfp, double ContributionK, double ContributionL, int SourceRow);

/// <summary>Result of a growth-accounting run.</summary>
public sealed record GrowthAccountingResult(
    IReadOnlyList<GrowthRow> Rows,
    GrowthIndex Index,
    string ShareSource,
    double? EstimatedLaborShare,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Growth accounting with constant returns: Δln TFP_t = Δln Y_t − (1 − s̄_t) Δln K_t − s̄_t Δln L_t, with s the labour
/// share (Solow 1957; Törnqvist shares as in the Penn World Table, Feenstra, Inklaar and Timmer 2015). TFP levels
/// are chained: ln TFP_t = ln TFP_{t−1} + Δln TFP_t, normalised to 1 in the base year.
/// </summary>
public static class GrowthAccounting
{
    /// <param name="laborShare">Labour share per row, or null to use <paramref name="fixedLaborShare"/>.</param>
    /// <param name="fixedLaborShare">Constant labour share; when both are null, α is estimated by the within
    /// regression ln(Y/L) = a_i + (1 − s) ln(K/L) (Cobb-Douglas, CRS) and s = 1 − α̂.</param>
    /// <param name="sourceRows">1-based source row numbers for messages (null: index + 2).</param>
    public static GrowthAccountingResult Compute(string[] ids, int[] times, double[] y, double[] k, double[] l,
        double[]? laborShare, double? fixedLaborShare, GrowthAccountingOptions? options = null, string source = "data",
        int[]? sourceRows = null)
    {
        options ??= new GrowthAccountingOptions();
        var n = ids.Length;
        if (times.Length != n || y.Length != n || k.Length != n || l.Length != n || laborShare is not null && laborShare.Length != n)
            throw new ArgumentException("All columns must have one value per row.");
        if (n == 0) throw new DataValidationException(new DataIssue(source, null, null, "no observations"));
        int Row(int i) => sourceRows?[i] ?? i + 2;
        var issues = new Data.DataIssueCollector();
        void Positive(double[] v, string col)
        {
            for (var i = 0; i < n; i++)
                if (!(v[i] > 0) || !double.IsFinite(v[i]))
                    issues.Add(source, Row(i), col, $"value {v[i]} must be positive and finite (growth rates are log differences)");
        }
        Positive(y, "output");
        Positive(k, "capital");
        Positive(l, "labor");
        if (laborShare is not null)
            for (var i = 0; i < n; i++)
                if (!(laborShare[i] > 0 && laborShare[i] < 1))
                    issues.Add(source, Row(i), "labor-share", $"labour share {laborShare[i]} must lie in (0, 1)");
        if (fixedLaborShare is { } fs && !(fs > 0 && fs < 1))
            throw new SpecificationException($"--labor-share {fs} must lie in (0, 1)");
        issues.ThrowIfAny();

        var warnings = new List<string>();
        double? estimated = null;
        string shareSource;
        if (laborShare is null && fixedLaborShare is null)
        {
            var ly = new double[n];
            var lk = new double[n];
            for (var i = 0; i < n; i++) { ly[i] = Math.Log(y[i] / l[i]); lk[i] = Math.Log(k[i] / l[i]); }
            var entities = ids.Distinct(StringComparer.Ordinal).Count();
            var fit = LinearRegression.Fit(LinearRegression.Demean(ly, ids), [LinearRegression.Demean(lk, ids)], ["ln(K/L)"],
                absorbedDegreesOfFreedom: entities);
            var alpha = fit.Coefficients[0];
            if (!(alpha > 0 && alpha < 1))
                throw new SpecificationException(
                    $"the estimated capital elasticity α = {alpha:G4} is outside (0, 1); give --labor-share explicitly");
            estimated = 1 - alpha;
            fixedLaborShare = estimated;
            shareSource = $"estimated: within regression of ln(Y/L) on ln(K/L), alpha = {alpha:R}";
        }
        else shareSource = laborShare is not null ? "column" : "fixed value";

        // Group rows by entity (first appearance), ordered by period.
        var rows = new List<GrowthRow>(n);
        foreach (var (id, g) in EntityGroups.ByEntity(ids, times))
        {
            for (var r = 1; r < g.Count; r++)
                if (times[g[r]] == times[g[r - 1]])
                    throw new DataValidationException(new DataIssue(source, Row(g[r]), "time", $"duplicate period {times[g[r]]} for '{id}'"));
            var meanShare = 0.0;
            if (laborShare is not null) { foreach (var i in g) meanShare += laborShare[i]; meanShare /= g.Count; }
            var lnTfp = new double[g.Count];
            var entityRows = new GrowthRow[g.Count];
            for (var r = 0; r < g.Count; r++)
            {
                var i = g[r];
                double share = fixedLaborShare ?? (options.Index == GrowthIndex.Solow ? meanShare : laborShare![i]);
                if (r == 0)
                {
                    entityRows[r] = new GrowthRow(id, times[i], double.NaN, double.NaN, double.NaN, share, double.NaN, double.NaN,
                        double.NaN, double.NaN, Row(i));
                    continue;
                }
                var p = g[r - 1];
                if (times[i] - times[p] > 1)
                    warnings.Add($"'{id}': periods {times[p]} → {times[i]} are not adjacent; the growth rate spans the gap");
                if (laborShare is not null && fixedLaborShare is null && options.Index == GrowthIndex.Tornqvist)
                    share = 0.5 * (laborShare[i] + laborShare[p]);
                var dy = Math.Log(y[i] / y[p]);
                var dk = Math.Log(k[i] / k[p]);
                var dl = Math.Log(l[i] / l[p]);
                var ck = (1 - share) * dk;
                var cl = share * dl;
                var dtfp = dy - ck - cl;
                lnTfp[r] = lnTfp[r - 1] + dtfp;
                entityRows[r] = new GrowthRow(id, times[i], dy, dk, dl, share, dtfp, double.NaN, ck, cl, Row(i));
            }
            // Normalise the chained level to 1 in the base year (or the first period).
            var baseIndex = 0;
            if (options.BaseYear is { } by)
            {
                baseIndex = g.FindIndex(i => times[i] == by);
                if (baseIndex < 0)
                {
                    warnings.Add($"'{id}' has no observation in base year {by}; its TFP level is 1 in its first period {times[g[0]]}");
                    baseIndex = 0;
                }
            }
            for (var r = 0; r < g.Count; r++)
                rows.Add(entityRows[r] with { Tfp = Math.Exp(lnTfp[r] - lnTfp[baseIndex]) });
        }
        return new GrowthAccountingResult(rows, options.Index, shareSource, estimated, warnings);
    }
}
