using Xinzhi.Data;
using Xinzhi.Efficiency;
using Xinzhi.Efficiency.Productivity;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// SBM Malmquist with a bad output (synthetic_ml_panel.csv: K, L → Y, bad CO2): cross-period points outside the
/// other period's technology were infeasible; with <see cref="SbmCrossPeriod.Super"/> they get the super-SBM with
/// undesirable outputs, checked against the independent GLOP bar formulation of <see cref="SuperSbmUndesirableTests"/>.
/// </summary>
public sealed class SbmCrossPeriodTests
{
    private static readonly Lazy<ProductivityData> Panel = new(() =>
    {
        var table = CsvTableReader.Read(SharedPaths.Data("synthetic_ml_panel.csv"));
        var panel = PanelBuilder.Build(table, new PanelSpec("id", "period", ["K", "L", "Y", "CO2"])).Panel;
        return ProductivityData.FromPanel(panel, ["K", "L"], ["Y"], ["CO2"]);
    });

    private static SuperSbmUndesirableTests.Instance Technology(ProductivityData d, IReadOnlyList<int> obs)
    {
        var x = new double[obs.Count, d.InputCount];
        var y = new double[obs.Count, d.OutputCount];
        var b = new double[obs.Count, d.BadOutputCount];
        for (var j = 0; j < obs.Count; j++)
        {
            for (var i = 0; i < d.InputCount; i++) x[j, i] = d.Inputs(obs[j])[i];
            for (var r = 0; r < d.OutputCount; r++) y[j, r] = d.Outputs(obs[j])[r];
            for (var k = 0; k < d.BadOutputCount; k++) b[j, k] = d.BadOutputs(obs[j])[k];
        }
        return new SuperSbmUndesirableTests.Instance(x, y, b);
    }

    /// <summary>Observations spanning the period-p technology (contemporaneous: p only; sequential: ≤ p).</summary>
    private static int[] Reference(ProductivityData d, int p, TechnologyType tech)
    {
        var list = new List<int>();
        for (var q = 0; q < d.Periods.Length; q++)
            if (q == p || (tech == TechnologyType.Sequential && q < p)) list.AddRange(d.ObservationsInPeriod(q).ToArray());
        return list.ToArray();
    }

    [Theory]
    [InlineData(TechnologyType.Contemporaneous, DistanceOrientation.None, ScaleAssumption.Constant)]
    [InlineData(TechnologyType.Sequential, DistanceOrientation.None, ScaleAssumption.Constant)]
    [InlineData(TechnologyType.Contemporaneous, DistanceOrientation.None, ScaleAssumption.Variable)]
    [InlineData(TechnologyType.Contemporaneous, DistanceOrientation.Output, ScaleAssumption.Constant)]
    public void Super_cross_period_distances_fill_every_row_the_old_path_left_infeasible(TechnologyType tech, DistanceOrientation orientation, ScaleAssumption scale)
    {
        var d = Panel.Value;
        // With VRS, the whole index on the VRS technology (with FGNZ the cross-period distances would be CRS ones).
        var options = new MalmquistOptions(DistanceModel.Sbm, scale, orientation, tech,
            VrsDefinition: scale == ScaleAssumption.Variable ? VrsDefinition.VrsTechnology : VrsDefinition.Fgnz);
        var old = MalmquistIndex.Compute(d, options with { SbmCrossPeriod = SbmCrossPeriod.Infeasible });
        var neu = MalmquistIndex.Compute(d, options);
        var was = old.Rows.Count(r => r.Status == MalmquistStatus.Infeasible);
        Assert.True(was > 0, $"{tech} {orientation} {scale}: the old path had no infeasible row, the test would prove nothing");
        var rts = options.IndexScale == ScaleAssumption.Constant ? ReturnsToScale.Constant : ReturnsToScale.Variable;
        var o = orientation == DistanceOrientation.Output ? DeaOrientation.Output : DeaOrientation.NonOriented;
        var filled = 0;
        for (var i = 0; i < neu.Rows.Count; i++)
        {
            var (a, b) = (old.Rows[i], neu.Rows[i]);
            var msg = $"{tech} {orientation} {scale} {b.Entity} {b.From}->{b.To}";
            Assert.True(b.Status == MalmquistStatus.Ok, $"{msg}: {b.Status}");
            Assert.True(Math.Abs(b.Tfpch / (b.Effch * b.Techch) - 1) < 1e-12, msg);
            // Distances the old path solved are unchanged; the ones it could not are super-SBM δ ≥ 1.
            var pairs = new[] { (a.Distances.FromTo, b.Distances.FromTo, false), (a.Distances.ToFrom, b.Distances.ToFrom, true) };
            foreach (var (before, after, backwards) in pairs)
            {
                if (!double.IsNaN(before))
                {
                    Assert.Equal(before, after);
                    continue;
                }
                Assert.True(after >= 1 - 1e-12, $"{msg}: δ = {after}");
                // E^t(t+1) is the period-(t+1) observation against the period-t technology; E^{t+1}(t) the reverse.
                var pFrom = Array.IndexOf(d.Periods, b.From);
                var pTo = Array.IndexOf(d.Periods, b.To);
                var entity = Array.IndexOf(d.Entities, b.Entity);
                var point = d.Observation(entity, backwards ? pFrom : pTo);
                var techPeriod = backwards ? pTo : pFrom;
                var glop = SuperSbmUndesirableTests.GlopSuperSbm(Technology(d, Reference(d, techPeriod, tech)),
                    d.Inputs(point).ToArray(), d.Outputs(point).ToArray(), d.BadOutputs(point).ToArray(), rts, o, -1);
                Assert.True(Math.Abs(after - glop) <= 1e-8 * Math.Max(1, glop), $"{msg}: δ {after:R} vs GLOP {glop:R}");
                filled++;
            }
        }
        Assert.True(filled >= was, $"{filled} distances filled for {was} formerly infeasible rows");
    }

    [Fact]
    public void Cli_cross_period_option_chooses_between_super_and_infeasible()
    {
        using var dir = new TempDir();
        string[] common = ["malmquist", SharedPaths.Data("synthetic_ml_panel.csv"), "--id", "id", "--time", "period", "--inputs", "K,L",
            "--outputs", "Y", "--bad", "CO2", "--model", "sbm", "--orientation", "none"];
        var superOut = dir.File("super.csv");
        var r = CliRunner.Run([.. common, "--out", superOut]);
        Assert.True(r.ExitCode == 0, r.Error);
        var rows = CsvTableReader.Read(superOut);
        Assert.All(rows.Column("status"), s => Assert.Equal("ok", s));
        Assert.All(rows.Column("tfpch"), v => Assert.False(string.IsNullOrEmpty(v)));
        Assert.Contains("super-SBM with undesirable outputs", File.ReadAllText(superOut + ".run.json"));
        var oldOut = dir.File("old.csv");
        r = CliRunner.Run([.. common, "--cross-period", "infeasible", "--out", oldOut]);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("infeasible", CsvTableReader.Read(oldOut).Column("status"));
        r = CliRunner.Run([.. common[..^4], "--model", "ddf", "--cross-period", "super", "--out", dir.File("x.csv")]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--cross-period", r.Error);
        r = CliRunner.Run([.. common, "--cross-period", "maybe", "--out", dir.File("y.csv")]);
        Assert.Equal(1, r.ExitCode);
    }
}
