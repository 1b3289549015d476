using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace Xinzhi.Indices;

/// <summary>Consistency of one AHP comparison matrix (Saaty 1980).</summary>
public sealed record AhpConsistency(string Group, IReadOnlyList<string> Items, double LambdaMax, double ConsistencyIndex,
    double RandomIndex, double ConsistencyRatio, bool Accepted);

/// <summary>The columns one weighting sees: standardised values over the rows used, with names for messages.</summary>
internal sealed record WeightInput(double[][] Columns, string[] Names, string Group, string Source, int[] SourceRows)
{
    public int Rows => Columns.Length == 0 ? 0 : Columns[0].Length;
}

/// <summary>Diagnostics gathered while weighting.</summary>
internal sealed class WeightDiagnostics
{
    public Dictionary<string, (double Entropy, double Divergence)> Entropy { get; } = new(StringComparer.Ordinal);

    public List<AhpConsistency> Ahp { get; } = [];

    public List<string> Warnings { get; } = [];
}

/// <summary>
/// The weighting methods of domain.md §3.3 and §3.5, on standardised columns x'_ij (i over the N rows used).
/// Every method returns non-negative weights summing to 1.
/// </summary>
internal static class Weighting
{
    /// <summary>Saaty's random index RI for m = 1..15 (Saaty 1980; m ≤ 10 as in domain.md §3.5).</summary>
    public static readonly double[] RandomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    public static double[] Compute(WeightMethod method, WeightInput input, IndexOptions options, WeightDiagnostics diag)
    {
        var m = input.Columns.Length;
        if (m == 1) return [1.0];
        return method switch
        {
            WeightMethod.Single { Kind: WeightKind.Entropy } => Entropy(input, options.Zero, diag),
            WeightMethod.Single { Kind: WeightKind.Critic } => Critic(input, options.CriticConflict, options.CriticSd),
            WeightMethod.Single { Kind: WeightKind.Scatter } => Scatter(input),
            WeightMethod.Single { Kind: WeightKind.Cv } => CoefficientOfVariation(input),
            WeightMethod.Single { Kind: WeightKind.Equal } => Equal(m),
            WeightMethod.Single { Kind: WeightKind.Pca } => Pca(input, options.PcaRetention),
            WeightMethod.AhpMethod a => Ahp(a, input, options.ForceAhp, diag, options.AhpWeighting),
            WeightMethod.Product p => Product(p.Parts.Select(x => Compute(x, input, options, diag)).ToArray()),
            WeightMethod.Game g => GameCombination(g.Parts.Select(x => Compute(x, input, options, diag)).ToArray(), input.Group),
            WeightMethod.Mean mean => MeanOf(mean.Parts.Select(x => Compute(x, input, options, diag)).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown weighting"),
        };
    }

    public static double[] Equal(int m)
    {
        var w = new double[m];
        Array.Fill(w, 1.0 / m);
        return w;
    }

    /// <summary>
    /// Entropy weights: p_ij = x'_ij/Σ_i x'_ij, e_j = −(1/ln N) Σ_i p_ij ln p_ij (0·ln 0 := 0, or ln(p + ε)),
    /// d_j = 1 − e_j, w_j = d_j/Σ d_j.
    /// </summary>
    public static double[] Entropy(WeightInput input, ZeroHandling zero, WeightDiagnostics diag)
    {
        var m = input.Columns.Length;
        var n = input.Rows;
        if (n < 2) throw new DataValidationException(new DataIssue(input.Source, null, null, $"entropy weights need at least 2 rows ({input.Group} has {n})"));
        var k = 1.0 / Math.Log(n);
        var eps = zero.Kind == ZeroKind.Epsilon ? zero.A : 0.0;
        var d = new double[m];
        var issues = new List<DataIssue>();
        for (var j = 0; j < m; j++)
        {
            var col = input.Columns[j];
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (col[i] < 0)
                {
                    issues.Add(new DataIssue(input.Source, input.SourceRows[i], input.Names[j],
                        $"standardised value {col[i].ToString("G6", CultureInfo.InvariantCulture)} < 0: entropy needs non-negative values (use min-max, ratio, or a z-score shift that makes them positive)"));
                    break;
                }
                sum += col[i];
            }
            if (issues.Count > 0) continue;
            if (!(sum > 0))
            {
                issues.Add(new DataIssue(input.Source, null, input.Names[j], "all standardised values are 0: entropy is undefined (try --zero shift:0.0001)"));
                continue;
            }
            var h = 0.0;
            for (var i = 0; i < n; i++)
            {
                var p = col[i] / sum;
                if (eps > 0) h += p * Math.Log(p + eps);
                else if (p > 0) h += p * Math.Log(p);
            }
            var e = -k * h;
            // e_j ≤ 1 in exact arithmetic; clamp the rounding residue of a column with no variation.
            d[j] = Math.Max(0, 1 - e);
            diag.Entropy[input.Names[j]] = (e, 1 - e);
        }
        if (issues.Count > 0) throw new DataValidationException(issues);
        return Normalise(d, input, "entropy divergences 1 − e_j");
    }

