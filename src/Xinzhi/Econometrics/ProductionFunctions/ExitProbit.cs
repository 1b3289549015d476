namespace Xinzhi.Econometrics.ProductionFunctions;

/// <summary>
/// Probit of the exit indicator on a constant and the lagged first-stage polynomial in (state, proxy), by
/// Newton-Raphson on the log-likelihood (the same MLE as R's <c>glm(family = binomial("probit"))</c>). Returns the fitted
/// probability per row, NaN where the lagged polynomial is unavailable. This is prodest's attrition step.
/// </summary>
internal static class ExitProbit
{
    public static (double[] Probability, int Iterations, bool Converged) Fit(double[] exit, double[][] laggedRegressors, int maxIterations = 100)
    {
        var n = exit.Length;
        var rows = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var ok = true;
            foreach (var c in laggedRegressors) if (!double.IsFinite(c[i])) { ok = false; break; }
            if (ok) rows.Add(i);
        }
        var k = laggedRegressors.Length + 1;
        if (rows.Count <= k)
            throw new DataValidationException(new DataIssue("exit", null, null,
                $"too few observations with a previous period for the exit probit: {rows.Count} for {k} parameters"));
        double X(int i, int j) => j == 0 ? 1.0 : laggedRegressors[j - 1][i];

        var beta = new double[k];
        var converged = false;
        var iter = 0;
        var normal = new MathNet.Numerics.Distributions.Normal();
        for (; iter < maxIterations && !converged; iter++)
        {
            var grad = new double[k];
            var info = new double[k, k];
            foreach (var i in rows)
            {
                var eta = 0.0;
                for (var j = 0; j < k; j++) eta += beta[j] * X(i, j);
                var p = Math.Clamp(normal.CumulativeDistribution(eta), 1e-12, 1 - 1e-12);
                var d = normal.Density(eta);
                // Fisher scoring (expected information), as glm's IRLS.
                var score = d * (exit[i] - p) / (p * (1 - p));
                var weight = d * d / (p * (1 - p));
                for (var a = 0; a < k; a++)
                {
                    grad[a] += score * X(i, a);
                    for (var b = 0; b <= a; b++) info[a, b] += weight * X(i, a) * X(i, b);
                }
            }
            for (var a = 0; a < k; a++) for (var b = a + 1; b < k; b++) info[a, b] = info[b, a];
            var step = SmallLinearAlgebra.Solve(info, grad)
                ?? throw new SingularMatrixException("exit probit: the lagged polynomial terms are perfectly collinear");
            var change = 0.0;
            for (var j = 0; j < k; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]) / (1 + Math.Abs(beta[j])));
            }
            converged = change < 1e-10;
        }
        var prob = new double[n];
        Array.Fill(prob, double.NaN);
        foreach (var i in rows)
        {
            var eta = 0.0;
            for (var j = 0; j < k; j++) eta += beta[j] * X(i, j);
            prob[i] = normal.CumulativeDistribution(eta);
        }
        return (prob, iter, converged);
    }
}
