using Xinzhi.Econometrics.Sfa;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>Models no peer covers (exponential u), tested by simulation: the estimates recover the true parameters.</summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_recover_exponential_parameters(bool cost)
    {
        const int seed = 20261201;
        const int n = 20000;
        double[] beta = [1.0, 0.5, 0.3];
        const double sigmaV = 0.2, sigmaU = 0.3;
        var rng = new Random(seed);
        var x1 = new double[n];
        var x2 = new double[n];
        var y = new double[n];
        var u = new double[n];
        for (var i = 0; i < n; i++)
        {
            x1[i] = 2 * rng.NextDouble();
            x2[i] = 3 * rng.NextDouble();
            u[i] = -sigmaU * Math.Log(1 - rng.NextDouble());
            y[i] = beta[0] + beta[1] * x1[i] + beta[2] * x2[i] + sigmaV * Gaussian(rng) + (cost ? u[i] : -u[i]);
        }
        var fit = StochasticFrontier.Fit(y, [x1, x2], ["x1", "x2"],
            new SfaOptions { Distribution = InefficiencyDistribution.Exponential, Cost = cost });
        var trueS2 = sigmaV * sigmaV + sigmaU * sigmaU;
        var truth = new Dictionary<string, double>
        {
            ["(Intercept)"] = beta[0], ["x1"] = beta[1], ["x2"] = beta[2], ["sigmaSq"] = trueS2, ["gamma"] = sigmaU * sigmaU / trueS2,
        };
        foreach (var (name, value) in truth)
        {
            var est = fit.Estimate(name);
            var se = fit.StandardError(name);
            output.WriteLine($"{name}: {est:G6} (SE {se:G3}) true {value:G6}");
            Assert.True(Math.Abs(est - value) < 3 * se, $"seed {seed}, cost {cost}: {name} = {est} ± {se}, true {value}");
        }
        Assert.True(fit.Converged);
        Assert.False(fit.WrongSkew);
        // Efficiency estimates track the simulated exp(−u).
        var mse = 0.0;
        for (var i = 0; i < n; i++) mse += Math.Pow(fit.EfficiencyBC88[i] - Math.Exp(-u[i]), 2);
        Assert.True(Math.Sqrt(mse / n) < 0.15, $"seed {seed}: RMSE of TE {Math.Sqrt(mse / n)}");
    }

    [Fact]
    public void Should_recover_BC95_parameters()
    {
        const int seed = 7;
        const int n = 5000;
        var rng = new Random(seed);
        var x = new double[n];
        var zc = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = 2 * rng.NextDouble();
            zc[i] = rng.NextDouble();
            var mu = -0.2 + 0.8 * zc[i];
            double u;
            do u = mu + 0.3 * Gaussian(rng); while (u < 0);
            y[i] = 1 + 0.6 * x[i] + 0.15 * Gaussian(rng) - u;
        }
        var fit = new StochasticFrontier(new SfaData { Y = y, X = [x], XNames = ["x"], Z = [zc], ZNames = ["z"] })
            .Fit(new SfaOptions { Model = SfaModel.BC95 });
        var truth = new Dictionary<string, double>
        {
            ["(Intercept)"] = 1, ["x"] = 0.6, ["Z_(Intercept)"] = -0.2, ["Z_z"] = 0.8,
            ["sigmaSq"] = 0.09 + 0.0225, ["gamma"] = 0.09 / 0.1125,
        };
        foreach (var (name, value) in truth)
        {
            var est = fit.Estimate(name);
            var se = fit.StandardError(name);
            output.WriteLine($"{name}: {est:G6} (SE {se:G3}) true {value:G6}");
            Assert.True(Math.Abs(est - value) < 3 * se, $"seed {seed}: {name} = {est} ± {se}, true {value}");
        }
    }
}
