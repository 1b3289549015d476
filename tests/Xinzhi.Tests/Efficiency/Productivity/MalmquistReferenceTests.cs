using Xinzhi.Efficiency.Productivity;
using Xinzhi.Tests.Support;
using static Xinzhi.Tests.Efficiency.Productivity.ProductivityTestData;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// End to end on the DEA engine (LPs included): every Malmquist reference file of oracles.md §2.3 within its
/// tolerance (1e-9).
/// </summary>
public sealed class MalmquistReferenceTests
{
    private const double Tol = 1e-9;

    private static readonly Lazy<List<Dictionary<string, string>>> ThreePeers =
        new(() => ReadCsv(SharedPaths.Reference("malmquist_three_peers.csv")));

    private static readonly Lazy<List<Dictionary<string, string>>> Variants =
        new(() => ReadCsv(SharedPaths.Reference("malmquist_deaR_variants.csv")));

    private static DistanceOrientation Orientation(string o) => o is "in" or "io" ? DistanceOrientation.Input : DistanceOrientation.Output;

    public static TheoryData<string, string, string> ThreePeerCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var panel in new[] { "EconomyLong", "Grifell_Lovell_1999", "usagri" })
            foreach (var rts in new[] { "crs", "vrs" })
                foreach (var o in new[] { "in", "out" })
                    data.Add(panel, rts, o);
        return data;
    }

    [Theory]
    [MemberData(nameof(ThreePeerCases))]
    public void Three_peers_are_reproduced(string panel, string rts, string orientation)
    {
        var data = Load(panel);
        var options = new MalmquistOptions(Orientation: Orientation(orientation),
            Scale: rts == "crs" ? ScaleAssumption.Constant : ScaleAssumption.Variable);
        var rows = MalmquistIndex.Compute(data, options).Rows.ToDictionary(r => (r.Entity, r.To));
        var refs = ThreePeers.Value.Where(r => r["panel"] == panel && r["rts"] == rts && r["orientation"] == orientation).ToList();
        Assert.NotEmpty(refs);
        Assert.Equal(refs.Count, rows.Count);
        foreach (var r in refs)
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} {rts} {orientation} {r["id"]} {r["period1"]}";
            Assert.Equal(MalmquistStatus.Ok, row.Status);
            Close(Number(r["deaR_mi"]), row.Tfpch, Tol, what + " tfpch");
            Close(Number(r["deaR_tc"]), row.Techch, Tol, what + " techch");
            Close(Number(r["prod_effch"]), row.Effch, Tol, what + " effch");
            Close(Number(r["prod_malmquist"]), row.Tfpch, Tol, what + " tfpch vs productivity");
            if (rts == "vrs")
            {
                Close(Number(r["deaR_pech"]), row.Pech, Tol, what + " pech");
                Close(Number(r["deaR_sech"]), row.Sech, Tol, what + " sech");
            }
            else
            {
                // CRS distances are Benchmarking's (Farrell, in the stated orientation).
                var e = orientation == "in" ? 1.0 : -1.0;
                Close(Math.Pow(Number(r["bm_e00"]), e), row.Distances.FromFrom, Tol, what + " E^t(t)");
                Close(Math.Pow(Number(r["bm_e10"]), e), row.Distances.FromTo, Tol, what + " E^t(t+1)");
                Close(Math.Pow(Number(r["bm_e01"]), e), row.Distances.ToFrom, Tol, what + " E^t+1(t)");
                Close(Math.Pow(Number(r["bm_e11"]), e), row.Distances.ToTo, Tol, what + " E^t+1(t+1)");
            }
        }
    }

    [Theory]
    [InlineData("EconomyLong", "in")]
    [InlineData("EconomyLong", "out")]
    [InlineData("usagri", "in")]
    [InlineData("usagri", "out")]
    [InlineData("Grifell_Lovell_1999", "out")]
    public void Benchmarking_vrs_technology_index_is_reproduced_with_infeasible_rows_empty(string panel, string orientation)
    {
        var result = MalmquistIndex.Compute(Load(panel), new(Orientation: Orientation(orientation), Scale: ScaleAssumption.Variable,
            VrsDefinition: VrsDefinition.VrsTechnology));
        var rows = result.Rows.ToDictionary(r => (r.Entity, r.To));
        var infeasible = 0;
        foreach (var r in ThreePeers.Value.Where(r => r["panel"] == panel && r["rts"] == "vrs" && r["orientation"] == orientation))
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} vrs-technology {orientation} {r["id"]} {r["period1"]}";
            if (new[] { "bm_m", "bm_e00", "bm_e10", "bm_e11", "bm_e01" }.Any(c => !double.IsFinite(Number(r[c]))))
            {
                infeasible++;
                Assert.Equal(MalmquistStatus.Infeasible, row.Status);
                Assert.True(double.IsNaN(row.Tfpch), what);
                continue;
            }
            Assert.Equal(MalmquistStatus.Ok, row.Status);
            var inv = orientation == "in" ? 1.0 : -1.0;
            Close(Math.Pow(Number(r["bm_m"]), inv), row.Tfpch, Tol, what + " m");
            Close(Math.Pow(Number(r["bm_tc"]), inv), row.Techch, Tol, what + " tc");
            Close(Math.Pow(Number(r["bm_ec"]), inv), row.Effch, Tol, what + " ec");
        }
        Assert.Equal(infeasible > 0, result.Warnings.Any(w => w.Code == MalmquistWarningCode.InfeasibleDistances));
    }

    public static TheoryData<string, string, string, string, string> VariantCases()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var g in Variants.Value.GroupBy(r => (r["panel"], r["type1"], r["type2"], r["rts"], r["orientation"])))
            data.Add(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4, g.Key.Item5);
        return data;
    }

    [Theory]
    [MemberData(nameof(VariantCases))]
    public void DeaR_variants_are_reproduced(string panel, string type1, string type2, string rts, string orientation)
    {
        var vrs = rts == "vrs";
        var technology = type1 switch { "cont" => TechnologyType.Contemporaneous, "seq" => TechnologyType.Sequential, _ => TechnologyType.Global };
        // deaR's "glob" + "vrs" is the Ray-Desli split on the global technology (docs/malmquist.md).
        var definition = (type2, type1, vrs) switch
        {
            ("rd", _, _) => VrsDefinition.RayDesli,
            ("gl", _, _) => VrsDefinition.Generalized,
            ("fgnz", "glob", true) => VrsDefinition.RayDesli,
            _ => VrsDefinition.Fgnz,
        };
        var options = new MalmquistOptions(Orientation: Orientation(orientation), Scale: vrs ? ScaleAssumption.Variable : ScaleAssumption.Constant,
            Technology: technology, VrsDefinition: definition, BiasedTechnicalChange: type2 == "bias");
        var rows = MalmquistIndex.Compute(Load(panel), options).Rows.ToDictionary(r => (r.Entity, r.To));
        foreach (var r in Variants.Value.Where(r => r["panel"] == panel && r["type1"] == type1 && r["type2"] == type2 && r["rts"] == rts && r["orientation"] == orientation))
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} {type1} {type2} {rts} {orientation} {r["id"]} {r["period1"]}";
            // deaR leaves NA where a cross-period VRS program is infeasible (Ray-Desli / generalised scale change).
            Assert.Equal(double.IsNaN(Number(r["mi"])) ? MalmquistStatus.Infeasible : MalmquistStatus.Ok, row.Status);
            Close(Number(r["mi"]), row.Tfpch, Tol, what + " mi");
            Close(Number(r["tc"]), row.Techch, Tol, what + " tc");
            if (!vrs) Close(Number(r["ec"]), row.Effch, Tol, what + " ec");
            else
            {
                Close(Number(r["pech"]), row.Pech, Tol, what + " pech");
                Close(Number(r["sech"]), row.Sech, Tol, what + " sech");
            }
            if (type2 == "bias")
            {
                Close(Number(r["obtech"]), row.Obtech, Tol, what + " obtech");
                Close(Number(r["ibtech"]), row.Ibtech, Tol, what + " ibtech");
                Close(Number(r["matech"]), row.Matech, Tol, what + " matech");
            }
        }
    }

    [Theory]
    [InlineData(TechnologyType.Sequential, ScaleAssumption.Constant, DistanceOrientation.Input)]
    [InlineData(TechnologyType.Global, ScaleAssumption.Variable, DistanceOrientation.Output)]
    [InlineData(TechnologyType.Contemporaneous, ScaleAssumption.Variable, DistanceOrientation.Input)]
    public void Frames_and_period_frame_unions_change_no_value(TechnologyType tech, ScaleAssumption scale, DistanceOrientation orientation)
    {
        // 100 units × 4 periods of the synthetic panel: large enough for the frame path, small enough for full LPs.
        var all = Load("synthetic");
        var keep = Enumerable.Range(0, all.ObservationCount)
            .Where(o => int.Parse(all.Entities[all.ObservationEntity[o]]) <= 100 && all.Periods[all.ObservationPeriod[o]] <= 4).ToArray();
        var data = ProductivityData.FromArrays(keep.Select(o => all.Entities[all.ObservationEntity[o]]).ToArray(),
            keep.Select(o => all.Periods[all.ObservationPeriod[o]]).ToArray(),
            keep.Select(o => all.Inputs(o).ToArray()).ToArray(), keep.Select(o => all.Outputs(o).ToArray()).ToArray());
        var options = new MalmquistOptions(Technology: tech, Scale: scale, Orientation: orientation);
        var fast = MalmquistIndex.Compute(data, options, new DeaDistanceFunction(DistanceModel.Radial, orientation));
        var full = MalmquistIndex.Compute(data, options, new DeaDistanceFunction(DistanceModel.Radial, orientation) { UseFrames = false });
        Assert.Equal(full.Rows.Count, fast.Rows.Count);
        for (var i = 0; i < full.Rows.Count; i++)
        {
            var what = $"{tech} {scale} {orientation} {full.Rows[i].Entity} {full.Rows[i].From}";
            Assert.Equal(full.Rows[i].Status, fast.Rows[i].Status);
            Close(full.Rows[i].Tfpch, fast.Rows[i].Tfpch, Tol, what + " tfpch");
            Close(full.Rows[i].Techch, fast.Rows[i].Techch, Tol, what + " techch");
            Close(full.Rows[i].Pech, fast.Rows[i].Pech, Tol, what + " pech");
        }
    }

    [Fact]
    public void Synthetic_500_by_5_panel_matches_Benchmarking()
    {
        var data = Load("synthetic");
        var rows = MalmquistIndex.Compute(data, new()).Rows.ToDictionary(r => (r.Entity, r.To));
        var refs = ReadCsv(SharedPaths.Reference("synthetic_malmquist_panel_benchmarking_crs_in.csv"));
        Assert.Equal(2500, refs.Count);
        var checkedRows = 0;
        foreach (var r in refs)
        {
            var m = Number(r["m"]);
            if (double.IsNaN(m)) { Assert.False(rows.ContainsKey((r["dmu"], int.Parse(r["period"])))); continue; }
            var row = rows[(r["dmu"], int.Parse(r["period"]))];
            var what = $"synthetic dmu {r["dmu"]} period {r["period"]}";
            Close(m, row.Tfpch, Tol, what + " m");
            Close(Number(r["ec"]), row.Effch, Tol, what + " ec");
            Close(Number(r["tc"]), row.Techch, Tol, what + " tc");
            checkedRows++;
        }
        Assert.Equal(2000, checkedRows);
    }
}
