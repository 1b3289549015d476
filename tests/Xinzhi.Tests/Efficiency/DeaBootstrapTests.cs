using Xinzhi.Efficiency;

namespace Xinzhi.Tests.Efficiency;

public sealed class DeaBootstrapTests
{
    /// <summary>Stochastic reference (oracles.md §2.2): eff exact, |Δeff_bc| &lt; 0.01, CI ends within 0.02, and the
    /// properties eff_bc ≤ eff, ci_high ≤ eff in every row.</summary>
    [Theory]
    [InlineData("vrs")]
    [InlineData("crs")]
    public void Simar_Wilson_matches_Benchmarking_distributionally(string rts)
    {
        var data = DeaTestData.Load("charnes1981");
        var dd = DeaData.FromArrays(data.X, data.Y);
        var rows = DeaTestData.Reference("dea_bootstrap_simarwilson_benchmarking.csv").Where(r => r["rts"] == rts).ToList();
        var result = DeaBootstrap.Run(dd, DeaTestData.Rts(rts), DeaOrientation.Input, new DeaBootstrapOptions(2000, 20240601));
        var worstBc = 0.0;
        var worstCi = 0.0;
        foreach (var r in rows)
        {
            var j = int.Parse(r["dmu"]) - 1;
            var u = result.Units[j];
            Assert.True(Math.Abs(u.Efficiency - DeaTestData.Num(r["eff"])) <= 1e-9, $"dmu {j + 1}: eff {u.Efficiency}");
            worstBc = Math.Max(worstBc, Math.Abs(u.BiasCorrected - DeaTestData.Num(r["eff_bc"])));
            worstCi = Math.Max(worstCi, Math.Max(Math.Abs(u.LowerBound - DeaTestData.Num(r["ci_low"])), Math.Abs(u.UpperBound - DeaTestData.Num(r["ci_high"]))));
            Assert.True(u.BiasCorrected <= u.Efficiency + 1e-12, $"dmu {j + 1}: eff_bc > eff");
            Assert.True(u.UpperBound <= u.Efficiency + 1e-12, $"dmu {j + 1}: ci_high > eff");
        }
        Assert.True(worstBc < 0.01 && worstCi < 0.02, $"{rts}: worst |Δeff_bc| {worstBc:G4}, worst CI end {worstCi:G4} (h = {result.Bandwidth:G6}, seed 20240601)");
    }

    [Fact]
    public void Same_seed_gives_identical_results_serial_or_parallel()
    {
        var data = DeaTestData.Load("Electric_plants");
        var dd = DeaData.FromArrays(data.X, data.Y);
        var opts = new DeaBootstrapOptions(200, 42);
        var a = DeaBootstrap.Run(dd, ReturnsToScale.Variable, DeaOrientation.Output, opts, parallel: true);
        var b = DeaBootstrap.Run(dd, ReturnsToScale.Variable, DeaOrientation.Output, opts, parallel: false);
        Assert.Equal(a.Units, b.Units);
        var c = DeaBootstrap.Run(dd, ReturnsToScale.Variable, DeaOrientation.Output, opts with { Seed = 43 });
        Assert.NotEqual(a.Units, c.Units);
    }
}
