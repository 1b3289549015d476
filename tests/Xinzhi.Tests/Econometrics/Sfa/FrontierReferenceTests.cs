using Xinzhi.Econometrics.Sfa;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>
/// Every model of R frontier 1.1-8 in ../shared/reference/sfa_frontier_estimates.csv (oracles.md §2.4):
/// coefficients 1e-4 relative, log-likelihood 1e-5 absolute. Standard errors: R frontier reports FRONTIER 4.1's
/// final DFP direction matrix (an approximation of the inverse Hessian), Xinzhi the exact inverse Hessian, so they are
/// compared at 5e-2 relative for β, σ², γ, μ, η (documented in docs/econometrics-sfa.md); the BC95 δ's, where the DFP
/// approximation is far off, are checked against our own numerical second derivatives elsewhere.
/// </summary>
public sealed class FrontierReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new()
    {
        "CD_halfnormal", "CD_halfnormal_pooled", "CD_panel_timeinvariant_halfnormal",
        "CD_BC92_truncnormal_eta", "CD_BC92_halfnormal_eta", "CD_BC95_effects_nointercept", "TL_BC92_truncnormal_eta",
    };

    internal static (SfaData Data, SfaOptions Options) Setup(string model) => model switch
    {
        "CD_halfnormal" => (SfaFixtures.Front41(), new SfaOptions()),
        "CD_truncnormal" => (SfaFixtures.Front41(), new SfaOptions { Distribution = InefficiencyDistribution.TruncatedNormal }),
        "CD_halfnormal_costform" => (SfaFixtures.Front41(), new SfaOptions { Cost = true }),
        "CD_halfnormal_pooled" => (SfaFixtures.Rice(), new SfaOptions()),
        "CD_panel_timeinvariant_halfnormal" => (SfaFixtures.Rice(), new SfaOptions { Model = SfaModel.PittLee }),
        "CD_BC92_truncnormal_eta" => (SfaFixtures.Rice(),
            new SfaOptions { Model = SfaModel.BC92, Distribution = InefficiencyDistribution.TruncatedNormal }),
        "CD_BC92_halfnormal_eta" => (SfaFixtures.Rice(), new SfaOptions { Model = SfaModel.BC92 }),
        "CD_BC95_effects_nointercept" => (SfaFixtures.Rice(yearDummies: true, z: true),
            new SfaOptions { Model = SfaModel.BC95, ZIntercept = false }),
        "CD_BC95_effects" => (SfaFixtures.Rice(yearDummies: true, z: true), new SfaOptions { Model = SfaModel.BC95 }),
        "TL_BC92_truncnormal_eta" => (SfaFixtures.Rice(translog: true),
            new SfaOptions { Model = SfaModel.BC92, Distribution = InefficiencyDistribution.TruncatedNormal }),
        _ => throw new ArgumentException(model),
    };

    private SfaResult FitAndPrint(string model, IReadOnlyList<SfaFixtures.ReferenceParam> reference)
    {
        var (data, options) = Setup(model);
        var fit = new StochasticFrontier(data).Fit(options);
        output.WriteLine($"{model}: loglik {fit.LogLikelihood:R} (ref {reference[0].LogLik:R}), iterations {fit.Iterations}+{fit.PolishIterations}, " +
                         $"grid γ {fit.GridGamma}, warnings {string.Join("; ", fit.Warnings)}");
        foreach (var r in reference)
        {
            var name = SfaFixtures.OurName(r.Param);
            output.WriteLine($"  {name,-14} {fit.Estimate(name),14:G8} ref {r.Estimate,14:G8}   se {fit.StandardError(name),12:G6} ref {r.StdError,12:G6}");
        }
        return fit;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_match_R_frontier(string model)
    {
        var reference = SfaFixtures.FrontierReference(model);
        var fit = FitAndPrint(model, reference);
        Assert.Equal(reference.Count, fit.Names.Count);
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-5, $"{model}: loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
        Assert.True(Math.Abs(fit.OlsLogLikelihood - reference[0].LogLikOls) < 1e-6, $"{model}: OLS loglik {fit.OlsLogLikelihood} vs {reference[0].LogLikOls}");
        Assert.Equal(reference[0].Nobs, fit.Nobs);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        foreach (var r in reference)
        {
            var name = SfaFixtures.OurName(r.Param);
            var est = fit.Estimate(name);
            // 1e-4 relative; for parameters estimated less precisely than their size (|θ| < SE, a flat likelihood) the
            // scale is the SE: the reference's own stopping error exceeds 1e-4·|θ| there (docs/econometrics-sfa.md).
            var scale = Math.Max(Math.Abs(r.Estimate), fit.StandardError(name));
            Assert.True(Math.Abs(est - r.Estimate) <= 1e-4 * scale, $"{model} {name}: {est:R} vs {r.Estimate:R}");
            if (name.StartsWith("Z_", StringComparison.Ordinal)) continue;
            var se = fit.StandardError(name);
            Assert.True(Math.Abs(se - r.StdError) <= 5e-2 * r.StdError, $"{model} {name} SE: {se:R} vs {r.StdError:R}");
        }
        Assert.True(Math.Abs(fit.MeanEfficiency - reference[0].MeanEff) < 1e-5, $"{model}: mean TE {fit.MeanEfficiency} vs {reference[0].MeanEff}");
    }

    /// <summary>
    /// Truncated normal on front41Data: μ sits on R frontier's bound −2σ_u. FRONTIER's DFP clips μ onto the bound and
    /// stalls there (ln L −16.79567); Xinzhi maximises on the same bound and finds a higher ln L. So the test asserts:
    /// the reference point is feasible, our ln L exceeds the likelihood of the reference parameters, μ is on the bound,
    /// and the well-identified slopes agree to 2e-3.
    /// </summary>
    [Fact]
    public void Should_find_at_least_the_R_frontier_optimum_for_truncated_normal()
    {
        var reference = SfaFixtures.FrontierReference("CD_truncnormal");
        var fit = FitAndPrint("CD_truncnormal", reference);
        var (data, options) = Setup("CD_truncnormal");
        var refTheta = reference.Select(r => r.Estimate).ToArray();
        var llAtReference = new StochasticFrontier(data).LogLikelihoodAt(options, refTheta);
        output.WriteLine($"ln L at the reference parameters (our likelihood): {llAtReference:R}");
        Assert.True(fit.LogLikelihood >= llAtReference, $"{fit.LogLikelihood} < {llAtReference}");
        Assert.True(fit.LogLikelihood >= reference[0].LogLik - 1e-5);
        Assert.Contains(fit.Warnings, w => w.Code == SfaWarningCode.MuAtBound);
        Assert.True(Math.Abs(fit.Estimate("mu") + 2 * Math.Sqrt(fit.SigmaUSquared)) < 1e-5, $"μ {fit.Estimate("mu")}");
        foreach (var name in new[] { "lK", "lL" })
        {
            var r = reference.Single(p => p.Param == name);
            Assert.True(Math.Abs(fit.Estimate(name) - r.Estimate) <= 2e-3 * Math.Abs(r.Estimate), $"{name}: {fit.Estimate(name)} vs {r.Estimate}");
        }
    }

    /// <summary>BC95 with δ₀ is weakly identified (oracles.md): converge without crashing, log-likelihood within 1e-3.</summary>
    [Fact]
    public void Should_converge_on_weakly_identified_BC95_with_intercept()
    {
        var reference = SfaFixtures.FrontierReference("CD_BC95_effects");
        var fit = FitAndPrint("CD_BC95_effects", reference);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.True(fit.LogLikelihood > reference[0].LogLik - 1e-3, $"loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-3, $"loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
    }

    /// <summary>
    /// Cost form on production data (wrong skew): γ → 0 and ln L → OLS ln L. The intercept depends on where a flat
    /// likelihood stops, so only slopes (1e-3), ln L (1e-5) and the flag are checked.
    /// </summary>
    [Fact]
    public void Should_flag_wrong_skew_in_cost_form()
    {
        var reference = SfaFixtures.FrontierReference("CD_halfnormal_costform");
        var fit = FitAndPrint("CD_halfnormal_costform", reference);
        Assert.True(fit.WrongSkew);
        Assert.Contains(fit.Warnings, w => w.Code == SfaWarningCode.GammaAtBoundary);
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-5, $"loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
        Assert.True(fit.Gamma < 1e-3, $"γ = {fit.Gamma}");
        foreach (var name in new[] { "lK", "lL" })
        {
            var r = reference.Single(p => p.Param == name);
            Assert.True(Math.Abs(fit.Estimate(name) - r.Estimate) <= 1e-3 * Math.Abs(r.Estimate), $"{name}: {fit.Estimate(name)} vs {r.Estimate}");
        }
        Assert.True(Math.Abs(fit.MeanEfficiency - reference[0].MeanEff) < 2e-3, $"mean TE {fit.MeanEfficiency} vs {reference[0].MeanEff}");
    }
}
