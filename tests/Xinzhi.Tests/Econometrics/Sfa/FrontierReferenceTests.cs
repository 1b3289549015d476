using Xinzhi;
using Xinzhi.Econometrics.Sfa;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>
/// Every model of R frontier 1.1-8 in ../shared/reference/sfa_frontier_estimates.csv (oracles.md §2.4) against
/// Xinzhi's default optimiser, FRONTIER 4.1's procedure: coefficients 1e-4 relative, ln L 1e-5 absolute, standard
/// errors (FRONTIER's direction matrix) 1e-3 relative, mean TE 1e-5 and the same iteration count.
/// <para>
/// The FRONTIER path evaluates −ln L and its gradient in FRONTIER's own arrangement with Cody's Φ (R's pnorm), so its
/// arithmetic is R frontier's bit for bit on Linux/glibc (docs/econometrics-sfa.md §5). Two models are sensitive to
/// that rounding (a 1e-15 change of the objective moves their DFP path): they are held to the oracle tolerances where
/// the C library is glibc, as for the reference, and to the looser bounds measured with other arithmetic elsewhere.
/// The wrong-skew cost model and BC95 with δ₀ do not replicate (see their tests).
/// </para>
/// </summary>
public sealed class FrontierReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Models => new()
    {
        "CD_halfnormal", "CD_truncnormal", "CD_halfnormal_pooled", "CD_panel_timeinvariant_halfnormal",
        "CD_BC92_halfnormal_eta", "TL_BC92_truncnormal_eta",
    };

    public static TheoryData<string> AllModels => new()
    {
        "CD_halfnormal", "CD_truncnormal", "CD_halfnormal_costform", "CD_halfnormal_pooled", "CD_panel_timeinvariant_halfnormal",
        "CD_BC92_truncnormal_eta", "CD_BC92_halfnormal_eta", "CD_BC95_effects_nointercept", "CD_BC95_effects", "TL_BC92_truncnormal_eta",
    };

    internal static (SfaData Data, SfaOptions Options) Setup(string model) => model switch
    {
        "CD_halfnormal" => (SfaFixtures.Front41(), new SfaOptions()),
        "CD_truncnormal" => (SfaFixtures.Front41(), new SfaOptions { Distribution = InefficiencyDistribution.TruncatedNormal }),
        "CD_halfnormal_costform" => (SfaFixtures.Front41(), new SfaOptions { Cost = true }),
        "CD_halfnormal_pooled" => (SfaFixtures.ByFarmerThenYear(SfaFixtures.Rice()), new SfaOptions()),
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
        output.WriteLine($"{model}: loglik {fit.LogLikelihood:R} (ref {reference[0].LogLik:R}), iterations {fit.Iterations} (ref {reference[0].Iterations}) +{fit.PolishIterations}, " +
                         $"grid γ {fit.GridGamma}, warnings {string.Join("; ", fit.Warnings)}");
        foreach (var r in reference)
        {
            var name = SfaFixtures.OurName(r.Param);
            output.WriteLine($"  {name,-14} {fit.Estimate(name),14:G8} ref {r.Estimate,14:G8} rel {(fit.Estimate(name) - r.Estimate) / r.Estimate:E1}   " +
                             $"se {fit.StandardError(name),12:G6} ref {r.StdError,12:G6} rel {(fit.StandardError(name) - r.StdError) / r.StdError:E1}");
        }
        return fit;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Should_match_R_frontier(string model)
    {
        var reference = SfaFixtures.FrontierReference(model);
        var fit = FitAndPrint(model, reference);
        AssertLikeReference(model, fit, reference, coefficient: 1e-4, standardError: 1e-3);
        Assert.Equal(reference[0].Iterations, fit.Iterations);
        Assert.Equal(SfaOptimizer.Frontier41, fit.Optimizer);
        Assert.Equal(SfaCovarianceSource.DirectionMatrix, fit.CovarianceSource);
    }

    /// <summary>
    /// The models whose DFP path follows the rounding of the likelihood code (BC92 truncated normal, 20 iterations; BC95
    /// without δ₀, 35). With glibc's exp/log/pow (Linux, as R's reference run) they replicate to the oracle tolerances
    /// and iteration count (measured: coefficients ≤ 1e-9, SEs ≤ 1e-7); elsewhere the bounds measured with other
    /// arithmetic (21 and 36 iterations; μ 1.4e-4, SEs 1.3e-2, BC95's δ SEs 0.2) apply.
    /// </summary>
    [Theory]
    [InlineData("CD_BC92_truncnormal_eta", 2e-4, 2e-2, 2e-2)]
    [InlineData("CD_BC95_effects_nointercept", 1e-4, 2e-2, 0.25)]
    public void Should_match_R_frontier_where_the_path_depends_on_rounding(string model, double coefficient, double standardError, double deltaStandardError)
    {
        var reference = SfaFixtures.FrontierReference(model);
        var fit = FitAndPrint(model, reference);
        if (OperatingSystem.IsLinux())
        {
            AssertLikeReference(model, fit, reference, coefficient: 1e-4, standardError: 1e-3);
            Assert.Equal(reference[0].Iterations, fit.Iterations);
            return;
        }
        AssertLikeReference(model, fit, reference, coefficient, standardError, deltaStandardError);
        Assert.InRange(fit.Iterations, reference[0].Iterations - 2, reference[0].Iterations + 2);
    }

    private static void AssertLikeReference(string model, SfaResult fit, IReadOnlyList<SfaFixtures.ReferenceParam> reference,
        double coefficient, double standardError, double? deltaStandardError = null)
    {
        Assert.Equal(reference.Count, fit.Names.Count);
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-5, $"{model}: loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
        Assert.True(Math.Abs(fit.LogLikelihoodAtEstimate - reference[0].LogLik) < 2e-5, $"{model}: loglik at the estimate {fit.LogLikelihoodAtEstimate}");
        Assert.True(Math.Abs(fit.OlsLogLikelihood - reference[0].LogLikOls) < 1e-6, $"{model}: OLS loglik {fit.OlsLogLikelihood} vs {reference[0].LogLikOls}");
        Assert.Equal(reference[0].Nobs, fit.Nobs);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        foreach (var r in reference)
        {
            var name = SfaFixtures.OurName(r.Param);
            var est = fit.Estimate(name);
            Assert.True(Math.Abs(est - r.Estimate) <= coefficient * Math.Abs(r.Estimate), $"{model} {name}: {est:R} vs {r.Estimate:R}");
            var se = fit.StandardError(name);
            var tol = name.StartsWith("Z_", StringComparison.Ordinal) ? deltaStandardError ?? standardError : standardError;
            Assert.True(Math.Abs(se - r.StdError) <= tol * r.StdError, $"{model} {name} SE: {se:R} vs {r.StdError:R}");
        }
        Assert.True(Math.Abs(fit.MeanEfficiency - reference[0].MeanEff) < 1e-5, $"{model}: mean TE {fit.MeanEfficiency} vs {reference[0].MeanEff}");
    }

    /// <summary>
    /// Truncated normal on front41Data: μ ends on R frontier's bound −2σ_u, where FRONTIER's clipping stalls the search
    /// (ln L −16.79567). The FRONTIER path reproduces that point (μ on the bound, warned); the Newton path maximises on
    /// the same bound and reaches a higher ln L.
    /// </summary>
    [Fact]
    public void Should_stall_on_the_mu_bound_like_R_frontier_and_improve_with_newton()
    {
        var (data, options) = Setup("CD_truncnormal");
        var fit = new StochasticFrontier(data).Fit(options);
        Assert.Contains(fit.Warnings, w => w.Code == SfaWarningCode.MuAtBound);
        Assert.True(Math.Abs(fit.Estimate("mu") + 2 * Math.Sqrt(fit.SigmaUSquared)) < 1e-9, $"μ {fit.Estimate("mu")}");
        var newton = new StochasticFrontier(data).Fit(options with { Optimizer = SfaOptimizer.Newton });
        output.WriteLine($"FRONTIER path ln L {fit.LogLikelihoodAtEstimate:R}, Newton {newton.LogLikelihood:R}");
        Assert.True(newton.LogLikelihood >= fit.LogLikelihoodAtEstimate, $"{newton.LogLikelihood} < {fit.LogLikelihoodAtEstimate}");
        Assert.Equal(SfaCovarianceSource.Hessian, newton.CovarianceSource);
    }

    /// <summary>The full-convergence path never ends below the FRONTIER path (its stopping rule is far stricter).</summary>
    [Theory]
    [MemberData(nameof(AllModels))]
    public void Should_reach_at_least_the_FRONTIER_likelihood_with_newton(string model)
    {
        var (data, options) = Setup(model);
        var frontier = new StochasticFrontier(data).Fit(options);
        var newton = new StochasticFrontier(data).Fit(options with { Optimizer = SfaOptimizer.Newton });
        output.WriteLine($"{model}: FRONTIER {frontier.LogLikelihoodAtEstimate:R} ({frontier.Iterations} it), Newton {newton.LogLikelihood:R} ({newton.Iterations}+{newton.PolishIterations} it)");
        Assert.Equal(SfaOptimizer.Newton, newton.Optimizer);
        Assert.True(newton.LogLikelihood >= frontier.LogLikelihoodAtEstimate - 1e-9, $"{newton.LogLikelihood} < {frontier.LogLikelihoodAtEstimate}");
        Assert.True(newton.LogLikelihood - frontier.LogLikelihoodAtEstimate < 1e-2, "the two optima are the same mode");
    }

    /// <summary>The inverse Hessian is available on the FRONTIER path too and agrees with the direction matrix to a few %.</summary>
    [Fact]
    public void Should_offer_the_inverse_Hessian_on_the_FRONTIER_path()
    {
        var (data, options) = Setup("CD_halfnormal");
        var dfp = new StochasticFrontier(data).Fit(options);
        var hess = new StochasticFrontier(data).Fit(options with { Covariance = SfaCovarianceSource.Hessian });
        Assert.Equal(SfaCovarianceSource.Hessian, hess.CovarianceSource);
        Assert.Equal(dfp.Estimates, hess.Estimates);
        for (var j = 0; j < dfp.Names.Count; j++)
            Assert.True(Math.Abs(hess.StandardErrors[j] - dfp.StandardErrors[j]) < 5e-2 * dfp.StandardErrors[j], dfp.Names[j]);
        Assert.Throws<SpecificationException>(() => new StochasticFrontier(data).Fit(options with
        {
            Optimizer = SfaOptimizer.Newton, Covariance = SfaCovarianceSource.DirectionMatrix,
        }));
    }

    /// <summary>BC95 with δ₀ is weakly identified (oracles.md): converge without crashing, log-likelihood within 1e-3.</summary>
    [Fact]
    public void Should_converge_on_weakly_identified_BC95_with_intercept()
    {
        var reference = SfaFixtures.FrontierReference("CD_BC95_effects");
        var fit = FitAndPrint("CD_BC95_effects", reference);
        Assert.True(fit.Converged, fit.ConvergenceReason);
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-3, $"loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
    }

    /// <summary>
    /// Cost form on production data (wrong skew): γ → 0 and ln L → OLS ln L. The likelihood is flat in γ and β₀ there,
    /// so the DFP path is rounding-driven (46 vs R's 49 iterations; FRONTIER's own Fortran, built here with R's OLS start,
    /// takes 53) and γ ≈ 1e-5 is not reproducible; ln L (1e-5), slopes and σ² (1e-4), β₀ (1e-3; measured 4.4e-4) and
    /// mean TE (2e-4) are, and the wrong skew is flagged.
    /// </summary>
    [Fact]
    public void Should_flag_wrong_skew_in_cost_form()
    {
        var reference = SfaFixtures.FrontierReference("CD_halfnormal_costform");
        var fit = FitAndPrint("CD_halfnormal_costform", reference);
        Assert.True(fit.WrongSkew);
        Assert.Contains(fit.Warnings, w => w.Code == SfaWarningCode.GammaAtBoundary);
        Assert.True(Math.Abs(fit.LogLikelihood - reference[0].LogLik) < 1e-5, $"loglik {fit.LogLikelihood} vs {reference[0].LogLik}");
        Assert.True(fit.Gamma < 1e-4, $"γ = {fit.Gamma}");
        foreach (var (name, tol) in new[] { ("lK", 1e-4), ("lL", 1e-4), ("sigmaSq", 1e-4), ("(Intercept)", 1e-3) })
        {
            var r = reference.Single(p => p.Param == name);
            Assert.True(Math.Abs(fit.Estimate(name) - r.Estimate) <= tol * Math.Abs(r.Estimate), $"{name}: {fit.Estimate(name)} vs {r.Estimate}");
        }
        Assert.True(Math.Abs(fit.MeanEfficiency - reference[0].MeanEff) < 2e-4, $"mean TE {fit.MeanEfficiency} vs {reference[0].MeanEff}");
    }
}
