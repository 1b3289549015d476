using Xinzhi.Efficiency;

namespace Xinzhi.Tests.Efficiency;

/// <summary>Reproduces the DEA reference files of ../shared/reference (oracles.md §2.2) with their tolerances.</summary>
public sealed class DeaReferenceTests
{
    [Fact]
    public void Radial_in_out_matches_Benchmarking_to_1e9()
    {
        var rows = DeaTestData.Reference("dea_radial_benchmarking.csv");
        var checkedRows = 0;
        foreach (var g in rows.Where(r => r["orientation"] != "graph" && r["rts"] != "fdh").GroupBy(r => r["dataset"]))
        {
            var data = DeaTestData.Load(g.Key);
            var set = data.Reference();
            foreach (var r in g)
            {
                var j = int.Parse(r["dmu"]) - 1;
                var res = set.Radial(data.Xo(j), data.Yo(j), DeaTestData.Rts(r["rts"]), DeaTestData.Orientation(r["orientation"]));
                var expected = DeaTestData.Num(r["eff"]);
                Assert.True(res.IsOptimal, $"{g.Key} dmu {j + 1} {r["rts"]} {r["orientation"]}: {res.Status}");
                Assert.True(Math.Abs(res.Value - expected) <= 1e-9, $"{g.Key} dmu {j + 1} {r["rts"]} {r["orientation"]}: {res.Value:R} vs {expected:R}");
                checkedRows++;
            }
        }
        Assert.True(checkedRows == 3912, $"only {checkedRows} rows checked");
    }
}
