using Xinzhi.Data;

namespace Xinzhi.Analysis.Inequality;

/// <summary>One group's part of a Theil decomposition.</summary>
/// <param name="Mean">The group's (weighted) mean ȳ_g.</param>
/// <param name="Index">The group's own index (T_g or L_g).</param>
/// <param name="Weight">S_g = W_g ȳ_g/ȳ (income share) for Theil T, W_g (population share) for Theil L.</param>
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
    /// <summary>Theil T = GE(1) = Σ_i W_i (y_i/ȳ) ln(y_i/ȳ); within weights are income shares.</summary>
    T,

    /// <summary>Theil L = GE(0) = mean log deviation Σ_i W_i ln(ȳ/y_i); within weights are population shares.</summary>
    L,
}

/// <summary>
/// Theil (1967) indices with the additive decomposition by groups (Shorrocks 1980). With unit weights W_i = 1/n
/// (the default) T = (1/n) Σ (y_i/ȳ) ln(y_i/ȳ); with population weights P_i (W_i = P_i/P, ȳ = Σ W_i y_i, y per
/// capita) T = Σ_i (Y_i/Y) ln[(Y_i/Y)/(P_i/P)], the population-weighted regional Theil of domain.md §5.2:
/// <code>
/// T = Σ_g S_g T_g + Σ_g S_g ln(ȳ_g/ȳ),   S_g = W_g ȳ_g/ȳ,   W_g = Σ_{i∈g} W_i
/// L = Σ_g W_g L_g + Σ_g W_g ln(ȳ/ȳ_g)
/// </code>
/// Both are undefined for y ≤ 0: such values are an error, never dropped.
/// </summary>
public static class TheilDecomposition
{
    /// <summary>Theil index of <paramref name="y"/> with optional non-negative weights (population).</summary>
    public static double Index(IReadOnlyList<double> y, TheilKind kind, IReadOnlyList<double>? weights = null, string source = "theil")
    {
        var w = Normalised(y, weights, source);
        var m = 0.0;
        for (var i = 0; i < y.Count; i++) m += w[i] * y[i];
        var s = 0.0;
        for (var i = 0; i < y.Count; i++)
        {
            var r = y[i] / m;
            s += w[i] * (kind == TheilKind.T ? r * Math.Log(r) : -Math.Log(r));
        }
        return s;
    }

    /// <summary>Theil index of <paramref name="y"/> decomposed by <paramref name="groups"/>.</summary>
    /// <exception cref="DataValidationException">A value ≤ 0 or not finite, a negative or all-zero weight, or a
    /// group smaller than <paramref name="minimumGroupSize"/>.</exception>
    public static TheilResult Compute(IReadOnlyList<double> y, IReadOnlyList<string> groups, TheilKind kind,
        int minimumGroupSize = 2, IReadOnlyList<double>? weights = null, string source = "theil")
    {
        if (y.Count != groups.Count) throw new ArgumentException("values and groups must have the same length.");
        var w = Normalised(y, weights, source);
        var total = Index(y, kind, w, source);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < y.Count; i++)
        {
            if (!members.TryGetValue(groups[i], out var list)) { list = []; members.Add(groups[i], list); order.Add(groups[i]); }
            list.Add(i);
        }
        var issues = new DataIssueCollector();
        foreach (var g in order)
            if (members[g].Count < minimumGroupSize)
                issues.Add(source, null, null, $"group '{g}' has {members[g].Count} member(s); at least {minimumGroupSize} are required");
        issues.ThrowIfAny();

        var mean = 0.0;
        for (var i = 0; i < y.Count; i++) mean += w[i] * y[i];
        double within = 0, between = 0;
        var result = new List<TheilGroup>();
        foreach (var g in order)
        {
            var idx = members[g];
            var wg = idx.Sum(i => w[i]);
            if (!(wg > 0)) throw new DataValidationException(new DataIssue(source, null, null, $"group '{g}' has zero total weight"));
            var yg = idx.Select(i => y[i]).ToArray();
            var mg = idx.Sum(i => w[i] * y[i]) / wg;
            var ig = Index(yg, kind, idx.Select(i => w[i]).ToArray(), source);
            double share;
            if (kind == TheilKind.T)
            {
                share = wg * mg / mean;
                between += share * Math.Log(mg / mean);
            }
            else
            {
                share = wg;
                between += share * Math.Log(mean / mg);
            }
            within += share * ig;
            result.Add(new TheilGroup(g, idx.Count, mg, ig, share, share * ig));
        }
        return new TheilResult(total, within, between, result);
    }

    /// <summary>Validates y &gt; 0 and the weights, and returns weights summing to 1 (1/n without weights).</summary>
    private static double[] Normalised(IReadOnlyList<double> y, IReadOnlyList<double>? weights, string source)
    {
        if (y.Count == 0) throw new DataValidationException(new DataIssue(source, null, null, "no values"));
        var issues = new DataIssueCollector();
        for (var i = 0; i < y.Count; i++)
            if (!(y[i] > 0) || !double.IsFinite(y[i]))
                issues.Add(source, null, null, $"value {i + 1} is {y[i]}; the Theil index needs strictly positive values (ln y)");
        if (weights is not null && weights.Count != y.Count)
            throw new ArgumentException($"Expected {y.Count} weights, got {weights.Count}.", nameof(weights));
        var sum = 0.0;
        if (weights is not null)
            for (var i = 0; i < y.Count; i++)
            {
                if (!(weights[i] >= 0) || !double.IsFinite(weights[i])) issues.Add(source, null, null, $"weight {i + 1} is {weights[i]}; weights must be non-negative");
                else sum += weights[i];
            }
        issues.ThrowIfAny();
        if (weights is not null && !(sum > 0)) throw new DataValidationException(new DataIssue(source, null, null, "all weights are zero"));
        var w = new double[y.Count];
        for (var i = 0; i < w.Length; i++) w[i] = weights is null ? 1.0 / y.Count : weights[i] / sum;
        return w;
    }
}
