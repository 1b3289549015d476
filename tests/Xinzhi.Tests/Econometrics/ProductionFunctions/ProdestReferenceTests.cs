using Xinzhi.Econometrics.ProductionFunctions;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>
/// prodest 1.0.1 on prodest_chilean.csv (oracles.md §2.5). Tolerances there: 1e-6 for OLS, FE, WRDG, ROB and the
/// free-input coefficients of OP/LP (linear first stage); 5e-3 absolute for the OP/LP capital coefficient and all ACF
/// coefficients (second-stage optimiser results: prodest's optim and solnp differ by up to 1.2e-3); bootstrap SEs to
/// their order of magnitude only (prodest's R = 20 draws come from R's generator).
/// </summary>
public sealed class ProdestReferenceTests(ITestOutputHelper output)
{
    private const double Linear = 1e-6;
    private const double SecondStage = 5e-3;

    private static ProductionFunctionResult Fit(ProductionFunctionMethod method, string? proxy, ProductionFunctionOptions? o = null)
    {
        var spec = new ProductionFunctionSpec(ChileanData.Panel, "Y", ["fX1", "fX2"], ["sX"], proxy);
        return spec.Fit((o ?? new ProductionFunctionOptions()) with { Method = method });
    }

    private void Compare(ProductionFunctionResult r, string model, double tolFree, double tolState, bool compareSe)
    {
        foreach (var (param, column) in ChileanData.Params)
        {
            var (estimate, se) = ChileanData.Reference[(model, param)];
            var tol = column == "sX" ? tolState : tolFree;
            var got = r.Coefficient(column);
            output.WriteLine($"{model} {param}: xinzhi {got:R} prodest {estimate:R} diff {got - estimate:E2}; se {r.StandardError(column):G6} vs {se:G6}");
            Assert.True(Math.Abs(got - estimate) <= tol, $"{model} {param}: {got} vs prodest {estimate} (tol {tol})");
            if (compareSe) Assert.InRange(r.StandardError(column), se / 1e-6 * 1e-6 * 0.999999 * 1e-6 / 1e-6 * 0.999999 * 1e-6 / 1e-6 * 1, se * 1.000001);
        }
    }

    [Fact]
    public void Diagnostics()
    {
        foreach (var (m, p, name) in new[]
                 {
                     (ProductionFunctionMethod.Ols, (string?)null, "OLS"), (ProductionFunctionMethod.Fe, null, "FE_within"),
                     (ProductionFunctionMethod.Wrdg, "pX", "WRDG_elec"), (ProductionFunctionMethod.Rob, "pX", "ROB_elec"),
                     (ProductionFunctionMethod.Op, "inv", "OP_inv"), (ProductionFunctionMethod.Lp, "pX", "LP_elec"),
                     (ProductionFunctionMethod.Acf, "pX", "ACF_elec"),
                 })
        {
            var o = new ProductionFunctionOptions { BootstrapReplications = 0 };
            if (m == ProductionFunctionMethod.Acf) o = o with { Start = StartValueRule.Given, StartValues = [0.5, 0.5, 0.5] };
            var r = Fit(m, p, o);
            foreach (var (param, column) in ChileanData.Params)
            {
                var (estimate, se) = ChileanData.Reference[(name, param)];
                output.WriteLine($"{name} {param}: {r.Coefficient(column):R} vs {estimate:R} diff {r.Coefficient(column) - estimate:E2}; se {r.StandardError(column):G8} vs {se:G8} ratio {r.StandardError(column) / se:G8}");
            }
            if (r.Optimization is { } opt) output.WriteLine($"   {opt.Optimizer} it {opt.Iterations} conv {opt.Converged} f {opt.Objective:G6} exit {opt.ExitReason}");
        }
    }
}
