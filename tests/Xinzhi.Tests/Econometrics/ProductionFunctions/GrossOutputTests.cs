using Xinzhi.Econometrics.ProductionFunctions;
using Xinzhi.Econometrics.Regression;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>Gross output: the proxy becomes an input of f and gets a coefficient (R prodest has value added only).</summary>
public sealed class GrossOutputTests(ITestOutputHelper output)
{
    private static readonly ProductionFunctionSpec Spec = new(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], "pX");

    [Fact]
    public void Gross_output_OLS_is_OLS_with_the_proxy_as_a_regressor()
    {
        var r = Spec.Fit(new ProductionFunctionOptions { Method = ProductionFunctionMethod.Ols, Output = OutputConcept.GrossOutput });
        var p = ChileanData.Panel;
        var ones = Enumerable.Repeat(1.0, p.RowCount).ToArray();
        var direct = LinearRegression.Fit(p.Variable("Y"), [ones, p.Variable("fX1"), p.Variable("fX2"), p.Variable("sX"), p.Variable("pX")],
            ["c", "fX1", "fX2", "sX", "pX"]);
        Assert.Equal(["(Intercept)", "fX1", "fX2", "sX", "pX"], r.Terms);
        for (var j = 0; j < 5; j++) Assert.Equal(direct.Coefficients[j], r.Coefficients[j], 12);
    }

    [Theory]
    [InlineData(ProductionFunctionMethod.Lp)]
    [InlineData(ProductionFunctionMethod.Acf)]
    [InlineData(ProductionFunctionMethod.Wrdg)]
    public void Gross_output_estimates_a_proxy_coefficient(ProductionFunctionMethod method)
    {
        var r = Spec.Fit(new ProductionFunctionOptions { Method = method, Output = OutputConcept.GrossOutput, BootstrapReplications = 0 });
        output.WriteLine($"{method}: {string.Join(", ", r.Terms.Zip(r.Coefficients, (t, c) => $"{t} {c:F4}"))}");
        Assert.Equal(["fX1", "fX2", "sX", "pX"], r.Terms);
        Assert.True(r.Converged);
        Assert.All(r.Coefficients, c => Assert.True(double.IsFinite(c)));
        // ω must use the proxy coefficient too.
        var i = 5;
        var expected = ChileanData.Panel.Variable("Y")[i] - r.Coefficients[0] * ChileanData.Panel.Variable("fX1")[i]
                       - r.Coefficients[1] * ChileanData.Panel.Variable("fX2")[i] - r.Coefficients[2] * ChileanData.Panel.Variable("sX")[i]
                       - r.Coefficients[3] * ChileanData.Panel.Variable("pX")[i];
        Assert.Equal(expected, r.Omega[i], 12);
    }
}
