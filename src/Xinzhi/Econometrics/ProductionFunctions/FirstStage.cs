using System.Runtime.CompilerServices;
using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// The first-stage OLS (constant first). The estimate on the sample uses <see cref="LinearRegression"/> (Householder
/// QR, collinear columns named in the error). Bootstrap replications only need coefficients and fitted values and run
/// hundreds of times, so they solve the normal equations of centred, unit-variance columns by Gaussian elimination
/// in one pass over the data (O(n k²/2), no matrix objects); a singular resample fails that replication.
/// </summary>
internal static class FirstStage
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Coefficients, double[] Fitted) Fit(double[] y, IReadOnlyList<double[]> columns, IReadOnlyList<string> names, bool fast)
    {
        if (!fast)
        {
            var r = LinearRegression.Fit(y, columns, names);
            return (r.Coefficients, r.Fitted);
        }
        var n = y.Length;
        var k = columns.Count; // column 0 is the constant
        if (n <= k)
            throw new DataValidationException(new DataIssue("regression", null, null, $"too few observations: {n} for {k} parameters"));
        var mean = new double[k];
        var scale = new double[k];
        for (var j = 1; j < k; j++)
        {
            var c = columns[j];
            var s = 0.0;
            for (var i = 0; i < n; i++) s += c[i];
            mean[j] = s / n;
            var ss = 0.0;
            for (var i = 0; i < n; i++) ss += (c[i] - mean[j]) * (c[i] - mean[j]);
            scale[j] = Math.Sqrt(ss / n);
            if (!(scale[j] > 0)) throw new SingularMatrixException($"regressor {names[j]} is constant in this sample");
        }
        var ybar = 0.0;
        for (var i = 0; i < n; i++) ybar += y[i];
        ybar /= n;
        // Centred columns are orthogonal to the constant, so the slope block separates from the intercept.
        var p = k - 1;
        var xtx = new double[p, p];
        var xty = new double[p];
        var row = new double[p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++) row[j] = (columns[j + 1][i] - mean[j + 1]) / scale[j + 1];
            var yi = y[i] - ybar;
            for (var a = 0; a < p; a++)
            {
                var ra = row[a];
                xty[a] += ra * yi;
                for (var b = 0; b <= a; b++) xtx[a, b] += ra * row[b];
            }
        }
        for (var a = 0; a < p; a++)
        for (var b = a + 1; b < p; b++) xtx[a, b] = xtx[b, a];
        var slopes = SmallLinearAlgebra.Solve(xtx, xty)
            ?? throw new SingularMatrixException("first-stage regressors are perfectly collinear in this sample");
        var coef = new double[k];
        coef[0] = ybar;
        for (var j = 1; j < k; j++)
        {
            coef[j] = slopes[j - 1] / scale[j];
            coef[0] -= coef[j] * mean[j];
        }
        var fitted = new double[n];
        for (var i = 0; i < n; i++)
        {
            var f = coef[0];
            for (var j = 1; j < k; j++) f += coef[j] * columns[j][i];
            fitted[i] = f;
        }
        return (coef, fitted);
    }
}
