using Xinzhi.Econometrics.Sfa;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>
/// Cross-checks between formulations that must coincide. They use the full-convergence Newton path: FRONTIER 4.1's
/// DFP stops at a relative change of 1e-5 along a path that depends on rounding, so two equivalent formulations need
/// not stop at the same point on that path.
/// </summary>
public sealed class PanelEquivalenceTests
{
    /// <summary>With one period per entity, Pitt-Lee is the cross-section model (independent formulation of the panel likelihood).</summary>
    [Theory]
    [InlineData(InefficiencyDistribution.HalfNormal, false)]
    [InlineData(InefficiencyDistribution.TruncatedNormal, false)]
    [InlineData(InefficiencyDistribution.HalfNormal, true)]
    public void Should_reduce_Pitt_Lee_to_the_cross_section_with_one_period_per_entity(InefficiencyDistribution dist, bool cost)
    {
        var d = SfaFixtures.Front41();
        var panel = d with { Ids = Enumerable.Range(1, d.Y.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), Times = new int[d.Y.Length] };
        var cs = new StochasticFrontier(d).Fit(new SfaOptions { Distribution = dist, Cost = cost, Optimizer = SfaOptimizer.Newton });
        var pl = new StochasticFrontier(panel).Fit(new SfaOptions { Model = SfaModel.PittLee, Distribution = dist, Cost = cost, Optimizer = SfaOptimizer.Newton });
        Assert.Equal(cs.LogLikelihood, pl.LogLikelihood, 8);
        for (var j = 0; j < cs.Estimates.Length; j++)
            Assert.True(Math.Abs(cs.Estimates[j] - pl.Estimates[j]) < 1e-5 * Math.Max(1, Math.Abs(cs.Estimates[j])), $"{cs.Names[j]}");
        for (var i = 0; i < cs.Nobs; i++) Assert.Equal(cs.EfficiencyBC88[i], pl.EfficiencyBC88[i], 5);
        // And the likelihoods agree at any parameter point, not only at the optimum.
        var theta = cs.Estimates.Select(v => v * 1.01).ToArray();
        Assert.Equal(new StochasticFrontier(d).LogLikelihoodAt(new SfaOptions { Distribution = dist, Cost = cost }, theta),
            new StochasticFrontier(panel).LogLikelihoodAt(new SfaOptions { Model = SfaModel.PittLee, Distribution = dist, Cost = cost }, theta), 10);
    }

    /// <summary>BC92 with η = 0 is Pitt-Lee: the likelihoods agree wherever η = 0.</summary>
    [Fact]
    public void Should_reduce_BC92_to_Pitt_Lee_at_eta_zero()
    {
        var d = SfaFixtures.Rice();
        var pl = new StochasticFrontier(d).Fit(new SfaOptions { Model = SfaModel.PittLee, Optimizer = SfaOptimizer.Newton });
        var theta = pl.Estimates.Append(0.0).ToArray();
        Assert.Equal(pl.LogLikelihood, new StochasticFrontier(d).LogLikelihoodAt(new SfaOptions { Model = SfaModel.BC92 }, theta), 10);
    }

    /// <summary>BC95 with only δ₀ is the cross-section truncated-normal model with μ = δ₀.</summary>
    [Fact]
    public void Should_reduce_BC95_with_only_an_intercept_to_the_truncated_normal()
    {
        var d = SfaFixtures.Front41();
        var tn = new StochasticFrontier(d).Fit(new SfaOptions { Distribution = InefficiencyDistribution.TruncatedNormal, MuBound = null, Optimizer = SfaOptimizer.Newton });
        // θ order: β, δ₀, σ², γ (BC95) vs β, σ², γ, μ (truncated normal).
        var k = 3;
        var theta = tn.Estimates.Take(k).Append(tn.Estimate("mu")).Append(tn.SigmaSq).Append(tn.Gamma).ToArray();
        Assert.Equal(tn.LogLikelihood, new StochasticFrontier(d).LogLikelihoodAt(new SfaOptions { Model = SfaModel.BC95 }, theta), 10);
    }

    [Fact]
    public void Should_name_a_z_variable_collinear_with_the_intercept()
    {
        var d = SfaFixtures.Rice(z: true);
        var constant = Enumerable.Repeat(3.0, d.Y.Length).ToArray();
        var bad = d with { Z = [.. d.Z, constant], ZNames = [.. d.ZNames, "CONST"] };
        var ex = Assert.Throws<SingularMatrixException>(() => new StochasticFrontier(bad).Fit(new SfaOptions { Model = SfaModel.BC95 }));
        Assert.Contains("Z_CONST", ex.Message);
    }
}
