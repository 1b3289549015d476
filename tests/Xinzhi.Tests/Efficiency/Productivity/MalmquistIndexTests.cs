using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xinzhi.Efficiency.Productivity;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>Index formulas, identities, technologies, chaining and panel handling of <see cref="MalmquistIndex"/>.</summary>
public sealed class MalmquistIndexTests
{
    /// <summary>A random 1-input 1-output panel; unit u observed in period t unless dropped.</summary>
    private static ProductivityData RandomPanel(int seed, int units, int periods, double dropShare = 0)
    {
        var rng = new Random(seed);
        var ids = new List<string>();
        var ts = new List<int>();
        var x = new List<double[]>();
        var y = new List<double[]>();
        for (var t = 0; t < periods; t++)
            for (var u = 0; u < units; u++)
            {
                if (dropShare > 0 && u > 1 && rng.NextDouble() < dropShare) continue;
                ids.Add($"u{u}");
                ts.Add(2000 + t);
                x.Add([10 + 90 * rng.NextDouble()]);
                y.Add([x[^1][0] * (0.5 + rng.NextDouble()) * Math.Exp(0.03 * t)]);
            }
        return ProductivityData.FromArrays(ids, ts, x.ToArray(), y.ToArray());
    }

    private static double Ratio(ProductivityData d, int o) => d.Outputs(o)[0] / d.Inputs(o)[0];

    private static double MaxRatio(ProductivityData d, int fromPeriod, int toPeriod)
    {
        var best = 0.0;
        for (var p = fromPeriod; p <= toPeriod; p++) foreach (var o in d.ObservationsInPeriod(p)) best = Math.Max(best, Ratio(d, o));
        return best;
    }

    [Theory]
    [InlineData(TechnologyType.Contemporaneous, DistanceOrientation.Input)]
    [InlineData(TechnologyType.Contemporaneous, DistanceOrientation.Output)]
    [InlineData(TechnologyType.Sequential, DistanceOrientation.Input)]
    [InlineData(TechnologyType.Global, DistanceOrientation.Output)]
    public void Crs_single_input_output_index_is_the_ratio_of_average_products(TechnologyType tech, DistanceOrientation orientation)
    {
        const int seed = 11;
        var d = RandomPanel(seed, 12, 4);
        var result = MalmquistIndex.Compute(d, new(Orientation: orientation, Technology: tech),
            new SingleRatioCrsDistance(DistanceModel.Radial, orientation));
        Assert.Equal(12 * 3, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var e = Array.IndexOf(d.Entities, row.Entity);
            var p = Array.IndexOf(d.Periods, row.From);
            int o0 = d.Observation(e, p), o1 = d.Observation(e, p + 1);
            var expected = Ratio(d, o1) / Ratio(d, o0);
            Assert.True(Math.Abs(row.Tfpch - expected) < 1e-12, $"seed {seed} {row}: tfpch {row.Tfpch} vs {expected}");
            // Frontier shift: ratio of best practice (own period, periods ≤ t, or all periods).
            double m0, m1;
            if (tech == TechnologyType.Sequential) { m0 = MaxRatio(d, 0, p); m1 = MaxRatio(d, 0, p + 1); }
            else { m0 = MaxRatio(d, p, p); m1 = MaxRatio(d, p + 1, p + 1); }
            var effch = Ratio(d, o1) / m1 / (Ratio(d, o0) / m0);
            Assert.True(Math.Abs(row.Effch - effch) < 1e-12, $"seed {seed} {row}: effch");
            if (tech != TechnologyType.Global)
                Assert.True(Math.Abs(row.Techch - m1 / m0) < 1e-12, $"seed {seed} {row}: techch");
            if (tech == TechnologyType.Sequential) Assert.True(row.Techch >= 1 - 1e-12, "no technical regress under a sequential technology");
        }
    }