    /// <summary>CRITIC: C_j = σ_j Σ_k (1 − r_jk) with sample σ and Pearson r on the standardised values; w = C/ΣC.</summary>
    public static double[] Critic(WeightInput input, CriticConflict conflict, StandardDeviation sdKind = StandardDeviation.Sample)
    {
        var m = input.Columns.Length;
        var n = input.Rows;
        var centred = CentreColumns(input, out var sd);
        RequireVariation(input, sd, "CRITIC (correlations)");
        // Correlations do not depend on the divisor; only the contrast term σ_j does.
        var contrast = new double[m];
        for (var j = 0; j < m; j++) contrast[j] = sdKind == StandardDeviation.Sample ? sd[j] : sd[j] * Math.Sqrt((n - 1.0) / n);
        var cj = new double[m];
        for (var j = 0; j < m; j++)
        {
            var s = 0.0;
            for (var k = 0; k < m; k++)
            {
                if (k == j) continue;
                var r = Dot(centred[j], centred[k]) / ((n - 1) * sd[j] * sd[k]);
                s += conflict == CriticConflict.OneMinusR ? 1 - r : 1 - Math.Abs(r);
            }
            cj[j] = contrast[j] * s;
        }
        return Normalise(cj, input, "CRITIC information C_j");
    }

    /// <summary>Coefficient of variation: v_j = sd_j/mean_j of the standardised values (sample sd); w = v/Σv.</summary>
    public static double[] CoefficientOfVariation(WeightInput input)
    {
        var m = input.Columns.Length;
        var n = input.Rows;
        var v = new double[m];
        var issues = new List<DataIssue>();
        for (var j = 0; j < m; j++)
        {
            var col = input.Columns[j];
            var mean = 0.0;
            for (var i = 0; i < n; i++) mean += col[i];
            mean /= n;
            var ss = 0.0;
            for (var i = 0; i < n; i++) ss += (col[i] - mean) * (col[i] - mean);
            if (!(mean > 0))
            {
                issues.Add(new DataIssue(input.Source, null, input.Names[j], "coefficient-of-variation weights need a positive mean of the standardised values"));
                continue;
            }
            v[j] = Math.Sqrt(ss / (n - 1)) / mean;
        }
        if (issues.Count > 0) throw new DataValidationException(issues);
        return Normalise(v, input, "coefficients of variation");
    }

