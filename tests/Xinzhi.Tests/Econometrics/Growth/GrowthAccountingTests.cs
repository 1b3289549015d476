using System.Globalization;
using Xinzhi.Data;
using Xinzhi.Econometrics.Growth;
using Xinzhi.Tests.Support;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.Growth;

/// <summary>Growth accounting: PWT 9.1's rtfpna rule (domain §4.2, oracles C12) and independent formulas.</summary>
public sealed class GrowthAccountingTests(ITestOutputHelper output)
{
    private static readonly string[] PwtColumns = ["rgdpna", "rkna", "emp", "avh", "hc", "labsh", "rtfpna"];

    /// <summary>PWT rows where every input of the rule is published (hours included: PWT imputes missing hours itself).</summary>
    private static (string[] Ids, int[] Years, Dictionary<string, double[]> V) PwtComplete()
    {
        var t = TableReader.Read(SharedPaths.Data("pwt91_tfp.csv"));
        var keep = new List<int>();
        for (var i = 0; i < t.RowCount; i++)
            if (PwtColumns.All(c => !RawTable.IsMissing(t.Column(c)[i]))) keep.Add(i);
        var v = PwtColumns.ToDictionary(c => c, c => keep.Select(i => double.Parse(t.Column(c)[i]!, CultureInfo.InvariantCulture)).ToArray());
        return (keep.Select(i => t.Column("isocode")[i]!).ToArray(),
            keep.Select(i => int.Parse(t.Column("year")[i]!, CultureInfo.InvariantCulture)).ToArray(), v);
    }

    [Fact]
    public void Should_reproduce_the_PWT_rtfpna_rule()
    {
        var (ids, years, v) = PwtComplete();
        var n = ids.Length;
        var labor = new double[n];
        for (var i = 0; i < n; i++) labor[i] = v["emp"][i] * v["avh"][i] * v["hc"][i];
        var result = GrowthAccounting.Compute(ids, years, v["rgdpna"], v["rkna"], labor, v["labsh"], null,
            new GrowthAccountingOptions { Index = GrowthIndex.Tornqvist, BaseYear = 2011 });
        var refTfp = new Dictionary<(string, int), double>();
        for (var i = 0; i < n; i++) refTfp[(ids[i], years[i])] = v["rtfpna"][i];
        var compared = 0;
        var worst = 0.0;
        var levelCompared = 0;
        var worstLevel = 0.0;
        var contiguousFrom2011 = ContiguousAround2011(ids, years);
        foreach (var r in result.Rows)
        {
            if (refTfp.TryGetValue((r.Id, r.Time - 1), out var prev) && !double.IsNaN(r.DlnTfp))
            {
                var expected = Math.Log(refTfp[(r.Id, r.Time)] / prev);
                var err = Math.Abs(r.DlnTfp - expected);
                worst = Math.Max(worst, err);
                Assert.True(err < 1e-6, $"{r.Id} {r.Time}: Δln TFP {r.DlnTfp:R} vs Δln rtfpna {expected:R}");
                compared++;
            }
            if (contiguousFrom2011.Contains(r.Id))
            {
                var err = Math.Abs(r.Tfp - refTfp[(r.Id, r.Time)]);
                worstLevel = Math.Max(worstLevel, err);
                Assert.True(err < 1e-6, $"{r.Id} {r.Time}: TFP level {r.Tfp:R} vs rtfpna {refTfp[(r.Id, r.Time)]:R}");
                levelCompared++;
            }
        }
        output.WriteLine($"{compared} growth rates (worst {worst:G3}), {levelCompared} levels (worst {worstLevel:G3})");
        Assert.True(compared > 2900, $"only {compared} rows compared");
        Assert.True(levelCompared > 1000, $"only {levelCompared} levels compared");
    }

    /// <summary>Countries whose complete rows form one unbroken run of years that contains 2011.</summary>
    private static HashSet<string> ContiguousAround2011(string[] ids, int[] years)
    {
        var set = new HashSet<string>();
        foreach (var g in ids.Select((id, i) => (id, y: years[i])).GroupBy(p => p.id))
        {
            var ys = g.Select(p => p.y).Order().ToArray();
            if (ys.Contains(2011) && ys[^1] - ys[0] == ys.Length - 1) set.Add(g.Key);
        }
        return set;
    }

