namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// Translog frontier terms and elasticities: ln y = β₀ + Σ β_j x_j + ½ Σ β_jj x_j² + Σ_{j&lt;k} β_jk x_j x_k,
/// with x_j = ln X_j (the ½ on the squares follows R frontier's <c>I(0.5 * x^2)</c> convention).
/// </summary>
public static class Translog
{
    /// <summary>Expanded regressors: the x's, then ½x_j² for each j, then x_j·x_k for j &lt; k (names "0.5*a^2", "a*b").</summary>
    public static (IReadOnlyList<double[]> Columns, IReadOnlyList<string> Names) Expand(IReadOnlyList<double[]> x, IReadOnlyList<string> names)
    {
        var cols = new List<double[]>(x);
        var nm = new List<string>(names);
        for (var j = 0; j < x.Count; j++)
        {
            var c = new double[x[j].Length];
            for (var i = 0; i < c.Length; i++) c[i] = 0.5 * x[j][i] * x[j][i];
            cols.Add(c);
            nm.Add($"0.5*{names[j]}^2");
        }
        for (var j = 0; j < x.Count; j++)
            for (var k = j + 1; k < x.Count; k++)
            {
                var c = new double[x[j].Length];
                for (var i = 0; i < c.Length; i++) c[i] = x[j][i] * x[k][i];
                cols.Add(c);
                nm.Add($"{names[j]}*{names[k]}");
            }
        return (cols, nm);
    }

    /// <summary>
    /// Output elasticities ∂ln y/∂x_j = β_j + β_jj x_j + Σ_{k≠j} β_jk x_k per observation (rows × inputs), and returns to
    /// scale (their sum) per observation. <paramref name="result"/> must come from regressors built by <see cref="Expand"/>.
    /// </summary>
    public static (double[][] Elasticities, double[] ReturnsToScale) Elasticities(SfaResult result, IReadOnlyList<double[]> x,
        IReadOnlyList<string> names)
    {
        var n = x[0].Length;
        var q = x.Count;
        var b = new double[q];
        var bb = new double[q, q];
        for (var j = 0; j < q; j++)
        {
            b[j] = result.Estimate(names[j]);
            bb[j, j] = result.Estimate($"0.5*{names[j]}^2");
            for (var k = j + 1; k < q; k++) bb[j, k] = bb[k, j] = result.Estimate($"{names[j]}*{names[k]}");
        }
        var elas = new double[q][];
        var rts = new double[n];
        for (var j = 0; j < q; j++)
        {
            elas[j] = new double[n];
            for (var i = 0; i < n; i++)
            {
                var e = b[j];
                for (var k = 0; k < q; k++) e += bb[j, k] * x[k][i];
                elas[j][i] = e;
                rts[i] += e;
            }
        }
        return (elas, rts);
    }
}