    /// <summary>
    /// PCA weights on the correlation matrix of the standardised values: keep components by the retention rule,
    /// c_j = Σ_k λ_k |u_jk| / Σ_k λ_k (u = unit eigenvectors, k over retained), w = c/Σc.
    /// </summary>
    public static double[] Pca(WeightInput input, PcaRetention retention)
    {
        var m = input.Columns.Length;
        var n = input.Rows;
        var centred = CentreColumns(input, out var sd);
        RequireVariation(input, sd, "PCA (correlation matrix)");
        var r = Matrix<double>.Build.Dense(m, m);
        for (var j = 0; j < m; j++)
            for (var k = j; k < m; k++)
            {
                var v = j == k ? 1.0 : Dot(centred[j], centred[k]) / ((n - 1) * sd[j] * sd[k]);
                r[j, k] = v;
                r[k, j] = v;
            }
        var evd = r.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, m).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        var lambdas = order.Select(k => evd.EigenValues[k].Real).ToArray();
        var total = lambdas.Sum();
        var keep = 0;
        if (retention == PcaRetention.Kaiser) { while (keep < m && lambdas[keep] > 1) keep++; }
        else { var cum = 0.0; while (keep < m && cum < 0.85 * total) { cum += lambdas[keep]; keep++; } }
        keep = Math.Max(1, keep);
        var w = new double[m];
        var lsum = 0.0;
        for (var q = 0; q < keep; q++) lsum += lambdas[q];
        for (var j = 0; j < m; j++)
        {
            var s = 0.0;
            for (var q = 0; q < keep; q++) s += lambdas[q] * Math.Abs(evd.EigenVectors[j, order[q]]);
            w[j] = s / lsum;
        }
        return Normalise(w, input, "PCA coefficients");
    }

    /// <summary>
    /// 纵横向拉开档次法 (Guo Yajun): w = principal eigenvector of H = Σ_t A_tᵀA_t = XᵀX over the rows used (which
    /// maximises the total dispersion of the scores), normalised to sum 1. Positive by Perron–Frobenius when H &gt; 0.
    /// </summary>
    public static double[] Scatter(WeightInput input)
    {
        var m = input.Columns.Length;
        var h = Matrix<double>.Build.Dense(m, m);
        for (var j = 0; j < m; j++)
            for (var k = j; k < m; k++)
            {
                var v = Dot(input.Columns[j], input.Columns[k]);
                h[j, k] = v;
                h[k, j] = v;
            }
        var evd = h.Evd(Symmetricity.Symmetric);
        var best = 0;
        for (var k = 1; k < m; k++) if (evd.EigenValues[k].Real > evd.EigenValues[best].Real) best = k;
        var w = new double[m];
        var sum = 0.0;
        for (var j = 0; j < m; j++) { w[j] = evd.EigenVectors[j, best]; sum += w[j]; }
        var issues = new List<DataIssue>();
        for (var j = 0; j < m; j++)
        {
            w[j] /= sum;
            if (w[j] < -1e-12)
                issues.Add(new DataIssue(input.Source, null, input.Names[j],
                    "scatter-degree weight is negative: H = Σ x'x'ᵀ is not positive (use a standardisation with non-negative values, e.g. --normalize zscore with the auto shift)"));
            else if (w[j] < 0) w[j] = 0;
        }
        if (issues.Count > 0) throw new DataValidationException(issues);
        return w;
    }

    /// <summary>AHP: principal eigenvector of the pairwise matrix, CI = (λmax − m)/(m − 1), CR = CI/RI.</summary>
    public static double[] Ahp(WeightMethod.AhpMethod method, WeightInput input, bool force, WeightDiagnostics diag,
        AhpWeighting weighting = AhpWeighting.Eigenvector)
    {
        var a = method.File.MatrixFor(input.Names, out var block);
        var m = input.Names.Length;
        double[] w;
        double lambda;
        if (weighting == AhpWeighting.Eigenvector) w = PrincipalEigenvector(a, out lambda);
        else
        {
            w = new double[m];
            for (var i = 0; i < m; i++)
            {
                if (weighting == AhpWeighting.Geometric)
                {
                    var logSum = 0.0;
                    for (var j = 0; j < m; j++) logSum += Math.Log(a[i, j]);
                    w[i] = Math.Exp(logSum / m);
                }
                else
                    for (var j = 0; j < m; j++)
                    {
                        var col = 0.0;
                        for (var k = 0; k < m; k++) col += a[k, j];
                        w[i] += a[i, j] / col / m;
                    }
            }
            var total = 0.0;
            foreach (var x in w) total += x;
            for (var i = 0; i < m; i++) w[i] /= total;
            lambda = 0;
            for (var i = 0; i < m; i++)
            {
                var v = 0.0;
                for (var j = 0; j < m; j++) v += a[i, j] * w[j];
                lambda += v / w[i] / m;
            }
        }
        var ci = m <= 2 ? 0 : (lambda - m) / (m - 1);
        var ri = m <= RandomIndex.Length ? RandomIndex[m - 1] : RandomIndex[^1];
        var cr = m <= 2 ? 0 : ci / ri;
        var ok = cr < 0.1;
        diag.Ahp.Add(new AhpConsistency(input.Group, input.Names, lambda, ci, ri, cr, ok));
        if (!ok)
        {
            var msg = $"AHP matrix for {{{string.Join(", ", input.Names)}}} has consistency ratio CR = {cr.ToString("F4", CultureInfo.InvariantCulture)} ≥ 0.1";
            if (!force) throw new DataValidationException(new DataIssue(method.File.Source, block.Line, null, msg + " (revise the judgements, or pass --force-ahp)"));
            diag.Warnings.Add(msg + " (accepted by --force-ahp)");
        }
        return w;
    }

    /// <summary>Principal (Perron) eigenvector of a positive matrix by power iteration, normalised to sum 1.</summary>
    public static double[] PrincipalEigenvector(double[,] a, out double lambdaMax)
    {
        var m = a.GetLength(0);
        var w = Equal(m);
        var next = new double[m];
        for (var iter = 0; iter < 100_000; iter++)
        {
            var s = 0.0;
            for (var i = 0; i < m; i++)
            {
                var v = 0.0;
                for (var j = 0; j < m; j++) v += a[i, j] * w[j];
                next[i] = v;
                s += v;
            }
            var change = 0.0;
            for (var i = 0; i < m; i++) { next[i] /= s; change = Math.Max(change, Math.Abs(next[i] - w[i])); }
            (w, next) = (next, w);
            if (change < 1e-15) break;
        }
        lambdaMax = 0;
        for (var i = 0; i < m; i++)
        {
            var v = 0.0;
            for (var j = 0; j < m; j++) v += a[i, j] * w[j];
            lambdaMax += v / w[i];
        }
        lambdaMax /= m;
        return w;
    }

    public static double[] Product(double[][] parts)
    {
        var m = parts[0].Length;
        var w = new double[m];
        var s = 0.0;
        for (var j = 0; j < m; j++)
        {
            var p = 1.0;
            foreach (var part in parts) p *= part[j];
            w[j] = p;
            s += p;
        }
        if (!(s > 0)) throw new SingularMatrixException("multiplicative combination: the product of the weights is 0 for every indicator");
        for (var j = 0; j < m; j++) w[j] /= s;
        return w;
    }

    public static double[] MeanOf(double[][] parts)
    {
        var m = parts[0].Length;
        var w = new double[m];
        foreach (var part in parts)
            for (var j = 0; j < m; j++) w[j] += part[j] / parts.Length;
        return w;
    }

    /// <summary>Game-theory combination (see <see cref="WeightMethod.Game"/>).</summary>
    public static double[] GameCombination(double[][] parts, string group)
    {
        var l = parts.Length;
        var g = Matrix<double>.Build.Dense(l, l);
        var b = Vector<double>.Build.Dense(l);
        for (var p = 0; p < l; p++)
        {
            for (var q = 0; q < l; q++) g[p, q] = Dot(parts[p], parts[q]);
            b[p] = g[p, p];
        }
        var lu = g.LU();
        if (Math.Abs(lu.Determinant) < 1e-14 * Math.Pow(g.FrobeniusNorm(), l))
            throw new SingularMatrixException($"game-theory combination ({group}): two of the weight vectors are linearly dependent (e.g. identical); combine different methods");
        var alpha = lu.Solve(b);
        var sa = 0.0;
        for (var p = 0; p < l; p++) sa += Math.Abs(alpha[p]);
        var w = new double[parts[0].Length];
        for (var p = 0; p < l; p++)
            for (var j = 0; j < w.Length; j++) w[j] += Math.Abs(alpha[p]) / sa * parts[p][j];
        return w;
    }

    private static void RequireVariation(WeightInput input, double[] sd, string what)
    {
        var issues = new List<DataIssue>();
        for (var j = 0; j < sd.Length; j++)
            if (!(sd[j] > 0))
                issues.Add(new DataIssue(input.Source, null, input.Names[j], $"constant over the rows used ({input.Group}): {what} is undefined"));
        if (issues.Count > 0) throw new DataValidationException(issues);
    }

    private static double[] Normalise(double[] v, WeightInput input, string what)
    {
        var s = 0.0;
        foreach (var x in v) s += x;
        if (!(s > 0) || !double.IsFinite(s))
            throw new SingularMatrixException($"weights ({input.Group}): the {what} sum to {s.ToString("G6", CultureInfo.InvariantCulture)}; no weights can be formed");
        var w = new double[v.Length];
        for (var j = 0; j < v.Length; j++) w[j] = v[j] / s;
        return w;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
    /// <summary>Columns minus their means, and their sample standard deviations (divisor n − 1).</summary>
    private static double[][] CentreColumns(WeightInput input, out double[] sd)
    {
        var m = input.Columns.Length;
        var n = input.Rows;
        sd = new double[m];
        var centred = new double[m][];
        for (var j = 0; j < m; j++)
        {
            var col = input.Columns[j];
            var mean = 0.0;
            for (var i = 0; i < n; i++) mean += col[i];
            mean /= n;
            var c = new double[n];
            var ss = 0.0;
            for (var i = 0; i < n; i++) { c[i] = col[i] - mean; ss += c[i] * c[i]; }
            centred[j] = c;
            sd[j] = Math.Sqrt(ss / (n - 1));
        }
        return centred;
    }
}
