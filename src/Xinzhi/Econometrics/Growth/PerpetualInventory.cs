using Xinzhi.Data;
namespace Xinzhi.Econometrics.Growth;

/// <summary>Rule for the initial capital stock of the perpetual-inventory method (domain register T17).</summary>
public enum InitialStockRule
{
    /// <summary>K₀ = I₀/(g + δ), g the average annual growth rate of real investment over the first years (Hall-Jones style).</summary>
    Growth,

    /// <summary>K₀ = I₀/10% (Zhang, Wu and Zhang 2004; R CHNCapitalStock).</summary>
    TenPercent,
}

/// <summary>Options of <see cref="PerpetualInventory.Compute"/>; defaults are Zhang, Wu and Zhang (2004).</summary>
public sealed record PerpetualInventoryOptions
{
    /// <summary>Depreciation rate δ (Zhang 2004: 9.6%; 单豪杰 2008: 10.96%).</summary>
    public double Delta { get; init; } = 0.096;

    public InitialStockRule Initial { get; init; } = InitialStockRule.TenPercent;

    /// <summary>Number of first periods whose real-investment growth defines g in <see cref="InitialStockRule.Growth"/>.</summary>
    public int GrowthYears { get; init; } = 10;

    /// <summary>Period in which the deflator is rebased to 1 (prices of that year). Null: the deflator is used as given.</summary>
    public int? PriceBaseYear { get; init; }
}

/// <summary>One entity-period of the capital stock.</summary>
public sealed record CapitalRow(string Id, int Time, double Investment, double Deflator, double RealInvestment, double Capital);

/// <summary>
/// Perpetual-inventory capital stock K_t = (1 − δ)K_{t−1} + I_t/P_t (Goldsmith 1951; Zhang, Wu and Zhang 2004,
/// 经济研究 (10): 35–44), with K at the entity's first period from <see cref="InitialStockRule"/>.
/// </summary>
public static class PerpetualInventory
{
    /// <param name="deflator">Investment price index per row (null: investment is already real).</param>
    public static (IReadOnlyList<CapitalRow> Rows, IReadOnlyList<string> Warnings) Compute(string[] ids, int[] times,
        double[] investment, double[]? deflator, PerpetualInventoryOptions? options = null, string source = "data", int[]? sourceRows = null,
        string investmentColumn = "investment", string deflatorColumn = "deflator")
    {
        options ??= new PerpetualInventoryOptions();
        var n = ids.Length;
        if (!(options.Delta > 0 && options.Delta < 1)) throw new SpecificationException($"--delta {options.Delta} must lie in (0, 1)");
        if (options.GrowthYears < 1) throw new SpecificationException("--growth-years must be at least 1");
        int Row(int i) => sourceRows?[i] ?? i + 2;
        var issues = new Data.DataIssueCollector();
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(investment[i]))
                issues.Add(source, Row(i), investmentColumn, $"investment {investment[i]} is not a finite number");
            if (deflator is not null && (!(deflator[i] > 0) || !double.IsFinite(deflator[i])))
                issues.Add(source, Row(i), deflatorColumn, $"price index {deflator[i]} must be positive");
        }
        issues.ThrowIfAny();
        var warnings = new List<string>();
        // Negative gross investment (net disposals) occurs in yearbook data; the recursion handles it, but say so.
        for (var i = 0; i < n; i++)
            if (investment[i] < 0)
                warnings.Add($"{source}, row {Row(i)}, column '{investmentColumn}': negative investment {investment[i]} (kept)");
        var rows = new List<CapitalRow>(n);
        foreach (var (id, g) in EntityGroups.ByEntity(ids, times))
        {
            for (var r = 1; r < g.Count; r++)
            {
                if (times[g[r]] == times[g[r - 1]])
                    throw new DataValidationException(new DataIssue(source, Row(g[r]), "time", $"duplicate period {times[g[r]]} for '{id}'"));
                if (times[g[r]] - times[g[r - 1]] != 1)
                    throw new DataValidationException(new DataIssue(source, Row(g[r]), "time",
                        $"'{id}' jumps from {times[g[r - 1]]} to {times[g[r]]}: the perpetual inventory needs every year (use --fill)"));
            }
            var baseP = 1.0;
            if (deflator is not null && options.PriceBaseYear is { } py)
            {
                var bi = g.FindIndex(i => times[i] == py);
                if (bi < 0)
                    throw new DataValidationException(new DataIssue(source, Row(g[0]), deflatorColumn, $"'{id}' has no observation in price base year {py}"));
                baseP = deflator[g[bi]];
            }
            var real = new double[g.Count];
            for (var r = 0; r < g.Count; r++) real[r] = investment[g[r]] / (deflator is null ? 1 : deflator[g[r]] / baseP);
            double k0;
            if (options.Initial == InitialStockRule.TenPercent) k0 = real[0] / 0.1;
            else
            {
                var span = Math.Min(options.GrowthYears, g.Count - 1);
                if (span < 1 || !(real[0] > 0) || !(real[span] > 0))
                    throw new DataValidationException(new DataIssue(source, Row(g[0]), investmentColumn,
                        $"'{id}': the growth rule needs positive real investment in the first and {span + 1}-th periods"));
                var growth = Math.Pow(real[span] / real[0], 1.0 / span) - 1;
                if (growth + options.Delta <= 0)
                    throw new DataValidationException(new DataIssue(source, Row(g[0]), investmentColumn,
                        $"'{id}': g + δ = {growth + options.Delta:G4} ≤ 0; use --initial ten-percent"));
                k0 = real[0] / (growth + options.Delta);
            }
            var k = k0;
            for (var r = 0; r < g.Count; r++)
            {
                if (r > 0) k = (1 - options.Delta) * k + real[r];
                var i = g[r];
                rows.Add(new CapitalRow(id, times[i], investment[i], deflator is null ? 1 : deflator[i] / baseP, real[r], k));
            }
        }
        return (rows, warnings);
    }
}
