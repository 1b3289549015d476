using Xinzhi.Data;

namespace Xinzhi.Analysis.Inequality;

/// <summary>One group's part of a Theil decomposition.</summary>
/// <param name="Index">The group's own index (T_g or L_g).</param>
/// <param name="Weight">s_g = n_g ȳ_g/(n ȳ) for Theil T, p_g = n_g/n for Theil L.</param>
/// <param name="WithinContribution">Weight × Index.</param>
public sealed record TheilGroup(string Group, int Count, double Mean, double Index, double Weight, double WithinContribution);

/// <summary>A Theil index with its within/between split (both parts are empty for an ungrouped call).</summary>
public sealed record TheilResult(double Total, double Within, double Between, IReadOnlyList<TheilGroup> Groups)
{
    /// <summary>Total − (Within + Between): a floating-point diagnostic of the exact identity.</summary>
    public double IdentityResidual => Groups.Count == 0 ? 0 : Total - (Within + Between);
}

/// <summary>Which member of the generalised-entropy family.</summary>
public enum TheilKind
{
    /// <summary>Theil T = GE(1) = (1/n) Σ (y_i/ȳ) ln(y_i/ȳ); within weights are income shares s_g.</summary>
    T,

    /// <summary>Theil L = GE(0) = mean log deviation (1/n) Σ ln(ȳ/y_i); within weights are population shares p_g.</summary>
    L,
}

/// <summary>
/// Theil (1967) indices with the additive decomposition by groups (Shorrocks 1980):
/// <code>
/// T = Σ_g s_g T_g + Σ_g s_g ln(ȳ_g/ȳ),   s_g = n_g ȳ_g/(n ȳ)
/// L = Σ_g p_g L_g + Σ_g p_g ln(ȳ/ȳ_g),   p_g = n_g/n
/// </code>
/// Both are undefined for y ≤ 0: such values are an error, never dropped.
/// </summary>
public static class TheilDecomposition
{
    public static double Index(IReadOnlyList<double> y, TheilKind kind, string source = "theil")
    {
        Validate(y, source);
        var m = 0.0;
        for (var i = 0; i < y.Count; i++) m += y[i];
        m /= y.Count;
        var s = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var r = y[i] / m;
            s += kind == TheilKind.T ? r * Math.Log(r) : -Math.Log(r);
        }
        return s / y.Count;
    }

    /// <summary>Theil index of <paramref name="y"/> decomposed by <paramref name="groups"/>.</summary>
    /// <exception cref="DataValidationException">A value ≤ 0 or not finite, or a group smaller than
    /// <paramref name="minimumGroupSize"/>.</exception>
    public static TheilResult Compute(IReadOnlyList<double> y, IReadOnlyList<string> groups, TheilKind kind,
        int minimumGroupSize = 2, string source = "theil")
    {
        if (y.Count != groups.Count) throw new ArgumentException("values and groups must have the same length.");
        var total = Index(y, kind, source);
        var members = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < y.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list)) { list = []; members.Add(groups[i], list); order.Add(groups[i]); }
            list.Add(y[i]);
        }
        var issues = new DataIssueCollector();
        foreach (var g in order)
            if (members[g].Count < minimumGroupSize)
                issues.Add(source, null, null, $"group '{g}' has {members[g].Count} member(s); at least {minimumGroupSize} are required");
        issues.ThrowIfAny();

        var n = y.Count;
        var mean = 0.0;
        for (var i = 0; i < n; i++) mean += y[i];
        mean /= n;
        double within = 0, between = 0;
        var result = new List<TheilGroup>();
        foreach (var g in order)
        {
            var list = members[g];
            var mg = list.Average();
            var ig = Index(list, kind, source);
            double weight;
            if (kind == TheilKind.T)
            {
                weight = list.Count * mg / (n * mean);
                between += weight * Math.Log(mg / mean);
            }
            else
            {
                weight = (double)list.Count / n;
                between += weight * Math.Log(mean / mg);
            }
            within += weight * ig;
            result.Add(new TheilGroup(g, list.Count, mg, ig, weight, weight * ig));
        }
        return new TheilResult(total, within, between, result);
    }

    private static void Validate(IReadOnlyList<double> y, string source)
    {
        if (y.Count == 0) throw new DataValidationException(new DataIssue(source, null, null, "no values"));
        var issues = new DataIssueCollector();
        for (var i = 0; i < y.Count; i++)
            if (!(y[i] > 0) || !double.IsFinite(y[i]))
                issues.Add(source, null, null, $"value {i + 1} is {y[i]}; the Theil index needs strictly positive values (ln y)");
        issues.ThrowIfAny();
    }
}
