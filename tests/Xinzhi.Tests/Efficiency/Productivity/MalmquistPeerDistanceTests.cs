using Xinzhi.Efficiency.Productivity;
using Xinzhi.Tests.Support;
using static Xinzhi.Tests.Efficiency.Productivity.ProductivityTestData;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// The index layer (formulas, orientation convention C1, VRS definitions C2/C14, pair handling) against
/// malmquist_three_peers.csv, fed with the distances Benchmarking published in the same file (bm_e00..bm_e11).
/// Independent of any LP: the expected indices come from deaR and productivity, the inputs from Benchmarking.
/// </summary>
public sealed class MalmquistPeerDistanceTests
{
    private const double Tol = 1e-9;

    private static readonly Lazy<List<Dictionary<string, string>>> ThreePeers =
        new(() => ReadCsv(SharedPaths.Reference("malmquist_three_peers.csv")));

    private static TableDistanceFunction Distances(string panel, string orientation)
    {
        var data = Load(panel);
        var f = new TableDistanceFunction(DistanceModel.Radial,
            orientation == "in" ? DistanceOrientation.Input : DistanceOrientation.Output);
        foreach (var r in ThreePeers.Value.Where(r => r["panel"] == panel && r["orientation"] == orientation))
        {
            var scale = r["rts"] == "crs" ? ScaleAssumption.Constant : ScaleAssumption.Variable;
            var t1 = int.Parse(r["period1"]);
            var t0 = data.Periods[Array.IndexOf(data.Periods, t1) - 1];
            f.Set(scale, t0, t0, r["id"], Number(r["bm_e00"]));
            f.Set(scale, t0, t1, r["id"], Number(r["bm_e10"]));
            f.Set(scale, t1, t1, r["id"], Number(r["bm_e11"]));
            f.Set(scale, t1, t0, r["id"], Number(r["bm_e01"]));
        }
        return f;
    }

