using MathNet.Numerics.LinearAlgebra;

namespace Xinzhi.Analysis.Distribution;

/// <summary>An estimated transition matrix with its ergodic distribution and mean first passage times.</summary>
/// <param name="Counts">n_ab: transitions from class a to class b.</param>
/// <param name="Probabilities">P_ab = n_ab / n_a; a row without observations is all NaN (and warned about).</param>
/// <param name="SteadyState">π with πP = π, Σπ = 1; null when P is incomplete or not ergodic.</param>
/// <param name="FirstPassage">m_ab, expected steps to first reach b from a (m_aa = 1/π_a, the mean recurrence time);
/// null when the chain is not irreducible.</param>
public sealed record TransitionMatrix(int[,] Counts, double[,] Probabilities, double[]? SteadyState, double[,]? FirstPassage,
    IReadOnlyList<AnalysisWarning> Warnings)
{
    public int Classes => Counts.GetLength(0);

    public int RowTotal(int a)
    {
        var s = 0;
        for (var b = 0; b < Classes; b++) s += Counts[a, b];
        return s;
    }
}

/// <summary>Homogeneity test of spatial Markov matrices against the pooled one.</summary>
public sealed record HomogeneityTest(double Statistic, int DegreesOfFreedom, double PValue);

/// <summary>
/// Discrete Markov chains of class transitions (Quah 1993) and their ergodic properties (Kemeny &amp; Snell 1976):
/// <code>
/// P_ab = n_ab / n_a,   π = πP with Σπ = 1,
/// Z = (I − P + 1π)⁻¹,   m_ab = (z_bb − z_ab)/π_b (a ≠ b),   m_aa = 1/π_a
/// </code>
/// Class assignment: with ascending breaks b₁ ≤ … ≤ b_{K−1}, the class of x is #{k : x &gt; b_k}, i.e. intervals are
/// closed on the right, (b_{k−1}, b_k]. Equal values therefore always share a class: ties are never split, neither
/// randomly nor by order. Quantile breaks are Hyndman–Fan type-7 quantiles at k/K of the pooled values.
/// </summary>
public static class MarkovChain
{
    /// <summary>Pooled quantile breaks at 1/K, …, (K−1)/K.</summary>
    public static double[] QuantileBreaks(IEnumerable<double> values, int classes)
    {
        if (classes < 2) throw new SpecificationException($"--classes must be at least 2, got {classes}.");
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var b = new double[classes - 1];
        for (var k = 1; k < classes; k++) b[k - 1] = Inequality.Dispersion.Quantile(sorted, (double)k / classes);
        return b;
    }

    /// <summary>0-based class of <paramref name="x"/>: the number of breaks strictly below it.</summary>
    public static int Classify(double x, double[] breaks)
    {
        var c = 0;
        while (c < breaks.Length && x > breaks[c]) c++;
        return c;
    }

    /// <summary>Estimates P from transition counts and derives π and first-passage times where defined.</summary>
    public static TransitionMatrix FromCounts(int[,] counts, string label = "P")
    {
        var k = counts.GetLength(0);
        var p = new double[k, k];
        var warnings = new List<AnalysisWarning>();
        var complete = true;
        for (var a = 0; a < k; a++)
        {
            var n = 0;
            for (var b = 0; b < k; b++) n += counts[a, b];
            if (n == 0)
            {
                complete = false;
                warnings.Add(new AnalysisWarning("empty-class", $"{label}: no transitions start in class {a + 1}; its row is undefined and the steady state is not computed"));
            }
            for (var b = 0; b < k; b++) p[a, b] = n == 0 ? double.NaN : (double)counts[a, b] / n;
        }
        double[]? pi = null;
        double[,]? m = null;
        if (complete)
        {
            pi = SteadyState(p);
            if (pi is null || pi.Any(v => !(v > 1e-12)))
                warnings.Add(new AnalysisWarning("not-ergodic", $"{label}: the chain is not irreducible (a class is transient or unreachable); first-passage times are not computed" +
                    (pi is null ? " and the steady state is not unique" : "")));
            else m = FirstPassage(p, pi);
        }
        return new TransitionMatrix(counts, p, pi, m, warnings);
    }

    /// <summary>π solving πP = π, Σπ = 1; null when the solution is not unique.</summary>
    public static double[]? SteadyState(double[,] p)
    {
        var k = p.GetLength(0);
        var a = Matrix<double>.Build.Dense(k, k, (i, j) => p[j, i] - (i == j ? 1 : 0));
        for (var j = 0; j < k; j++) a[k - 1, j] = 1; // replace one equation by Σπ = 1
        var rhs = Vector<double>.Build.Dense(k, i => i == k - 1 ? 1 : 0);
        var lu = a.LU();
        if (Math.Abs(lu.Determinant) < 1e-12) return null;
        var pi = lu.Solve(rhs).ToArray();
        for (var i = 0; i < k; i++) if (Math.Abs(pi[i]) < 1e-15) pi[i] = 0;
        return pi;
    }

    /// <summary>Mean first passage times from the fundamental matrix Z = (I − P + 1π)⁻¹.</summary>
    public static double[,] FirstPassage(double[,] p, double[] pi)
    {
        var k = pi.Length;
        var z = Matrix<double>.Build.Dense(k, k, (i, j) => (i == j ? 1 : 0) - p[i, j] + pi[j]).Inverse();
        var m = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++)
                m[i, j] = i == j ? 1 / pi[j] : (z[j, j] - z[i, j]) / pi[j];
        return m;
    }

    /// <summary>
    /// Likelihood-ratio homogeneity test of the lag-conditioned matrices P(l) against the pooled P (Bickenbach &amp;
    /// Bode 2003): Q = 2 Σ_l Σ_a Σ_b n_ab(l) ln(p_ab(l)/p_ab) over cells with n_ab(l) &gt; 0, with
    /// df = Σ_a (L_a − 1)(B_a − 1), L_a = lag classes with transitions from a, B_a = positive entries of pooled row a.
    /// </summary>
    public static HomogeneityTest Homogeneity(TransitionMatrix pooled, IReadOnlyList<TransitionMatrix> conditional)
    {
        var k = pooled.Classes;
        var q = 0.0;
        var df = 0;
        for (var a = 0; a < k; a++)
        {
            var la = 0;
            foreach (var c in conditional)
            {
                if (c.RowTotal(a) == 0) continue;
                la++;
                for (var b = 0; b < k; b++)
                    if (c.Counts[a, b] > 0) q += 2 * c.Counts[a, b] * Math.Log(c.Probabilities[a, b] / pooled.Probabilities[a, b]);
            }
            var ba = 0;
            for (var b = 0; b < k; b++) if (pooled.Counts[a, b] > 0) ba++;
            if (la > 0 && ba > 0) df += (la - 1) * (ba - 1);
        }
        var p = df > 0 ? 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(df, Math.Max(q, 0)) : double.NaN;
        return new HomogeneityTest(q, df, p);
    }
}
