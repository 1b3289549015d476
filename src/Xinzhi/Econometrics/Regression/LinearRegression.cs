using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Xinzhi.Econometrics.Regression;

/// <summary>How the coefficient covariance is estimated.</summary>
public enum CovarianceType
{
    /// <summary>σ²(X'X)⁻¹ with σ² = e'e/(n−k).</summary>
    Classical,

    /// <summary>White heteroskedasticity-robust with the n/(n−k) correction (Stata's <c>robust</c>).</summary>
    HC1,

    /// <summary>
    /// Cluster-robust (Liang-Zeger) with Stata's small-sample factor G/(G−1)·(n−1)/(n−k).
    /// </summary>
    Clustered,
}

/// <summary>Result of an ordinary least squares fit. Immutable; derived statistics are computed on construction.</summary>
public sealed record RegressionResult
{
    public required IReadOnlyList<string> Names { get; init; }

    public required double[] Coefficients { get; init; }

    /// <summary>Coefficient covariance matrix (k × k), row-major.</summary>
    public required double[,] Covariance { get; init; }

    public required double[] Residuals { get; init; }

    public required double[] Fitted { get; init; }

    public required int Nobs { get; init; }

    /// <summary>Residual degrees of freedom n − k (minus absorbed effects, where a within transform was used).</summary>
    public required int DegreesOfFreedom { get; init; }

    public required double RSquared { get; init; }

    public required CovarianceType CovarianceType { get; init; }

    /// <summary>Number of clusters with <see cref="CovarianceType.Clustered"/>, else null.</summary>
    public int? Clusters { get; init; }

    public double SumSquaredResiduals => Residuals.Sum(e => e * e);

    public double[] StandardErrors => Enumerable.Range(0, Coefficients.Length).Select(j => Math.Sqrt(Covariance[j, j])).ToArray();

    public double[] TStatistics => Coefficients.Select((b, j) => b / StandardErrors[j]).ToArray();

    /// <summary>Two-sided p-values from Student's t (clusters − 1 degrees of freedom when clustered, as Stata).</summary>
    public double[] PValues
    {
        get
        {
            var df = CovarianceType == CovarianceType.Clustered && Clusters is { } g ? g - 1 : DegreesOfFreedom;
            var t = new StudentT(0, 1, Math.Max(1, df));
            return TStatistics.Select(z => 2 * (1 - t.CumulativeDistribution(Math.Abs(z)))).ToArray();
        }
    }

    public double Coefficient(string name) => Coefficients[IndexOf(name)];

    public double StandardError(string name) => Math.Sqrt(Covariance[IndexOf(name), IndexOf(name)]);

    private int IndexOf(string name)
    {
        for (var j = 0; j < Names.Count; j++) if (Names[j] == name) return j;
        throw new ArgumentException($"No coefficient '{name}'; have {string.Join(", ", Names)}.", nameof(name));
    }
}

/// <summary>
/// Ordinary least squares by Householder QR (numerically stable; no normal equations), with classical, HC1 or
/// cluster-robust covariance. Perfect collinearity is detected from the R factor and reported, never dropped.
/// </summary>
public static class LinearRegression
{
    /// <summary>Relative tolerance on |R_jj| / max |R_ii| below which a regressor is declared collinear.</summary>
    public const double CollinearityTolerance = 1e-10;