    private static Dictionary<(string, int), MalmquistRow> Run(string panel, string orientation, MalmquistOptions options)
    {
        var result = MalmquistIndex.Compute(Load(panel), options, Distances(panel, orientation));
        return result.Rows.ToDictionary(r => (r.Entity, r.To));
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "EconomyLong", "in" }, { "EconomyLong", "out" },
        { "Grifell_Lovell_1999", "in" }, { "Grifell_Lovell_1999", "out" },
        { "usagri", "in" }, { "usagri", "out" },
    };

    private static MalmquistOptions Options(string orientation, ScaleAssumption scale, VrsDefinition vrs = VrsDefinition.Fgnz) =>
        new(Scale: scale, VrsDefinition: vrs,
            Orientation: orientation == "in" ? DistanceOrientation.Input : DistanceOrientation.Output, MaxDegreeOfParallelism: 1);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Crs_index_matches_deaR_and_productivity(string panel, string orientation)
    {
        var rows = Run(panel, orientation, Options(orientation, ScaleAssumption.Constant));
        var refs = ThreePeers.Value.Where(r => r["panel"] == panel && r["orientation"] == orientation && r["rts"] == "crs").ToList();
        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} crs {orientation} {r["id"]} {r["period1"]}";
            Assert.Equal(MalmquistStatus.Ok, row.Status);
            Close(Number(r["deaR_mi"]), row.Tfpch, Tol, what + " tfpch vs deaR");
            Close(Number(r["deaR_ec"]), row.Effch, Tol, what + " effch vs deaR");
            Close(Number(r["deaR_tc"]), row.Techch, Tol, what + " techch vs deaR");
            Close(Number(r["prod_malmquist"]), row.Tfpch, Tol, what + " tfpch vs productivity");
            // Benchmarking reports the reciprocal for the output orientation (C1).
            var bm = Number(r["bm_m"]);
            Close(orientation == "in" ? bm : 1 / bm, row.Tfpch, Tol, what + " tfpch vs Benchmarking");
            Assert.True(double.IsNaN(row.Pech) && double.IsNaN(row.Sech), "CRS runs do not split effch");
        }
    }

    [Theory]
    [InlineData("EconomyLong")]
    [InlineData("usagri")]
    public void Benchmarking_convention_reports_Benchmarking_output_numbers(string panel)
    {
        var rows = Run(panel, "out", Options("out", ScaleAssumption.Constant) with { Convention = IndexConvention.Benchmarking });
        foreach (var r in ThreePeers.Value.Where(r => r["panel"] == panel && r["orientation"] == "out" && r["rts"] == "crs"))
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            Close(Number(r["bm_m"]), row.Tfpch, Tol, $"{panel} {r["id"]} m");
            Close(Number(r["bm_tc"]), row.Techch, Tol, $"{panel} {r["id"]} tc");
            Close(Number(r["bm_ec"]), row.Effch, Tol, $"{panel} {r["id"]} ec");
        }
        // The input orientation is the same in both conventions.
        var input = Run(panel, "in", Options("in", ScaleAssumption.Constant) with { Convention = IndexConvention.Benchmarking });
        var fgnz = Run(panel, "in", Options("in", ScaleAssumption.Constant));
        Assert.All(input, kv => Assert.Equal(fgnz[kv.Key].Tfpch, kv.Value.Tfpch));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vrs_fgnz_matches_deaR_and_productivity(string panel, string orientation)
    {
        var rows = Run(panel, orientation, Options(orientation, ScaleAssumption.Variable));
        var refs = ThreePeers.Value.Where(r => r["panel"] == panel && r["orientation"] == orientation && r["rts"] == "vrs").ToList();
        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} vrs {orientation} {r["id"]} {r["period1"]}";
            Assert.Equal(MalmquistStatus.Ok, row.Status);
            Close(Number(r["deaR_mi"]), row.Tfpch, Tol, what + " tfpch");
            Close(Number(r["deaR_tc"]), row.Techch, Tol, what + " techch");
            Close(Number(r["deaR_pech"]), row.Pech, Tol, what + " pech");
            Close(Number(r["deaR_sech"]), row.Sech, Tol, what + " sech");
            // deaR leaves ec empty on VRS rows (C14); productivity's effch is the FGNZ EC.
            Close(Number(r["prod_effch"]), row.Effch, Tol, what + " effch vs productivity");
            var pure = Number(r[orientation == "in" ? "prod_pure.inp.effch" : "prod_pure.out.effch"]);
            Close(pure, row.Pech, Tol, what + " pech vs productivity");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vrs_technology_index_matches_Benchmarking_with_infeasible_rows_empty(string panel, string orientation)
    {
        var result = MalmquistIndex.Compute(Load(panel), Options(orientation, ScaleAssumption.Variable, VrsDefinition.VrsTechnology),
            Distances(panel, orientation));
        var rows = result.Rows.ToDictionary(r => (r.Entity, r.To));
        var refs = ThreePeers.Value.Where(r => r["panel"] == panel && r["orientation"] == orientation && r["rts"] == "vrs").ToList();
        var infeasible = 0;
        foreach (var r in refs)
        {
            var row = rows[(r["id"], int.Parse(r["period1"]))];
            var what = $"{panel} vrs-technology {orientation} {r["id"]} {r["period1"]}";
            var bm = Number(r["bm_m"]);
            // Benchmarking codes an infeasible LP as ±Inf in bm_e*, and then reports m = 0 or Inf.
            var peerInfeasible = new[] { "bm_m", "bm_e00", "bm_e10", "bm_e11", "bm_e01" }.Any(c => !double.IsFinite(Number(r[c])));
            if (peerInfeasible)
            {
                infeasible++;
                Assert.Equal(MalmquistStatus.Infeasible, row.Status);
                Assert.True(double.IsNaN(row.Tfpch) && double.IsNaN(row.Techch), what + ": infeasible must give no value");
                continue;
            }
            Close(orientation == "in" ? bm : 1 / bm, row.Tfpch, Tol, what + " m");
            var tc = Number(r["bm_tc"]);
            Close(orientation == "in" ? tc : 1 / tc, row.Techch, Tol, what + " tc");
            var ec = Number(r["bm_ec"]);
            Close(orientation == "in" ? ec : 1 / ec, row.Effch, Tol, what + " ec");
        }
        if (infeasible > 0)
            Assert.Contains(result.Warnings, w => w.Code == MalmquistWarningCode.InfeasibleDistances);
        else
            Assert.DoesNotContain(result.Warnings, w => w.Code == MalmquistWarningCode.InfeasibleDistances);
    }
}
