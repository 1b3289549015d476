using MathNet.Numerics.LinearAlgebra;
using Xinzhi.Econometrics.ProductionFunctions;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>
/// Xinzhi's WRDG is Wooldridge's (2009) two-equation system with linear g, stacked and estimated by 2SLS, which is
/// the point estimate of prodest's <c>prodestWRDG_GMM</c> (its second step uses W = (σ²Z'Z)⁻¹). prodest 1.0.1's
/// <c>prodestWRDG</c> (WRDG_elec) is a different model, reproduced by <see cref="WooldridgeVariant.Prodest"/> and tested in
/// <see cref="ProdestReferenceTests"/>; this test checks the default system against an independent normal-equation
/// formulation built here, element by element.
/// </summary>
public sealed class WooldridgeTests(ITestOutputHelper output)
{
    [Fact]
    public void Stacked_2SLS_matches_an_independent_GMM_formula()
    {
        var p = ChileanData.Panel;
        var r = new ProductionFunctionSpec(p, "Y", ["fX1", "fX2"], ["sX"], "pX")
            .Fit(new ProductionFunctionOptions { Method = ProductionFunctionMethod.Wrdg });

        var key = new Dictionary<(string, int), int>();
        for (var i = 0; i < p.RowCount; i++) key[(p.Ids[i], p.Times![i])] = i;
        var rows = new List<(int Now, int Lag)>();
        for (var i = 0; i < p.RowCount; i++)
            if (key.TryGetValue((p.Ids[i], p.Times![i] - 1), out var l)) rows.Add((i, l));
        var m = rows.Count;
        double V(string n, int i) => p.Variable(n)[i];
        double[] C(int i) => [V("sX", i), V("pX", i), V("sX", i) * V("pX", i), V("sX", i) * V("sX", i), V("pX", i) * V("pX", i)];
        // Regressors: const, fX1, fX2, sX (common); eq1: c without sX; eq2: const, lagged c.
        var x = Matrix<double>.Build.Dense(2 * m, 4 + 4 + 6);
        var z = Matrix<double>.Build.Dense(2 * m, 8 + 9);
        var y = Vector<double>.Build.Dense(2 * m);
        for (var j = 0; j < m; j++)
        {
            var (now, lag) = rows[j];
            var c = C(now);
            var cl = C(lag);
            foreach (var (row, eq) in new[] { (j, 1), (m + j, 2) })
            {
                y[row] = V("Y", now);
                x[row, 0] = 1; x[row, 1] = V("fX1", now); x[row, 2] = V("fX2", now); x[row, 3] = V("sX", now);
                if (eq == 1)
                {
                    for (var t = 1; t < 5; t++) x[row, 3 + t] = c[t];
                    z[row, 0] = 1; z[row, 1] = V("fX1", now); z[row, 2] = V("fX2", now);
                    for (var t = 0; t < 5; t++) z[row, 3 + t] = c[t];
                }
                else
                {
                    x[row, 8] = 1;
                    for (var t = 0; t < 5; t++) x[row, 9 + t] = cl[t];
                    z[row, 8] = 1; z[row, 9] = V("fX1", lag); z[row, 10] = V("fX2", lag); z[row, 11] = V("sX", now);
                    for (var t = 0; t < 5; t++) z[row, 12 + t] = cl[t];
                }
            }
        }
        var w = (z.TransposeThisAndMultiply(z)).Inverse();
        var xz = x.TransposeThisAndMultiply(z);
        var beta = (xz * w * xz.Transpose()).Solve(xz * w * z.TransposeThisAndMultiply(y));
        var names = new[] { "fX1", "fX2", "sX" };
        for (var j = 0; j < 3; j++)
        {
            output.WriteLine($"{names[j]}: {r.Coefficient(names[j]):R} vs {beta[1 + j]:R}");
            Assert.Equal(beta[1 + j], r.Coefficient(names[j]), 8);
        }
        Assert.Equal(m, r.SecondStageObservations);
        Assert.Equal(StandardErrorKind.Analytic, r.StandardErrorKind);
    }
}
