using Xinzhi.Efficiency;

namespace Xinzhi.Tests.Efficiency;

public sealed class DeaReferenceSetTests
{
    private static readonly double[,] X = { { 2 }, { 4 }, { 8 } };
    private static readonly double[,] Y = { { 1 }, { 3 }, { 4 } };

    [Fact]
    public void Cross_period_point_outside_a_vrs_technology_is_infeasible_not_a_number()
    {
        var set = new DeaReferenceSet(X, Y);
        // Output 5 exceeds every reference unit: no convex combination reaches it (VRS input program infeasible).
        var r = set.Radial([3], [5], ReturnsToScale.Variable, DeaOrientation.Input);
        Assert.Equal(DeaStatus.Infeasible, r.Status);
        Assert.True(double.IsNaN(r.Value));
        Assert.Empty(r.Peers);
        // Under CRS the same point is feasible and lies above the frontier (θ > 1).
        var c = set.Radial([3], [5], ReturnsToScale.Constant, DeaOrientation.Input);
        Assert.True(c.IsOptimal);
        Assert.Equal(20.0 / 9.0, c.Value, 12); // best ratio y/x = 0.75 (unit 2): λ = 5/3, θ = 4λ/3
        // Output orientation: inputs 1 below every unit → VRS infeasible as well.
        Assert.Equal(DeaStatus.Infeasible, set.Radial([1], [1], ReturnsToScale.Variable, DeaOrientation.Output).Status);
        // DDF with free β returns a negative distance for a point above the frontier.
        var d = set.Directional([4], [3.5], [], [4], [3.5], [], ReturnsToScale.Variable);
        Assert.True(d.IsOptimal && d.Value < 0, $"β = {d.Value}");
    }

    [Fact]
    public void Frontier_screening_keeps_scores_and_frame_is_small()
    {
        var data = DeaTestData.Load("synthetic_dea_n500");
        var plain = data.Reference();
        var screened = data.Reference();
        var size = screened.PrepareFrontier(ReturnsToScale.Variable);
        Assert.InRange(size, 1, data.N / 2);
        for (var j = 0; j < data.N; j += 7)
        {
            var a = plain.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Input, maxSlacks: true);
            var b = screened.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Input, maxSlacks: true);
            Assert.Equal(a.Value, b.Value, 10);
            Assert.Equal(a.InputSlacks.Sum() + a.OutputSlacks.Sum(), b.InputSlacks.Sum() + b.OutputSlacks.Sum(), 6);
            Assert.All(b.Peers, p => Assert.Contains(p, screened.Frontier(ReturnsToScale.Variable)!));
        }
    }
}

/// <summary>Column generation (used above 2000 reference columns) is exact: forced on a small set, it reproduces the
/// Benchmarking reference. In its own collection so that the lowered threshold does not overlap other tests.</summary>
[Collection("ColumnGeneration")]
public sealed class DeaColumnGenerationTests
{
    [Fact]
    public void Forced_column_generation_reproduces_the_n500_reference()
    {
        var data = DeaTestData.Load("synthetic_dea_n500");
        var rows = DeaTestData.Reference("synthetic_dea_n500_benchmarking_eff.csv");
        var saved = DeaReferenceSet.ColumnGenerationThreshold;
        DeaReferenceSet.ColumnGenerationThreshold = 30;
        try
        {
            var set = data.Reference();
            set.PrepareFrontier(ReturnsToScale.Variable, parallel: false);
            set.PrepareFrontier(ReturnsToScale.Constant, parallel: false);
            for (var j = 0; j < data.N; j++)
            {
                var r = rows[j];
                var vin = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Input);
                Assert.True(Math.Abs(vin.Value - DeaTestData.Num(r["vrs_in"])) <= 1e-9, $"dmu {j + 1} vrs_in {vin.Value:R}");
                var vout = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Output);
                Assert.True(Math.Abs(vout.Value - DeaTestData.Num(r["vrs_out"])) <= 1e-9, $"dmu {j + 1} vrs_out {vout.Value:R}");
                var sup = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Constant, DeaOrientation.Input, excludeUnit: j);
                Assert.True(Math.Abs(sup.Value - DeaTestData.Num(r["crs_in_super"])) <= 1e-9, $"dmu {j + 1} crs super {sup.Value:R}");
            }
        }
        finally
        {
            DeaReferenceSet.ColumnGenerationThreshold = saved;
        }
    }
}

public sealed class DeaEvaluateTests
{
    [Fact]
    public void Parallel_and_serial_runs_are_bit_identical_including_peers()
    {
        var d = DeaTestData.Load("synthetic_dea_n2000");
        var data = DeaData.FromArrays(d.X, d.Y);
        foreach (var rts in new[] { ReturnsToScale.Constant, ReturnsToScale.Variable })
        {
            var a = Dea.Evaluate(data, new DeaOptions { ReturnsToScale = rts, Parallel = true });
            var b = Dea.Evaluate(data, new DeaOptions { ReturnsToScale = rts, Parallel = false });
            Assert.True(a.FrontierSize < data.UnitCount, "screening was expected to apply");
            for (var j = 0; j < data.UnitCount; j++)
            {
                Assert.Equal(a.Units[j].Efficiency, b.Units[j].Efficiency);
                Assert.Equal(a.Units[j].Peers, b.Units[j].Peers);
                Assert.Equal(a.Units[j].PeerLambdas, b.Units[j].PeerLambdas);
            }
        }
    }

    [Fact]
    public void Evaluate_reports_few_units_and_constant_variable_warnings()
    {
        var data = DeaData.FromArrays(new double[,] { { 1, 5 }, { 2, 5 }, { 3, 5 } }, new double[,] { { 1 }, { 3 }, { 2 } });
        var r = Dea.Evaluate(data, new DeaOptions());
        Assert.Contains(r.Warnings, w => w.Code == DeaWarningCode.FewUnits);
        Assert.Contains(r.Warnings, w => w.Code == DeaWarningCode.ConstantVariable);
        Assert.All(r.Units, u => Assert.InRange(u.Efficiency, 0, 1 + 1e-12));
    }
}