    [Fact]
    public void Should_match_independent_formulas_on_random_data()
    {
        const int seed = 99;
        var rng = new Random(seed);
        const int t = 12;
        var ids = Enumerable.Range(0, 2 * t).Select(i => i < t ? "A" : "B").ToArray();
        var years = Enumerable.Range(0, 2 * t).Select(i => 2000 + i % t).ToArray();
        double[] Series() => Enumerable.Range(0, 2 * t).Select(_ => 50 + 100 * rng.NextDouble()).ToArray();
        var y = Series();
        var k = Series();
        var l = Series();
        var s = Enumerable.Range(0, 2 * t).Select(_ => 0.3 + 0.4 * rng.NextDouble()).ToArray();
        var tq = GrowthAccounting.Compute(ids, years, y, k, l, s, null).Rows;
        var so = GrowthAccounting.Compute(ids, years, y, k, l, s, null, new GrowthAccountingOptions { Index = GrowthIndex.Solow }).Rows;
        var fixedShare = GrowthAccounting.Compute(ids, years, y, k, l, null, 0.6).Rows;
        var meanA = s.Take(t).Average();
        var lnTfpA = 0.0;
        for (var i = 1; i < t; i++)
        {
            var sbar = 0.5 * (s[i] + s[i - 1]);
            var expected = Math.Log(y[i] / y[i - 1]) - (1 - sbar) * Math.Log(k[i] / k[i - 1]) - sbar * Math.Log(l[i] / l[i - 1]);
            Assert.Equal(expected, tq[i].DlnTfp, 12);
            Assert.Equal(tq[i].DlnY, tq[i].ContributionK + tq[i].ContributionL + tq[i].DlnTfp, 12);
            lnTfpA += expected;
            Assert.Equal(Math.Exp(lnTfpA), tq[i].Tfp, 10);
            var solow = Math.Log(y[i] / y[i - 1]) - (1 - meanA) * Math.Log(k[i] / k[i - 1]) - meanA * Math.Log(l[i] / l[i - 1]);
            Assert.Equal(solow, so[i].DlnTfp, 12);
            // Level form with a fixed share: ln TFP = ln Y − α ln K − (1 − α) ln L, α = 1 − 0.6, relative to year 0.
            double Level(int j) => Math.Log(y[j]) - 0.4 * Math.Log(k[j]) - 0.6 * Math.Log(l[j]);
            Assert.Equal(Math.Exp(Level(i) - Level(0)), fixedShare[i].Tfp, 10);
        }
        Assert.Equal(1.0, tq[0].Tfp);
        Assert.True(double.IsNaN(tq[0].DlnTfp));
        Assert.Equal("B", tq[t].Id);
        Assert.Equal(1.0, tq[t].Tfp);
    }

    [Fact]
    public void Should_estimate_the_share_when_none_is_given()
    {
        // Exact Cobb-Douglas with α = 0.35 and entity effects: the within regression recovers s = 0.65.
        const int seed = 5;
        var rng = new Random(seed);
        var n = 40;
        var ids = Enumerable.Range(0, n).Select(i => i < 20 ? "A" : "B").ToArray();
        var years = Enumerable.Range(0, n).Select(i => 1990 + i % 20).ToArray();
        var k = Enumerable.Range(0, n).Select(_ => 10 + 90 * rng.NextDouble()).ToArray();
        var l = Enumerable.Range(0, n).Select(_ => 10 + 90 * rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (i < 20 ? 2.0 : 3.0) * Math.Pow(k[i], 0.35) * Math.Pow(l[i], 0.65)).ToArray();
        var r = GrowthAccounting.Compute(ids, years, y, k, l, null, null);
        Assert.Equal(0.65, r.EstimatedLaborShare!.Value, 10);
        Assert.All(r.Rows.Where(x => !double.IsNaN(x.DlnTfp)), x => Assert.Equal(0, x.DlnTfp, 10));
    }

    [Fact]
    public void Should_fail_loudly_on_zero_or_non_positive_inputs()
    {
        var ex = Assert.Throws<DataValidationException>(() => GrowthAccounting.Compute(["A", "A"], [1, 2], [1, 0], [1, 1], [1, 1], null, 0.5));
        Assert.Contains("output", ex.Message);
        Assert.Contains("row 3", ex.Message);
        Assert.Throws<SpecificationException>(() => GrowthAccounting.Compute(["A", "A"], [1, 2], [1, 2], [1, 1], [1, 1], null, 1.5));
    }

    [Fact]
    public void Should_run_the_PWT_preset_from_the_CLI()
    {
        using var dir = new TempDir();
        var file = dir.File("pwt.csv");
        var r = CliRunner.Run("growth", SharedPaths.Data("pwt91_tfp.csv"), "--preset", "pwt", "--drop-incomplete", "--out", file);
        Assert.True(r.ExitCode == 0, r.Error);
        var t = TableReader.Read(file);
        Assert.Equal(["id", "time", "dln_y", "dln_k", "dln_l", "share", "dln_tfp", "tfp", "contrib_k", "contrib_l"], t.ColumnNames);
        var usa2017 = Enumerable.Range(0, t.RowCount).Single(i => t.Column("id")[i] == "USA" && t.Column("time")[i] == "2017");
        // PWT 9.1 rtfpna for the USA in 2017.
        var pwt = TableReader.Read(SharedPaths.Data("pwt91_tfp.csv"));
        var j = Enumerable.Range(0, pwt.RowCount).Single(i => pwt.Column("isocode")[i] == "USA" && pwt.Column("year")[i] == "2017");
        Assert.Equal(double.Parse(pwt.Column("rtfpna")[j]!, CultureInfo.InvariantCulture),
            double.Parse(t.Column("tfp")[usa2017]!, CultureInfo.InvariantCulture), 6);
        Assert.True(File.Exists(file + ".run.json"));
        Assert.Contains("dropped", File.ReadAllText(file + ".run.json"));
    }

    [Fact]
    public void Should_reject_missing_values_without_an_explicit_choice()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run("growth", SharedPaths.Data("pwt91_tfp.csv"), "--preset", "pwt", "--out", dir.File("x.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("missing value", r.Error);
    }
}
