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

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_finite_differences(string dataset, string variant)
    {
        const int seed = 4242;
        var data = dataset switch
        {
            "front41" => SfaFixtures.Front41(),
            "rice" => SfaFixtures.Rice(),
            _ => SfaFixtures.Rice(yearDummies: false, z: true),
        };
        var options = variant switch
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
        var sf = new StochasticFrontier(data);
        var fit = sf.Fit(options);
        var rng = new Random(seed);
        for (var trial = 0; trial < 3; trial++)
        {
            var theta = fit.Estimates.Select(v => v + 0.05 * (rng.NextDouble() - 0.5)).ToArray();
            var gi = fit.Names.ToList().IndexOf("gamma");
            theta[gi] = Math.Clamp(theta[gi], 0.1, 0.9);
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
}
