using Xinzhi.Efficiency;

namespace Xinzhi.Tests.Efficiency;

/// <summary>
/// Simar-Wilson bootstrap in the output orientation (Benchmarking is only checked for the input orientation).
/// </summary>
public sealed class DeaBootstrapOutputTests
{
    /// <summary>
    /// Under CRS θ = 1/φ for every unit, so the Shephard distances bootstrapped are identical (δ = 1/θ = φ), the
    /// bandwidth, draws and reflections are identical (same seed, same stream), and the pseudo units
    /// (x δ*/δ̂, y) and (x, y δ̂/δ*) lie on the same ray, hence span the same CRS cone: each replicate's δ* is the same
    /// in both orientations. Everything reported (Farrell scale: 1/δ) must therefore coincide: efficiency θ = 1/φ,
    /// bias-corrected score, bias, variance and both interval ends.
    /// </summary>
    [Theory]
    [InlineData("charnes1981")]
    [InlineData("Electric_plants")]
    public void Crs_output_orientation_equals_input_orientation_mapped(string dataset)
    {
        var data = DeaTestData.Load(dataset);
        var dd = DeaData.FromArrays(data.X, data.Y);
        var opts = new DeaBootstrapOptions(200, 7);
        var input = DeaBootstrap.Run(dd, ReturnsToScale.Constant, DeaOrientation.Input, opts);
        var output = DeaBootstrap.Run(dd, ReturnsToScale.Constant, DeaOrientation.Output, opts);
        Assert.Equal(input.Bandwidth, output.Bandwidth, 12);
        var set = data.Reference();
        for (var j = 0; j < data.N; j++)
        {
            var (a, b) = (input.Units[j], output.Units[j]);
            var msg = $"{dataset} unit {j + 1} (seed 7, B 200): input {a}, output {b}";
            var phi = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Constant, DeaOrientation.Output).Value;
            Assert.True(Math.Abs(b.Efficiency - 1 / phi) <= 1e-12, msg);
            Assert.True(Math.Abs(a.Efficiency - b.Efficiency) <= 1e-9, msg);
            Assert.True(Math.Abs(a.BiasCorrected - b.BiasCorrected) <= 1e-9, msg);
            Assert.True(Math.Abs(a.Bias - b.Bias) <= 1e-9, msg);
            Assert.True(Math.Abs(a.Variance - b.Variance) <= 1e-9, msg);
            Assert.True(Math.Abs(a.LowerBound - b.LowerBound) <= 1e-9, msg);
            Assert.True(Math.Abs(a.UpperBound - b.UpperBound) <= 1e-9, msg);
            Assert.True(b.BiasCorrected <= b.Efficiency + 1e-12 && b.UpperBound <= b.Efficiency + 1e-12 && b.LowerBound <= b.UpperBound, msg);
        }
    }

    /// <summary>
    /// Monte Carlo on a known VRS frontier f(x) = √x, one input and one output, n = 60, 12 data sets, B = 200 each:
    /// true Farrell efficiency τ = exp(−0.25|z|), z ~ N(0, 1); output side y = f(x)·τ (true 1/φ = τ), or the mirror
    /// input side x = f⁻¹(y)/τ (true θ = τ). Returns the mean |raw − τ|, mean |bias-corrected − τ| and the share of
    /// 95 % intervals containing τ.
    /// </summary>
    private static (double Raw, double Bc, double Coverage) MonteCarlo(bool outputSide, int seed)
    {
        var rng = new Random(seed);
        const int reps = 12, n = 60;
        double errRaw = 0, errBc = 0;
        int covered = 0, total = 0;
        for (var rep = 0; rep < reps; rep++)
        {
            var x = new double[n, 1];
            var y = new double[n, 1];
            var truth = new double[n];
            for (var j = 0; j < n; j++)
            {
                x[j, 0] = 1 + 9 * rng.NextDouble();
                var u1 = 1.0 - rng.NextDouble();
                var u2 = rng.NextDouble();
                var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                truth[j] = Math.Exp(-0.25 * Math.Abs(z));
                if (outputSide) y[j, 0] = Math.Sqrt(x[j, 0]) * truth[j];
                else { y[j, 0] = Math.Sqrt(x[j, 0]); x[j, 0] /= truth[j]; }
            }
            var result = DeaBootstrap.Run(DeaData.FromArrays(x, y), ReturnsToScale.Variable,
                outputSide ? DeaOrientation.Output : DeaOrientation.Input, new DeaBootstrapOptions(200, seed + rep));
            for (var j = 0; j < n; j++)
            {
                var u = result.Units[j];
                Assert.True(u.BiasCorrected <= u.Efficiency + 1e-12 && u.LowerBound <= u.UpperBound && u.UpperBound <= u.Efficiency + 1e-12, $"seed {seed} rep {rep} unit {j}: {u}");
                // DEA's frontier lies inside the true one: the raw score can only overstate efficiency.
                Assert.True(u.Efficiency >= truth[j] - 1e-12, $"seed {seed} rep {rep} unit {j}: {u.Efficiency} < true {truth[j]}");
                errRaw += Math.Abs(u.Efficiency - truth[j]);
                errBc += Math.Abs(u.BiasCorrected - truth[j]);
                if (u.LowerBound <= truth[j] && truth[j] <= u.UpperBound) covered++;
                total++;
            }
        }
        return (errRaw / total, errBc / total, (double)covered / total);
    }

    /// <summary>
    /// The bias-corrected output scores are closer to the truth than the raw ones, and the intervals cover the truth
    /// about as often as in the mirror input-oriented design (the basic Simar-Wilson intervals under-cover at n = 60 in
    /// both orientations: measured 0.54 output, 0.57 input for nominal 0.95; docs/dea.md D11).
    /// </summary>
    [Fact]
    public void Vrs_output_bootstrap_monte_carlo_on_a_known_frontier()
    {
        const int seed = 314159;
        var output = MonteCarlo(true, seed);
        var input = MonteCarlo(false, seed);
        var msg = $"seed {seed}: output MAE raw {output.Raw:G4} bc {output.Bc:G4} coverage {output.Coverage:G3}; input MAE raw {input.Raw:G4} bc {input.Bc:G4} coverage {input.Coverage:G3}";
        Assert.True(output.Bc < 0.8 * output.Raw, msg);
        Assert.True(input.Bc < 0.8 * input.Raw, msg);
        Assert.InRange(output.Coverage, 0.4, 0.99);
        Assert.True(Math.Abs(output.Coverage - input.Coverage) < 0.1, msg);
    }
}
