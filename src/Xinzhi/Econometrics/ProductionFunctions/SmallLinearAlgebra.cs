namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>Dense solves for the small (≤ 30 × 30) systems of the second stage, without allocating MathNet objects per call.</summary>
internal static class SmallLinearAlgebra
{
    /// <summary>Solves A x = b by Gaussian elimination with partial pivoting; null when A is numerically singular.</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        var scale = 0.0;
        for (var i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(m[i, i]));
        if (!(scale > 0)) return null;
        for (var c = 0; c < n; c++)
        {
            var p = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            if (Math.Abs(m[p, c]) <= 1e-13 * scale) return null;
            if (p != c)
            {
                for (var j = 0; j < n; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
                (x[c], x[p]) = (x[p], x[c]);
            }
            for (var r = c + 1; r < n; r++)
            {
                var f = m[r, c] / m[c, c];
                if (f == 0) continue;
                for (var j = c; j < n; j++) m[r, j] -= f * m[c, j];
                x[r] -= f * x[c];
            }
        }
        for (var c = n - 1; c >= 0; c--)
        {
            var s = x[c];
            for (var j = c + 1; j < n; j++) s -= m[c, j] * x[j];
            x[c] = s / m[c, c];
        }
        return x;
    }

    /// <summary>Inverse by solving for each unit vector; null when singular.</summary>
    public static double[,]? Inverse(double[,] a)
    {
        var n = a.GetLength(0);
        var inv = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            var col = Solve(a, e);
            if (col is null) return null;
            for (var i = 0; i < n; i++) inv[i, j] = col[i];
        }
        return inv;
    }

    /// <summary>Lower Cholesky factor L of a symmetric positive definite A (A = LLᵀ); null when not positive definite.</summary>
    public static double[,]? Cholesky(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 0)) return null;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        return l;
    }
}