    [Fact]
    public void Biased_technical_change_is_all_magnitude_with_one_input_and_one_output()
    {
        var d = RandomPanel(21, 8, 4);
        var result = MalmquistIndex.Compute(d, new(BiasedTechnicalChange: true, Technology: TechnologyType.Sequential),
            new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input));
        foreach (var r in result.Rows)
        {
            Assert.True(Math.Abs(r.Obtech - 1) < 1e-12 && Math.Abs(r.Ibtech - 1) < 1e-12, $"seed 21 {r}");
            Assert.True(Math.Abs(r.Matech - r.Techch) < 1e-12, $"seed 21 {r}");
        }
    }

    [Theory]
    [InlineData(DistanceOrientation.Input)]
    [InlineData(DistanceOrientation.None)]
    public void Sbm_Malmquist_on_the_engine_equals_the_closed_form_with_one_input_and_one_output(DistanceOrientation orientation)
    {
        // With one input and one output under CRS, SBM ρ = θ inside the technology and super-SBM δ = r/R outside it,
        // so the SBM Malmquist index (cross-period points outside use super-SBM) is the ratio of average products.
        const int seed = 17;
        var d = RandomPanel(seed, 10, 3);
        var sbm = MalmquistIndex.Compute(d, new(Model: DistanceModel.Sbm, Orientation: orientation));
        var closed = MalmquistIndex.Compute(d, new(), new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input));
        Assert.Contains(sbm.Rows, r => r.Distances.FromTo > 1); // some cross-period points lie outside (super-SBM used)
        for (var i = 0; i < sbm.Rows.Count; i++)
        {
            Assert.Equal(MalmquistStatus.Ok, sbm.Rows[i].Status);
            Assert.True(Math.Abs(sbm.Rows[i].Tfpch - closed.Rows[i].Tfpch) < 1e-9, $"seed {seed} {sbm.Rows[i]}");
            Assert.True(Math.Abs(sbm.Rows[i].Techch - closed.Rows[i].Techch) < 1e-9, $"seed {seed} {sbm.Rows[i]}");
        }
    }

    [Fact]
    public void Period_means_are_geometric_for_ratios_and_skip_empty_rows()
    {
        var d = RandomPanel(4, 6, 3);
        var bad = new HashSet<int> { d.Observation(1, 1) };
        var result = MalmquistIndex.Compute(d, new(), new HashedDistance(DistanceModel.Radial, DistanceOrientation.Input, 4, bad));
        var means = MalmquistPeriodMean.Compute(result);
        Assert.Equal(2, means.Count);
        foreach (var m in means)
        {
            var rows = result.Rows.Where(r => r.From == m.From && double.IsFinite(r.Tfpch)).ToList();
            var geo = Math.Exp(rows.Average(r => Math.Log(r.Tfpch)));
            Assert.True(Math.Abs(m.Tfpch - geo) < 1e-12);
            Assert.Equal(1, m.ProblemRows);
            Assert.Equal(6, m.Rows);
        }
    }

    [Fact]
    public void Luenberger_with_radial_input_distances_matches_its_closed_form()
    {
        const int seed = 5;
        var d = RandomPanel(seed, 10, 3);
        var result = MalmquistIndex.Compute(d, new(Index: ProductivityIndexKind.Luenberger),
            new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input));
        foreach (var row in result.Rows)
        {
            var e = Array.IndexOf(d.Entities, row.Entity);
            var p = Array.IndexOf(d.Periods, row.From);
            double r0 = Ratio(d, d.Observation(e, p)), r1 = Ratio(d, d.Observation(e, p + 1));
            double m0 = MaxRatio(d, p, p), m1 = MaxRatio(d, p + 1, p + 1);
            // D = 1 − θ = 1 − r/M, so L = ½[(r1 − r0)/M1 + (r1 − r0)/M0] and LEC = r1/M1 − r0/M0.
            Assert.True(Math.Abs(row.Tfpch - 0.5 * (r1 - r0) * (1 / m0 + 1 / m1)) < 1e-12, $"seed {seed} {row}");
            Assert.True(Math.Abs(row.Effch - (r1 / m1 - r0 / m0)) < 1e-12, $"seed {seed} {row}");
            Assert.True(Math.Abs(row.Tfpch - row.Effch - row.Techch) < 1e-12, $"seed {seed} {row}");
        }
    }

    [Fact]
    public void Malmquist_Luenberger_on_output_DDF_without_bads_equals_output_Malmquist_under_CRS()
    {
        var d = RandomPanel(8, 9, 3);
        var ml = MalmquistIndex.Compute(d, new(Model: DistanceModel.Ddf), new SingleRatioCrsDistance(DistanceModel.Ddf, DistanceOrientation.None));
        var m = MalmquistIndex.Compute(d, new(Orientation: DistanceOrientation.Output), new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Output));
        for (var i = 0; i < ml.Rows.Count; i++)
        {
            Assert.True(Math.Abs(ml.Rows[i].Tfpch - m.Rows[i].Tfpch) < 1e-12);
            Assert.True(Math.Abs(ml.Rows[i].Techch - m.Rows[i].Techch) < 1e-12);
        }
    }

    public sealed record Configuration(int Seed, TechnologyType Tech, DistanceModel Model, bool Additive, bool Vrs, VrsDefinition Definition, bool Bias);

    public static Arbitrary<Configuration> Configurations() =>
        (from seed in Gen.Choose(1, 1_000_000)
         from tech in Gen.Elements(TechnologyType.Contemporaneous, TechnologyType.Sequential, TechnologyType.Global)
         from model in Gen.Elements(DistanceModel.Radial, DistanceModel.Ddf, DistanceModel.Sbm)
         from additive in Gen.Elements(false, true)
         from vrs in Gen.Elements(false, true)
         from definition in Gen.Elements(VrsDefinition.Fgnz, VrsDefinition.RayDesli, VrsDefinition.Generalized)
         from bias in Gen.Elements(false, true)
         let add = additive && model != DistanceModel.Sbm
         select new Configuration(seed, tech, model, add, vrs,
             add || (tech == TechnologyType.Global && definition == VrsDefinition.Generalized) ? VrsDefinition.Fgnz : definition,
             bias && !add && tech != TechnologyType.Global && (!vrs || definition == VrsDefinition.Fgnz))).ToArbitrary();

    [Property(MaxTest = 80, Arbitrary = [typeof(MalmquistIndexTests)])]
    public void Decomposition_identities_hold_on_random_panels(Configuration c)
    {
        var d = RandomPanel(c.Seed, 6 + c.Seed % 7, 2 + c.Seed % 4);
        var orientation = c.Model == DistanceModel.Ddf ? DistanceOrientation.None : (c.Seed % 2 == 0 ? DistanceOrientation.Input : DistanceOrientation.Output);
        var options = new MalmquistOptions(c.Model, c.Vrs ? ScaleAssumption.Variable : ScaleAssumption.Constant, orientation, c.Tech,
            c.Additive ? ProductivityIndexKind.Luenberger : ProductivityIndexKind.Malmquist, c.Definition, BiasedTechnicalChange: c.Bias);
        var result = MalmquistIndex.Compute(d, options, new HashedDistance(c.Model, orientation, c.Seed));
        var msg = $"seed {c.Seed}, {options}";
        foreach (var r in result.Rows)
        {
            Assert.Equal(MalmquistStatus.Ok, r.Status);
            if (c.Additive)
            {
                Assert.True(Math.Abs(r.Tfpch - (r.Effch + r.Techch)) < 1e-12, msg);
                if (c.Vrs) Assert.True(Math.Abs(r.Effch - (r.Pech + r.Sech)) < 1e-12, msg);
            }
            else
            {
                Assert.True(Math.Abs(r.Tfpch / (r.Effch * r.Techch) - 1) < 1e-12, msg);
                if (c.Vrs) Assert.True(Math.Abs(r.Effch / (r.Pech * r.Sech) - 1) < 1e-12, msg);
            }
            if (!c.Vrs) Assert.True(double.IsNaN(r.Pech) && double.IsNaN(r.Sech), msg);
            if (c.Bias) Assert.True(Math.Abs(r.Techch / (r.Obtech * r.Ibtech * r.Matech) - 1) < 1e-12, msg);
            else Assert.True(double.IsNaN(r.Obtech), msg);
        }
        // Chains: the cumulative index is the running product (sum) of the annual ones.
        foreach (var unit in result.Rows.GroupBy(r => r.Entity))
        {
            double acc = c.Additive ? 0 : 1;
            foreach (var r in unit.OrderBy(r => r.From))
            {
                acc = c.Additive ? acc + r.Tfpch : acc * r.Tfpch;
                Assert.True(Math.Abs(r.CumulativeTfpch - acc) <= 1e-12 * Math.Max(1, Math.Abs(acc)), msg);
            }
        }
        // The global index is circular: its chain equals the direct comparison with the first period.
        if (c.Tech == TechnologyType.Global && !c.Additive && !options.UsesVrsTechnicalChange)
            foreach (var unit in result.Rows.GroupBy(r => r.Entity))
            {
                var last = unit.OrderBy(r => r.To).Last();
                var first = unit.OrderBy(r => r.From).First();
                Assert.True(Math.Abs(last.CumulativeTfpch - last.Distances.GlobalTo / first.Distances.GlobalFrom) < 1e-10, msg);
            }
    }

    [Fact]
    public void Unbalanced_panel_uses_available_units_and_marks_missing_pairs()
    {
        var d = ProductivityData.FromArrays(
            ["a", "b", "c", "a", "b", "a", "b", "c"],
            [1, 1, 1, 2, 2, 3, 3, 3],
            [[1.0], [2.0], [3.0], [1.0], [2.0], [1.0], [2.0], [3.0]],
            [[1.0], [3.0], [2.0], [1.2], [3.1], [1.3], [3.0], [2.9]]);
        Assert.False(d.IsBalanced);
        var result = MalmquistIndex.Compute(d, new(), new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input));
        Assert.Contains(result.Warnings, w => w.Code == MalmquistWarningCode.UnbalancedPanel);
        var c = result.Rows.Where(r => r.Entity == "c").OrderBy(r => r.From).ToList();
        Assert.Equal(2, c.Count);
        Assert.All(c, r => Assert.Equal(MalmquistStatus.NotObserved, r.Status));
        Assert.All(c, r => Assert.True(double.IsNaN(r.Tfpch) && double.IsNaN(r.CumulativeTfpch)));
        var a = result.Rows.Where(r => r.Entity == "a").ToList();
        Assert.All(a, r => Assert.Equal(MalmquistStatus.Ok, r.Status));
        Assert.Equal(1.3 / 1.0, a[^1].CumulativeTfpch, 12);

        var balanced = MalmquistIndex.Compute(d, new(Unbalanced: UnbalancedPanelPolicy.DropIncompleteUnits),
            new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input));
        Assert.Equal(2, balanced.UnitCount);
        Assert.DoesNotContain(balanced.Rows, r => r.Entity == "c");
        Assert.Contains(balanced.Warnings, w => w.Code == MalmquistWarningCode.DroppedIncompleteUnits);

        var e = Assert.Throws<DataValidationException>(() => MalmquistIndex.Compute(d, new(Unbalanced: UnbalancedPanelPolicy.Error),
            new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input)));
        Assert.Contains("'c'", e.Message);
        Assert.Contains("period 2", e.Message);
    }

    [Fact]
    public void Infeasible_cross_period_distance_gives_empty_values_a_status_and_a_typed_warning()
    {
        var d = RandomPanel(3, 6, 3);
        var bad = new HashSet<int> { d.Observation(2, 1) }; // unit u2 in the middle period: infeasible against other periods
        var result = MalmquistIndex.Compute(d, new(), new HashedDistance(DistanceModel.Radial, DistanceOrientation.Input, 3, bad));
        var rows = result.Rows.Where(r => r.Entity == "u2").OrderBy(r => r.From).ToList();
        Assert.All(rows, r =>
        {
            Assert.Equal(MalmquistStatus.Infeasible, r.Status);
            Assert.True(double.IsNaN(r.Tfpch) && double.IsNaN(r.Techch));
            Assert.False(double.IsNaN(r.Effch)); // own-period distances are feasible: the catch-up is still reported
            Assert.True(double.IsNaN(r.CumulativeTfpch));
        });
        Assert.All(result.Rows.Where(r => r.Entity != "u2"), r => Assert.Equal(MalmquistStatus.Ok, r.Status));
        Assert.Contains(result.Warnings, w => w.Code == MalmquistWarningCode.BrokenChain);
        var w = Assert.Single(result.Warnings, w => w.Code == MalmquistWarningCode.InfeasibleDistances);
        Assert.Contains("2 rows", w.Message);
    }

    [Fact]
    public void Non_positive_data_for_a_radial_model_is_a_data_error_naming_row_and_column()
    {
        var d = ProductivityData.FromArrays(["a", "b", "a", "b"], [1, 1, 2, 2],
            [[1.0], [0.0], [1.0], [2.0]], [[1.0], [1.0], [-1.0], [1.0]], source: "panel.csv");
        var e = Assert.Throws<DataValidationException>(() => d.Validate(DistanceModel.Radial));
        Assert.Equal(2, e.Issues.Count);
        Assert.Contains(e.Issues, i => i.Column == "x1" && i.Row == 3);
        Assert.Contains(e.Issues, i => i.Column == "y1" && i.Row == 4);
        var zero = ProductivityData.FromArrays(["a", "a"], [1, 2], [[0.0], [1.0]], [[1.0], [0.0]], [[1.0], [0.0]]);
        zero.Validate(DistanceModel.Ddf); // zeros are allowed for the DDF...
        var neg = ProductivityData.FromArrays(["a", "a"], [1, 2], [[1.0], [1.0]], [[1.0], [1.0]], [[1.0], [-0.5]]);
        Assert.Throws<DataValidationException>(() => neg.Validate(DistanceModel.Ddf)); // ...a negative bad output is not
    }

    [Fact]
    public void Missing_values_are_a_data_error()
    {
        var e = Assert.Throws<DataValidationException>(() => ProductivityData.FromArrays(["a", "a"], [1, 2],
            [[1.0], [double.NaN]], [[1.0], [1.0]]));
        Assert.Contains(e.Issues, i => i.Column == "x1");
    }

    [Fact]
    public void Single_period_and_wrong_model_combinations_are_refused()
    {
        var one = ProductivityData.FromArrays(["a", "b"], [1, 1], [[1.0], [2.0]], [[1.0], [1.0]]);
        Assert.Throws<DataValidationException>(() => MalmquistIndex.Compute(one, new(), new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input)));
        var d = RandomPanel(1, 4, 2);
        Assert.Throws<SpecificationException>(() => MalmquistIndex.Compute(d, new(Model: DistanceModel.Sbm, Index: ProductivityIndexKind.Luenberger),
            new HashedDistance(DistanceModel.Sbm, DistanceOrientation.None, 1)));
        var withBad = ProductivityData.FromArrays(["a", "a"], [1, 2], [[1.0], [1.0]], [[1.0], [1.0]], [[1.0], [1.0]]);
        Assert.Throws<SpecificationException>(() => MalmquistIndex.Compute(withBad, new(), new SingleRatioCrsDistance(DistanceModel.Radial, DistanceOrientation.Input)));
    }
}
