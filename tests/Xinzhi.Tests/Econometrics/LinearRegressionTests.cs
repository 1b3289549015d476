using Xinzhi.Econometrics.Regression;

namespace Xinzhi.Tests.Econometrics;

public sealed class LinearRegressionTests
{
    /// <summary>Longley-type check: QR estimates equal the normal-equation solution on random data.</summary>
    [Fact]
    public void Should_match_normal_equations_on_random_data()
    {
        const int seed = 20261201;
        var rng = new Random(seed);
        const int n = 200;
        var one = Enumerable.Repeat(1.0, n).ToArray();
        var x1 = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10).ToArray();
        var x2 = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 3 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(i => 1.5 + 0.7 * x1[i] - 2 * x2[i] + rng.NextDouble() - 0.5).ToArray();
        var fit = LinearRegression.Fit(y, [one, x1, x2], ["const", "x1", "x2"]);

        var cols = new[] { one, x1, x2 };
        var xtx = new double[3, 3];
        var xty = new double[3];
        for (var a = 0; a < 3; a++)
        {
            for (var b = 0; b < 3; b++) xtx[a, b] = Enumerable.Range(0, n).Sum(i => cols[a][i] * cols[b][i]);
            xty[a] = Enumerable.Range(0, n).Sum(i => cols[a][i] * y[i]);
        }
        var beta = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(xtx)
            .Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(xty));
        for (var j = 0; j < 3; j++) Assert.True(Math.Abs(beta[j] - fit.Coefficients[j]) < 1e-9, $"seed {seed}, coef {j}");
    }

    [Fact]
    public void Should_name_collinear_regressors()
    {
        var one = new double[] { 1, 1, 1, 1, 1 };
        var x = new double[] { 1, 2, 3, 4, 5 };
        var twice = x.Select(v => 2 * v).ToArray();
        var ex = Assert.Throws<SingularMatrixException>(() =>
            LinearRegression.Fit([1, 3, 2, 5, 4], [one, x, twice], ["const", "x", "twice"]));
        Assert.Contains("twice", ex.Message);
    }

    [Fact]
    public void Should_give_clustered_errors_equal_to_hc1_scaled_when_every_cluster_is_one_observation()
    {
        var rng = new Random(7);
        const int n = 50;
        var one = Enumerable.Repeat(1.0, n).ToArray();
        var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var y = x.Select(v => 2 * v + rng.NextDouble()).ToArray();
        var hc1 = LinearRegression.Fit(y, [one, x], ["c", "x"], CovarianceType.HC1);
        var cl = LinearRegression.Fit(y, [one, x], ["c", "x"], CovarianceType.Clustered,
            Enumerable.Range(0, n).Select(i => i.ToString()).ToArray());
        // G = n: factor n/(n-1)·(n-1)/(n-k) = n/(n-k), the HC1 factor.
        Assert.Equal(hc1.StandardErrors[1], cl.StandardErrors[1], 12);
    }
}
