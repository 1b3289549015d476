using Xinzhi.Econometrics.Sfa;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>The analytic gradient of every likelihood equals central finite differences of ln L at random points.</summary>
public sealed class GradientTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "front41", "half" }, { "front41", "trunc" }, { "front41", "exp" }, { "front41", "cost-trunc" }, { "front41", "cost-exp" },
        { "rice", "pitt-lee" }, { "rice", "bc92-trunc" }, { "rice", "bc92-cost" }, { "rice-z", "bc95" }, { "rice-z", "bc95-cost" },
    };

    private static SfaData DataFor(string dataset) => dataset switch
    {
        "front41" => SfaFixtures.Front41(),
        "rice" => SfaFixtures.Rice(),
        _ => SfaFixtures.Rice(yearDummies: false, z: true),
    };

    private static SfaOptions OptionsFor(string variant) => variant switch
    {
        "half" => new SfaOptions(),
        "trunc" => new SfaOptions { Distribution = InefficiencyDistribution.TruncatedNormal },
        "exp" => new SfaOptions { Distribution = InefficiencyDistribution.Exponential },
        "cost-trunc" => new SfaOptions { Distribution = InefficiencyDistribution.TruncatedNormal, Cost = true },
        "cost-exp" => new SfaOptions { Distribution = InefficiencyDistribution.Exponential, Cost = true },
        "pitt-lee" => new SfaOptions { Model = SfaModel.PittLee, Distribution = InefficiencyDistribution.TruncatedNormal },
        "bc92-trunc" => new SfaOptions { Model = SfaModel.BC92, Distribution = InefficiencyDistribution.TruncatedNormal },
        "bc92-cost" => new SfaOptions { Model = SfaModel.BC92, Cost = true },
        "bc95" => new SfaOptions { Model = SfaModel.BC95 },
        _ => new SfaOptions { Model = SfaModel.BC95, Cost = true },
    };

    /// <summary>Three points near the estimate (each parameter moved by up to ±0.025, γ kept in [0.1, 0.9]).</summary>
    private static double[][] PointsNearEstimate(SfaResult fit, int seed)
    {
        var rng = new Random(seed);
        var gi = Array.IndexOf(fit.Names.ToArray(), "gamma");
        var points = new double[3][];
        for (var trial = 0; trial < points.Length; trial++)
        {
            var theta = fit.Estimates.Select(v => v + 0.05 * (rng.NextDouble() - 0.5)).ToArray();
            theta[gi] = Math.Clamp(theta[gi], 0.1, 0.9);
            points[trial] = theta;
        }
        return points;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_finite_differences(string dataset, string variant)
    {
        const int seed = 4242;
        var data = DataFor(dataset);
        var options = OptionsFor(variant);
        var sf = new StochasticFrontier(data);
        var fit = sf.Fit(options);
        var points = PointsNearEstimate(fit, seed);
        for (var trial = 0; trial < points.Length; trial++)
        {
            var theta = points[trial];
            var g = sf.GradientAt(options, theta);
            for (var j = 0; j < theta.Length; j++)
            {
                var h = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
                var tp = (double[])theta.Clone();
                var tm = (double[])theta.Clone();
                tp[j] += h;
                tm[j] -= h;
                var fd = (sf.LogLikelihoodAt(options, tp) - sf.LogLikelihoodAt(options, tm)) / (2 * h);
                Assert.True(Math.Abs(fd - g[j]) <= 1e-5 * Math.Max(1, Math.Abs(fd)),
                    $"seed {seed} trial {trial} {dataset}/{variant} ∂/∂{fit.Names[j]}: analytic {g[j]:R}, numeric {fd:R}");
            }
        }
    }

    /// <summary>
    /// FRONTIER 4.1's arrangement of −ln L (Frontier41Objective, what the default optimiser minimises) is the same
    /// function as SfaLikelihood's, written independently: values agree up to the single-precision-π offset, gradients
    /// to rounding, on every FRONTIER model (cross-section, Pitt-Lee, BC92 with μ and η, BC95, cost forms).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_the_FRONTIER_arrangement_of_the_likelihood(string dataset, string variant)
    {
        if (variant.EndsWith("exp", StringComparison.Ordinal)) return; // FRONTIER 4.1 has no exponential model
        const int seed = 777;
        var data = DataFor(dataset);
        var options = OptionsFor(variant);
        var sf = new StochasticFrontier(data);
        var fit = sf.Fit(options);
        var points = PointsNearEstimate(fit, seed);
        for (var trial = 0; trial < points.Length; trial++)
        {
            var theta = points[trial];
            var ll = sf.LogLikelihoodAt(options, theta);
            var g = sf.GradientAt(options, theta);
            var (value, grad, offset) = sf.Frontier41ObjectiveAt(options, theta);
            Assert.True(Math.Abs(-value + offset - ll) <= 1e-11 * Math.Abs(ll),
                $"seed {seed} trial {trial} {dataset}/{variant}: FRONTIER −f {-value + offset:R} vs ln L {ll:R}");
            for (var j = 0; j < theta.Length; j++)
                Assert.True(Math.Abs(-grad[j] - g[j]) <= 1e-9 * Math.Max(1, Math.Abs(g[j])),
                    $"seed {seed} trial {trial} {dataset}/{variant} ∂/∂{fit.Names[j]}: FRONTIER {-grad[j]:R} vs {g[j]:R}");
        }
    }

    /// <summary>Beyond 8,192 firms or observations the FRONTIER objective is summed in parallel chunks: same function.</summary>
    [Theory]
    [InlineData(SfaModel.CrossSection)]
    [InlineData(SfaModel.BC95)]
    public void Should_sum_large_samples_in_chunks_to_the_same_likelihood(SfaModel model)
    {
        const int seed = 9090, n = 20_000;
        var rng = new Random(seed);
        double N() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var x1 = new double[n];
        var z1 = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x1[i] = N();
            z1[i] = N();
            y[i] = 1 + 0.5 * x1[i] + 0.2 * N() - Math.Abs(0.3 * N() + (model == SfaModel.BC95 ? 0.2 * z1[i] : 0));
        }
        var data = new SfaData { Y = y, X = [x1], XNames = ["x1"], Z = model == SfaModel.BC95 ? [z1] : [], ZNames = model == SfaModel.BC95 ? ["z1"] : [] };
        var options = new SfaOptions { Model = model };
        double[] theta = model == SfaModel.BC95 ? [0.9, 0.45, 0.1, 0.3, 0.15, 0.7] : [0.9, 0.45, 0.15, 0.7];
        var sf = new StochasticFrontier(data);
        var ll = sf.LogLikelihoodAt(options, theta);
        var g = sf.GradientAt(options, theta);
        var (value, grad, offset) = sf.Frontier41ObjectiveAt(options, theta);
        Assert.True(Math.Abs(-value + offset - ll) <= 1e-11 * Math.Abs(ll), $"seed {seed} {model}: {-value + offset:R} vs {ll:R}");
        for (var j = 0; j < theta.Length; j++)
            Assert.True(Math.Abs(-grad[j] - g[j]) <= 1e-9 * Math.Max(1, Math.Abs(g[j])), $"seed {seed} {model} ∂/∂θ{j}: {-grad[j]:R} vs {g[j]:R}");
    }
}
