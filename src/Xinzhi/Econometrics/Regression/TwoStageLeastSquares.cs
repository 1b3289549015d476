using MathNet.Numerics.LinearAlgebra;

namespace Xinzhi.Econometrics.Regression;

/// <summary>
/// Two-stage least squares, β = (X'P_Z X)⁻¹ X'P_Z y with P_Z the projection on the instruments, computed by two
/// Householder QR factorisations (no normal equations). Covariance is classical: σ²(X'P_Z X)⁻¹ with σ² = e'e/(n − k)
/// and e = y − Xβ (the structural residuals), as R's <c>AER::ivreg</c> summary and Stata's <c>ivregress 2sls, small</c>.
/// Include constant columns yourself in both X and Z (exogenous regressors must also appear among the instruments).
/// </summary>
public static class TwoStageLeastSquares
{
    /// <exception cref="SingularMatrixException">Instruments or projected regressors are perfectly collinear; names them.</exception>
    /// <exception cref="DataValidationException">Fewer instruments than regressors, or too few observations.</exception>
    public static RegressionResult Fit(
        double[] y,
        IReadOnlyList<double[]> regressors,
        IReadOnlyList<string> regressorNames,
        IReadOnlyList<double[]> instruments,
        IReadOnlyList<string> instrumentNames)
    {
        var n = y.Length;
        var k = regressors.Count;
        var l = instruments.Count;
        if (regressorNames.Count != k) throw new ArgumentException($"Expected {k} regressor names.", nameof(regressorNames));
        if (instrumentNames.Count != l) throw new ArgumentException($"Expected {l} instrument names.", nameof(instrumentNames));
        if (l < k)
            throw new DataValidationException(new DataIssue("2sls", null, null,
                $"under-identified: {l} instruments for {k} regressors"));
        if (n <= l)
            throw new DataValidationException(new DataIssue("2sls", null, null,
                $"too few observations: {n} for {l} instruments"));

        var z = Matrix<double>.Build.Dense(n, l, (i, j) => instruments[j][i]);
        var qz = z.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        CheckRank(qz.R, instrumentNames, "instruments");
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => regressors[j][i]);
        var q = qz.Q;
        var xHat = q * (q.TransposeThisAndMultiply(x));
        var qx = xHat.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        CheckRank(qx.R, regressorNames, "regressors projected on the instruments");

        var yv = Vector<double>.Build.DenseOfArray(y);
        var beta = qx.Solve(yv);
        var fitted = x * beta;
        var resid = yv - fitted;
        var df = n - k;
        var rInv = qx.R.Inverse();
        var vcov = rInv * rInv.Transpose() * (resid.DotProduct(resid) / df);
        var mean = y.Average();
        var tss = y.Sum(v => (v - mean) * (v - mean));
        return new RegressionResult
        {
            Names = regressorNames.ToArray(),
            Coefficients = beta.ToArray(),
            Covariance = vcov.ToArray(),
            Residuals = resid.ToArray(),
            Fitted = fitted.ToArray(),
            Nobs = n,
            DegreesOfFreedom = df,
            RSquared = tss > 0 ? 1 - resid.DotProduct(resid) / tss : double.NaN,
            CovarianceType = CovarianceType.Classical,
        };
    }

    private static void CheckRank(Matrix<double> r, IReadOnlyList<string> names, string what)
    {
        var k = r.ColumnCount;
        var maxDiag = 0.0;
        for (var j = 0; j < k; j++) maxDiag = Math.Max(maxDiag, Math.Abs(r[j, j]));
        var bad = new List<string>();
        for (var j = 0; j < k; j++)
            if (Math.Abs(r[j, j]) <= LinearRegression.CollinearityTolerance * Math.Max(maxDiag, 1e-300)) bad.Add(names[j]);
        if (bad.Count > 0)
            throw new SingularMatrixException($"perfectly collinear {what}: {string.Join(", ", bad)} " +
                "(each is a linear combination of the ones before it)");
    }
}