    /// <summary>Fits y = Xβ + e. <paramref name="columns"/> are the regressors (include a constant column yourself).</summary>
    /// <param name="absorbedDegreesOfFreedom">Parameters absorbed by a prior within transform (e.g. number of entities).</param>
    /// <exception cref="SingularMatrixException">Regressors are perfectly collinear; the message names them.</exception>
    public static RegressionResult Fit(
        double[] y,
        IReadOnlyList<double[]> columns,
        IReadOnlyList<string> names,
        CovarianceType covariance = CovarianceType.Classical,
        IReadOnlyList<string>? clusters = null,
        int absorbedDegreesOfFreedom = 0)
    {
        var n = y.Length;
        var k = columns.Count;
        if (names.Count != k) throw new ArgumentException($"Expected {k} names, got {names.Count}.", nameof(names));
        foreach (var c in columns)
            if (c.Length != n) throw new ArgumentException($"Every regressor must have {n} values.", nameof(columns));
        if (n <= k + absorbedDegreesOfFreedom)
            throw new DataValidationException(new DataIssue("regression", null, null,
                $"too few observations: {n} for {k + absorbedDegreesOfFreedom} parameters"));

        var x = Matrix<double>.Build.Dense(n, k, (i, j) => columns[j][i]);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var r = qr.R;
        var maxDiag = Enumerable.Range(0, k).Max(j => Math.Abs(r[j, j]));
        var collinear = Enumerable.Range(0, k).Where(j => Math.Abs(r[j, j]) <= CollinearityTolerance * Math.Max(maxDiag, 1e-300)).ToList();
        if (collinear.Count > 0)
            throw new SingularMatrixException(
                $"perfectly collinear regressors: {string.Join(", ", collinear.Select(j => names[j]))} " +
                "(each is a linear combination of the ones before it)");

        var beta = qr.Solve(yv);
        var fitted = x * beta;
        var resid = yv - fitted;
        var df = n - k - absorbedDegreesOfFreedom;
        var rInv = r.Inverse();
        var xtxInv = rInv * rInv.Transpose();

        Matrix<double> vcov;
        int? g = null;
        switch (covariance)
        {
            case CovarianceType.Classical:
                vcov = xtxInv * (resid.DotProduct(resid) / df);
                break;
            case CovarianceType.HC1:
            {
                var meat = Matrix<double>.Build.Dense(k, k);
                for (var i = 0; i < n; i++)
                {
                    var row = x.Row(i) * resid[i];
                    meat += row.OuterProduct(row);
                }
                vcov = xtxInv * meat * xtxInv * ((double)n / df);
                break;
            }
            case CovarianceType.Clustered:
            {
                if (clusters is null || clusters.Count != n)
                    throw new ArgumentException("Clustered covariance needs one cluster label per observation.", nameof(clusters));
                var sums = new Dictionary<string, Vector<double>>(StringComparer.Ordinal);
                for (var i = 0; i < n; i++)
                {
                    var s = x.Row(i) * resid[i];
                    sums[clusters[i]] = sums.TryGetValue(clusters[i], out var acc) ? acc + s : s;
                }
                var meat = Matrix<double>.Build.Dense(k, k);
                foreach (var s in sums.Values) meat += s.OuterProduct(s);
                g = sums.Count;
                if (g < 2) throw new DataValidationException(new DataIssue("regression", null, null, "clustered standard errors need at least two clusters"));
                var factor = (double)g / (g.Value - 1) * (n - 1) / (n - k);
                vcov = xtxInv * meat * xtxInv * factor;
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(covariance), covariance, null);
        }

        var mean = y.Average();
        var tss = y.Sum(v => (v - mean) * (v - mean));
        return new RegressionResult
        {
            Names = names.ToArray(),
            Coefficients = beta.ToArray(),
            Covariance = vcov.ToArray(),
            Residuals = resid.ToArray(),
            Fitted = fitted.ToArray(),
            Nobs = n,
            DegreesOfFreedom = df,
            RSquared = tss > 0 ? 1 - resid.DotProduct(resid) / tss : double.NaN,
            CovarianceType = covariance,
            Clusters = g,
        };
    }

    /// <summary>
    /// Subtracts group means from a variable (the within transform of one-way fixed effects).
    /// </summary>
    public static double[] Demean(double[] values, IReadOnlyList<string> groups)
    {
        var sum = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            sum.TryGetValue(groups[i], out var a);
            sum[groups[i]] = (a.Sum + values[i], a.Count + 1);
        }
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var a = sum[groups[i]];
            result[i] = values[i] - a.Sum / a.Count;
        }
        return result;
    }
}
