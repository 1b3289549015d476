using System.Globalization;

namespace Xinzhi.Data;

/// <summary>
/// Checks that methods call on a loaded <see cref="Panel"/> before they compute. Each check reports every offending
/// cell at once (file, source row, column) in one <see cref="DataValidationException"/> (exit code 2).
/// </summary>
public static class PanelValidation
{
    /// <summary>
    /// Requires strictly positive values, e.g. for logarithms, DEA inputs and outputs, ratio normalisation, GM(1,1).
    /// </summary>
    /// <param name="reason">Why the method needs positive values; appended to every message
    /// (e.g. "the SBM model needs positive inputs").</param>
    /// <exception cref="DataValidationException">Any value is zero, negative or missing.</exception>
    public static void RequirePositive(Panel panel, IEnumerable<string> columns, string reason)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var issues = new DataIssueCollector();
        foreach (var column in columns)
        {
            var v = VariableOrIssue(panel, column, issues);
            if (v is null) continue;
            for (var i = 0; i < v.Length; i++)
            {
                if (v[i] > 0) continue;
                var what = double.IsNaN(v[i]) ? "missing value" : $"non-positive value {Format(v[i])}";
                issues.Add(panel.Source, panel.SourceRows[i], column, $"{what}{At(panel, i)}: {reason}");
            }
        }
        issues.ThrowIfAny();
    }

    /// <summary>Requires values ≥ 0 (e.g. undesirable outputs, counts).</summary>
    public static void RequireNonNegative(Panel panel, IEnumerable<string> columns, string reason)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var issues = new DataIssueCollector();
        foreach (var column in columns)
        {
            var v = VariableOrIssue(panel, column, issues);
            if (v is null) continue;
            for (var i = 0; i < v.Length; i++)
                if (!(v[i] >= 0))
                    issues.Add(panel.Source, panel.SourceRows[i], column,
                        $"{(double.IsNaN(v[i]) ? "missing value" : $"negative value {Format(v[i])}")}{At(panel, i)}: {reason}");
        }
        issues.ThrowIfAny();
    }

    /// <summary>
    /// Requires every column to vary: a constant indicator carries no information (entropy weight 0/0, zero
    /// variance in z-scores, min = max in min-max normalisation). With <paramref name="withinPeriod"/> each period is
    /// checked on its own, as per-period normalisation needs.
    /// </summary>
    /// <exception cref="DataValidationException">A column (or a column within a period) is constant.</exception>
    public static void RequireNonConstant(Panel panel, IEnumerable<string> columns, bool withinPeriod = false)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var issues = new DataIssueCollector();
        var groups = withinPeriod && panel.HasTime
            ? panel.Periods.Select(p => (Label: $" in period {p}", Rows: panel.RowsInPeriod(p))).ToArray()
            : [(Label: "", Rows: Enumerable.Range(0, panel.RowCount).ToArray())];
        foreach (var column in columns)
        {
            var v = VariableOrIssue(panel, column, issues);
            if (v is null) continue;
            foreach (var (label, rows) in groups)
            {
                double first = double.NaN;
                var constant = true;
                var seen = 0;
                foreach (var r in rows)
                {
                    if (double.IsNaN(v[r])) continue;
                    if (seen++ == 0) first = v[r];
                    else if (v[r] != first) { constant = false; break; }
                }
                if (seen == 0 || !constant) continue;
                var firstRow = rows.Length > 0 ? panel.SourceRows[rows[0]] : (int?)null;
                var lastRow = rows.Length > 0 ? panel.SourceRows[rows[^1]] : (int?)null;
                issues.Add(panel.Source, firstRow, column,
                    $"constant indicator{label}: every value is {Format(first)} (rows {firstRow}–{lastRow}); " +
                    "it carries no information and breaks normalisation; drop it or check the data");
            }
        }
        issues.ThrowIfAny();
    }

    /// <summary>Requires no missing value in the columns (for methods that run after an optional fill).</summary>
    public static void RequireComplete(Panel panel, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var issues = new DataIssueCollector();
        foreach (var column in columns)
        {
            var v = VariableOrIssue(panel, column, issues);
            if (v is null) continue;
            for (var i = 0; i < v.Length; i++)
                if (double.IsNaN(v[i]))
                    issues.Add(panel.Source, panel.SourceRows[i], column, $"missing value{At(panel, i)}");
        }
        issues.ThrowIfAny();
    }

    /// <summary>Requires a balanced panel: every entity observed in every period.</summary>
    public static void RequireBalanced(Panel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (!panel.HasTime) return;
        var issues = new DataIssueCollector();
        var have = new HashSet<(string, int)>();
        for (var i = 0; i < panel.RowCount; i++) have.Add((panel.Ids[i], panel.Times![i]));
        foreach (var e in panel.Entities)
        {
            var missing = panel.Periods.Where(p => !have.Contains((e, p))).ToArray();
            if (missing.Length > 0)
                issues.Add(panel.Source, null, panel.TimeColumn,
                    $"unbalanced panel: entity '{e}' has no row for period(s) {string.Join(", ", missing)}");
        }
        issues.ThrowIfAny();
    }

    private static double[]? VariableOrIssue(Panel panel, string column, DataIssueCollector issues)
    {
        if (panel.HasVariable(column)) return panel.Variable(column);
        issues.Add(panel.Source, null, column, $"column not loaded; available: {string.Join(", ", panel.VariableNames)}");
        return null;
    }

    private static string At(Panel panel, int i) =>
        panel.HasTime ? $" (entity '{panel.Ids[i]}', period {panel.Times![i]})" : $" (entity '{panel.Ids[i]}')";

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
