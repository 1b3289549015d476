namespace Xinzhi.Tests.Indices;

/// <summary>
/// An independent, deliberately plain implementation of the composite-index formulas of domain.md §3 (row-major
/// arrays, LINQ, no code shared with the engine), used as the oracle on random panels.
/// </summary>
internal static class IndexReference
{
    /// <summary>Min-max per group of rows; cost indicators reversed; then shift or rescale.</summary>
    public static double[][] MinMax(double[][] x, bool[] cost, int[] group, string zero)
    {
        var n = x.Length;
        var m = x[0].Length;
        var z = new double[n][];
        for (var i = 0; i < n; i++) z[i] = new double[m];
        for (var j = 0; j < m; j++)
        {
            foreach (var g in group.Distinct())
            {
                var rows = Enumerable.Range(0, n).Where(i => group[i] == g).ToArray();
                var min = rows.Min(i => x[i][j]);
                var max = rows.Max(i => x[i][j]);
                foreach (var i in rows) z[i][j] = cost[j] ? (max - x[i][j]) / (max - min) : (x[i][j] - min) / (max - min);
            }
        }
        var parts = zero.Split(':');
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                if (parts[0] == "shift") z[i][j] = z[i][j] + double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parts[0] == "rescale")
                {
                    var a = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    var b = double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                    z[i][j] = a + (b - a) * z[i][j];
                }
            }
        return z;
    }

    public static double Epsilon(string zero) =>
        zero.StartsWith("epsilon:", StringComparison.Ordinal) ? double.Parse(zero[8..], System.Globalization.CultureInfo.InvariantCulture) : 0;

    public static (double[] W, double[] E) Entropy(double[][] z, double eps)
    {
        var n = z.Length;
        var m = z[0].Length;
        var e = new double[m];
        for (var j = 0; j < m; j++)
        {
            var col = z.Select(r => r[j]).ToArray();
            var total = col.Sum();
            var s = 0.0;
            foreach (var v in col)
            {
                var p = v / total;
                if (eps > 0) s += p * Math.Log(p + eps);
                else if (p > 0) s += p * Math.Log(p);
            }
            e[j] = -s / Math.Log(n);
        }
        var d = e.Select(v => 1 - v).ToArray();
        return (d.Select(v => v / d.Sum()).ToArray(), e);
    }

    private static double Sd(double[] v)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    private static double Corr(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        var cov = a.Zip(b, (x, y) => (x - ma) * (y - mb)).Sum() / (a.Length - 1);
        return cov / (Sd(a) * Sd(b));
    }

    private static double[] Col(double[][] z, int j) => z.Select(r => r[j]).ToArray();

    public static double[] Critic(double[][] z)
    {
        var m = z[0].Length;
        var c = new double[m];
        for (var j = 0; j < m; j++)
        {
            var conflict = 0.0;
            for (var k = 0; k < m; k++) conflict += 1 - Corr(Col(z, j), Col(z, k));
            c[j] = Sd(Col(z, j)) * conflict;
        }
        return c.Select(v => v / c.Sum()).ToArray();
    }

    public static double[] Cv(double[][] z)
    {
        var m = z[0].Length;
        var v = Enumerable.Range(0, m).Select(j => Sd(Col(z, j)) / Col(z, j).Average()).ToArray();
        return v.Select(x => x / v.Sum()).ToArray();
    }

    public static double[] Equal(int m) => Enumerable.Repeat(1.0 / m, m).ToArray();

    /// <summary>PCA weights via a cyclic Jacobi eigen-decomposition of the correlation matrix (Kaiser rule).</summary>
    public static double[] Pca(double[][] z)
    {
        var m = z[0].Length;
        var r = new double[m, m];
        for (var j = 0; j < m; j++)
            for (var k = 0; k < m; k++) r[j, k] = j == k ? 1 : Corr(Col(z, j), Col(z, k));
        var (values, vectors) = Jacobi(r);
        var order = Enumerable.Range(0, m).OrderByDescending(k => values[k]).ToArray();
        var keep = order.Where(k => values[k] > 1).ToList();
        if (keep.Count == 0) keep.Add(order[0]);
        var lsum = keep.Sum(k => values[k]);
        var c = Enumerable.Range(0, m).Select(j => keep.Sum(k => values[k] * Math.Abs(vectors[j, k])) / lsum).ToArray();
        return c.Select(x => x / c.Sum()).ToArray();
    }

    public static (double[] Values, double[,] Vectors) Jacobi(double[,] input)
    {
        var m = input.GetLength(0);
        var a = (double[,])input.Clone();
        var v = new double[m, m];
        for (var i = 0; i < m; i++) v[i, i] = 1;
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < m; p++) for (var q = p + 1; q < m; q++) off += a[p, q] * a[p, q];
            if (off < 1e-30) break;
            for (var p = 0; p < m; p++)
                for (var q = p + 1; q < m; q++)
                {
                    if (Math.Abs(a[p, q]) < 1e-300) continue;
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < m; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < m; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < m; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
        }
        return (Enumerable.Range(0, m).Select(i => a[i, i]).ToArray(), v);
    }

    /// <summary>AHP by the eigenvector: repeated squaring of the matrix (A^(2^k) rows converge to the Perron vector).</summary>
    public static (double[] W, double LambdaMax) Ahp(double[,] a)
    {
        var m = a.GetLength(0);
        var p = (double[,])a.Clone();
        for (var it = 0; it < 60; it++)
        {
            var q = new double[m, m];
            for (var i = 0; i < m; i++) for (var j = 0; j < m; j++) for (var k = 0; k < m; k++) q[i, j] += p[i, k] * p[k, j];
            var max = 0.0;
            foreach (var x in q) max = Math.Max(max, x);
            for (var i = 0; i < m; i++) for (var j = 0; j < m; j++) q[i, j] /= max;
            p = q;
        }
        var rows = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, m).Sum(j => p[i, j])).ToArray();
        var w = rows.Select(x => x / rows.Sum()).ToArray();
        var aw = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, m).Sum(j => a[i, j] * w[j])).ToArray();
        return (w, Enumerable.Range(0, m).Average(i => aw[i] / w[i]));
    }

    public static double[] Product(params double[][] parts)
    {
        var prod = Enumerable.Range(0, parts[0].Length).Select(j => parts.Aggregate(1.0, (acc, p) => acc * p[j])).ToArray();
        return prod.Select(x => x / prod.Sum()).ToArray();
    }

    /// <summary>Game-theory combination by Cramer's rule on the 2×2 system (two weightings).</summary>
    public static double[] Game(double[] w1, double[] w2)
    {
        double D(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
        var g11 = D(w1, w1); var g12 = D(w1, w2); var g22 = D(w2, w2);
        var det = g11 * g22 - g12 * g12;
        var a1 = (g11 * g22 - g12 * g22) / det;
        var a2 = (g11 * g22 - g12 * g11) / det;
        var s = Math.Abs(a1) + Math.Abs(a2);
        return w1.Select((x, j) => Math.Abs(a1) / s * x + Math.Abs(a2) / s * w2[j]).ToArray();
    }

    public static double[] Topsis(double[][] z, double[][] w, int[] idealGroup, int[] cols)
    {
        var n = z.Length;
        var result = new double[n];
        foreach (var g in idealGroup.Distinct())
        {
            var rows = Enumerable.Range(0, n).Where(i => idealGroup[i] == g).ToArray();
            var best = cols.Select(j => rows.Max(i => w[i][j] * z[i][j])).ToArray();
            var worst = cols.Select(j => rows.Min(i => w[i][j] * z[i][j])).ToArray();
            foreach (var i in rows)
            {
                var dp = Math.Sqrt(cols.Select((j, k) => Math.Pow(w[i][j] * z[i][j] - best[k], 2)).Sum());
                var dm = Math.Sqrt(cols.Select((j, k) => Math.Pow(w[i][j] * z[i][j] - worst[k], 2)).Sum());
                result[i] = dm / (dp + dm);
            }
        }
        return result;
    }

    public static double[] Gra(double[][] z, double[][] w, int[] idealGroup, int[] cols, double rho)
    {
        var n = z.Length;
        var m = z[0].Length;
        var result = new double[n];
        foreach (var g in idealGroup.Distinct())
        {
            var rows = Enumerable.Range(0, n).Where(i => idealGroup[i] == g).ToArray();
            var reference = Enumerable.Range(0, m).Select(j => rows.Max(i => z[i][j])).ToArray();
            var deltas = rows.SelectMany(i => Enumerable.Range(0, m).Select(j => Math.Abs(reference[j] - z[i][j]))).ToArray();
            var dmin = deltas.Min();
            var dmax = deltas.Max();
            foreach (var i in rows)
                result[i] = cols.Sum(j => w[i][j] * (dmin + rho * dmax) / (Math.Abs(reference[j] - z[i][j]) + rho * dmax));
        }
        return result;
    }

    public static double[] Linear(double[][] z, double[][] w, int[] cols) =>
        z.Select((r, i) => cols.Sum(j => w[i][j] * r[j])).ToArray();

    /// <summary>TOPSIS with explicit ideal values per row (hi/lo), either on weighted values or with the weights inside the root.</summary>
    public static double[] TopsisGeneral(double[][] z, double[][] w, int[] idealGroup, int[] cols, bool inside, (double Lo, double Hi)? bounds)
    {
        var n = z.Length;
        var result = new double[n];
        foreach (var g in idealGroup.Distinct())
        {
            var rows = Enumerable.Range(0, n).Where(i => idealGroup[i] == g).ToArray();
            double S(int i, int j) => inside ? z[i][j] : w[i][j] * z[i][j];
            foreach (var i in rows)
            {
                double dp = 0, dm = 0;
                foreach (var j in cols)
                {
                    var hi = bounds is { } b ? (inside ? b.Hi : w[i][j] * b.Hi) : rows.Max(k => S(k, j));
                    var lo = bounds is { } b2 ? (inside ? b2.Lo : w[i][j] * b2.Lo) : rows.Min(k => S(k, j));
                    var f = inside ? w[i][j] : 1;
                    dp += f * Math.Pow(S(i, j) - hi, 2);
                    dm += f * Math.Pow(S(i, j) - lo, 2);
                }
                result[i] = Math.Sqrt(dm) / (Math.Sqrt(dp) + Math.Sqrt(dm));
            }
        }
        return result;
    }

    /// <summary>GRA against a fixed reference value (the theoretical best) with Δmin/Δmax over all rows.</summary>
    public static double[] GraFixed(double[][] z, double[][] w, int[] cols, double reference, double rho)
    {
        var m = z[0].Length;
        var deltas = z.SelectMany(r => Enumerable.Range(0, m).Select(j => Math.Abs(reference - r[j]))).ToArray();
        var dmin = deltas.Min();
        var dmax = deltas.Max();
        return z.Select((r, i) => cols.Sum(j => w[i][j] * (dmin + rho * dmax) / (Math.Abs(reference - r[j]) + rho * dmax))).ToArray();
    }

    /// <summary>Σ_j w_j p_ij with p = x'/Σ x' over the rows of the same group.</summary>
    public static double[] LinearShares(double[][] z, double[][] w, int[] group, int[] cols)
    {
        var n = z.Length;
        return Enumerable.Range(0, n).Select(i => cols.Sum(j =>
            w[i][j] * z[i][j] / Enumerable.Range(0, n).Where(k => group[k] == group[i]).Sum(k => z[k][j]))).ToArray();
    }

    /// <summary>纵横向拉开档次法: eigenvector of XᵀX for the largest eigenvalue (Jacobi), normalised to sum 1.</summary>
    public static double[] Scatter(double[][] z)
    {
        var m = z[0].Length;
        var h = new double[m, m];
        for (var j = 0; j < m; j++) for (var k = 0; k < m; k++) h[j, k] = z.Sum(r => r[j] * r[k]);
        var (values, vectors) = Jacobi(h);
        var best = Enumerable.Range(0, m).OrderByDescending(k => values[k]).First();
        var v = Enumerable.Range(0, m).Select(j => vectors[j, best]).ToArray();
        return v.Select(x => x / v.Sum()).ToArray();
    }

    /// <summary>CRITIC with the population standard deviation (divide by n) in the contrast term.</summary>
    public static double[] CriticPopulation(double[][] z)
    {
        var n = z.Length;
        var m = z[0].Length;
        var c = new double[m];
        for (var j = 0; j < m; j++)
        {
            var col = Col(z, j);
            var mean = col.Average();
            var sdPop = Math.Sqrt(col.Sum(x => (x - mean) * (x - mean)) / n);
            var conflict = 0.0;
            for (var k = 0; k < m; k++) conflict += 1 - Corr(col, Col(z, k));
            c[j] = sdPop * conflict;
        }
        return c.Select(v => v / c.Sum()).ToArray();
    }
}
