using Xinzhi.Econometrics.ProductionFunctions;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>
/// Translog ACF has no peer reference (oracles.md §7): on a large simulated panel (DGP in <see cref="SimulatedPanel"/>),
/// the estimates must recover the true parameters within three bootstrap standard errors, and OLS must not (it is
/// biased by the transmission of ω to labour), so the test can fail.
/// </summary>
public sealed class TranslogSimulationTests(ITestOutputHelper output)
{
    private const long Seed = 20251;
    private static readonly SimulatedPanel.Truth Truth = new(L: 0.55, K: 0.30, LL: 0.04, LK: -0.03, KK: 0.02);

    [Fact]
    public void Translog_ACF_recovers_the_true_parameters()
    {
        var panel = SimulatedPanel.Generate(firms: 2500, periods: 6, Truth, Seed);
        var spec = new ProductionFunctionSpec(panel, "y", ["l"], ["k"], "m");
        var r = spec.Fit(new ProductionFunctionOptions
        {
            Method = ProductionFunctionMethod.Acf,
            Form = ProductionForm.Translog,
            BootstrapReplications = 8,
            Seed = 7,
        });
        var truth = new Dictionary<string, double> { ["l"] = Truth.L, ["k"] = Truth.K, ["l^2"] = Truth.LL, ["l:k"] = Truth.LK, ["k^2"] = Truth.KK };
        output.WriteLine($"seed {Seed}; converged {r.Converged}; criterion {r.Optimization!.Objective:G3}; terms {string.Join(",", r.Terms)}");
        Assert.True(r.Converged, $"seed {Seed}");
        Assert.Equal(5, r.Terms.Count);
        foreach (var term in r.Terms)
        {
            var est = r.Coefficient(term);
            var se = r.StandardError(term);
            output.WriteLine($"{term}: {est:F4} (SE {se:F4}) true {truth[term]}");
            Assert.True(Math.Abs(est - truth[term]) <= 3 * se, $"seed {Seed}: {term} = {est} ± {se}, true {truth[term]}");
            Assert.True(se < 0.05, $"seed {Seed}: {term} SE {se} too large to be informative");
        }

        // Elasticities: ∂f/∂l = β_l + 2β_ll l + β_lk k, checked on one row.
        var i0 = 17;
        var l0 = panel.Variable("l")[i0];
        var k0 = panel.Variable("k")[i0];
        Assert.Equal(["l", "k"], r.ElasticityInputs);
        Assert.Equal(r.Coefficient("l") + 2 * r.Coefficient("l^2") * l0 + r.Coefficient("l:k") * k0, r.Elasticities![0][i0], 12);
        Assert.Equal(r.Coefficient("k") + 2 * r.Coefficient("k^2") * k0 + r.Coefficient("l:k") * l0, r.Elasticities[1][i0], 12);

        var ols = spec.Fit(new ProductionFunctionOptions { Method = ProductionFunctionMethod.Ols, Form = ProductionForm.Translog });
        output.WriteLine($"OLS l {ols.Coefficient("l"):F4} (SE {ols.StandardError("l"):F4})");
        Assert.True(Math.Abs(ols.Coefficient("l") - Truth.L) > 5 * ols.StandardError("l"), "OLS should be biased on this DGP");
    }

    [Fact]
    public void Cobb_Douglas_ACF_recovers_the_true_parameters()
    {
        var cd = new SimulatedPanel.Truth(0.6, 0.3, 0, 0, 0);
        var panel = SimulatedPanel.Generate(firms: 800, periods: 6, cd, Seed + 1);
        var r = new ProductionFunctionSpec(panel, "y", ["l"], ["k"], "m")
            .Fit(new ProductionFunctionOptions { Method = ProductionFunctionMethod.Acf, BootstrapReplications = 0 });
        output.WriteLine($"seed {Seed + 1}: ACF l {r.Coefficient("l"):F4} k {r.Coefficient("k"):F4}");
        Assert.True(r.Converged);
        Assert.InRange(r.Coefficient("l"), 0.55, 0.65);
        Assert.InRange(r.Coefficient("k"), 0.25, 0.35);
    }
}
