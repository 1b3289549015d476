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

    [Fact]
    public void Two_phase_slack_sums_match_Benchmarking()
    {
        var rows = DeaTestData.Reference("dea_slacks_benchmarking.csv");
        var n = 0;
        foreach (var g in rows.GroupBy(r => (r["dataset"], r["dmu"], r["rts"], r["orientation"])))
        {
            var r = g.First();
            var data = DeaTestData.Load(r["dataset"]);
            var set = data.Reference();
            var j = int.Parse(r["dmu"]) - 1;
            var res = set.Radial(data.Xo(j), data.Yo(j), DeaTestData.Rts(r["rts"]), DeaTestData.Orientation(r["orientation"]), maxSlacks: true);
            var sum = res.InputSlacks.Sum() + res.OutputSlacks.Sum();
            var expected = DeaTestData.Num(r["sum_slack"]);
            var tol = 1e-6 * Math.Max(1, data.Magnitude);
            Assert.True(Math.Abs(res.Value - DeaTestData.Num(r["eff"])) <= 1e-9, $"{g.Key}: eff {res.Value:R}");
            Assert.True(Math.Abs(sum - expected) <= tol, $"{g.Key}: sum slack {sum:R} vs {expected:R} (tol {tol})");
            AssertProjectionOnFrontier(set, data, j, res, DeaTestData.Rts(r["rts"]), DeaTestData.Orientation(r["orientation"]));
            n++;
        }
        Assert.Equal(1956, n);
    }

    /// <summary>Individual slacks are not unique: check the projected point instead (it is dominated by λ and has no
    /// further slack).</summary>
    private static void AssertProjectionOnFrontier(DeaReferenceSet set, DeaTestData.Dataset data, int j, DeaPointResult res, ReturnsToScale rts, DeaOrientation o)
    {
        var x = data.Xo(j);
        var y = data.Yo(j);
        var xp = x.Select((v, i) => (o == DeaOrientation.Input ? res.Value * v : v) - res.InputSlacks[i]).ToArray();
        var yp = y.Select((v, r) => (o == DeaOrientation.Output ? res.Value * v : v) + res.OutputSlacks[r]).ToArray();
        var proj = set.Radial(xp, yp, rts, DeaOrientation.Input, maxSlacks: true);
        Assert.True(Math.Abs(proj.Value - 1) < 1e-7, $"{data.Key} dmu {j + 1}: projection θ = {proj.Value}");
        var rest = proj.InputSlacks.Sum() + proj.OutputSlacks.Sum();
        Assert.True(rest < 1e-6 * Math.Max(1, data.Magnitude), $"{data.Key} dmu {j + 1}: projection has slack {rest}");
    }

    [Fact]
    public void Super_efficiency_matches_Benchmarking_including_infeasibility()
    {
        var rows = DeaTestData.Reference("dea_superefficiency.csv");
        var infeasible = 0;
        foreach (var g in rows.GroupBy(r => r["dataset"]))
        {
            var data = DeaTestData.Load(g.Key);
            var set = data.Reference();
            foreach (var r in g)
            {
                var j = int.Parse(r["dmu"]) - 1;
                var res = set.Radial(data.Xo(j), data.Yo(j), DeaTestData.Rts(r["rts"]), DeaTestData.Orientation(r["orientation"]), excludeUnit: j);
                var expected = DeaTestData.Num(r["supereff_benchmarking"]);
                var key = $"{g.Key} dmu {j + 1} {r["rts"]} {r["orientation"]}";
                if (double.IsInfinity(expected))
                {
                    Assert.True(res.Status == DeaStatus.Infeasible, $"{key}: expected infeasible, got {res.Status} {res.Value}");
                    Assert.True(double.IsNaN(res.Value));
                    infeasible++;
                }
                else
                {
                    Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-9, $"{key}: {res.Status} {res.Value:R} vs {expected:R}");
                }
            }
        }
        Assert.Equal(58, infeasible);
    }

    [Fact]
    public void Sbm_and_super_sbm_match_deaR()
    {
        var rows = DeaTestData.Reference("dea_sbm_deaR.csv");
        var checkedRows = 0;
        foreach (var g in rows.GroupBy(r => r["dataset"]))
        {
            var data = DeaTestData.Load(g.Key);
            var set = data.Reference();
            foreach (var r in g)
            {
                var j = int.Parse(r["dmu"]) - 1;
                var rts = DeaTestData.Rts(r["rts"]);
                var o = DeaTestData.Orientation(r["orientation"]);
                var key = $"{g.Key} dmu {j + 1} {r["model"]} {r["rts"]} {r["orientation"]}";
                var expected = DeaTestData.Num(r["eff"]);
                DeaPointResult res;
                if (r["model"] == "sbm")
                {
                    res = set.Sbm(data.Xo(j), data.Yo(j), [], rts, o);
                    Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-8, $"{key}: {res.Status} {res.Value:R} vs {expected:R}");
                    // Slacks: compare where the reference is unique enough: only the weighted sum is unique; check it.
                }
                else
                {
                    res = set.SuperSbm(data.Xo(j), data.Yo(j), rts, o, excludeUnit: j);
                    if (double.IsNaN(expected))
                        Assert.True(res.Status == DeaStatus.Infeasible, $"{key}: expected infeasible, got {res.Status} {res.Value}");
                    else
                        Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-8, $"{key}: {res.Status} {res.Value:R} vs {expected:R}");
                }
                checkedRows++;
            }
        }
        Assert.Equal(5868, checkedRows);
    }

    [Fact]
    public void Undesirable_output_models_match_deaR()
    {
        var rows = DeaTestData.Reference("dea_undesirable_deaR.csv");
        foreach (var r in rows)
        {
            var data = DeaTestData.Load(r["dataset"]);
            var j = int.Parse(r["dmu"]) - 1;
            var rts = DeaTestData.Rts(r["rts"]);
            var expected = DeaTestData.Num(r["eff"]);
            double value;
            if (r["model"].StartsWith("sbm_undesirable", StringComparison.Ordinal))
            {
                value = data.Reference().Sbm(data.Xo(j), data.Yo(j), data.Bo(j), rts).Value;
            }
            else
            {
                // Seiford-Zhu translation: b̄ = 1500 − b as a good output, output-oriented VRS radial.
                var n = data.N;
                var y = new double[n, data.Y.GetLength(1) + 1];
                for (var u = 0; u < n; u++)
                {
                    for (var c = 0; c < data.Y.GetLength(1); c++) y[u, c] = data.Y[u, c];
                    y[u, data.Y.GetLength(1)] = 1500 - data.B![u, 0];
                }
                var set = new DeaReferenceSet(data.X, y);
                var yo = Enumerable.Range(0, y.GetLength(1)).Select(c => y[j, c]).ToArray();
                value = set.Radial(data.Xo(j), yo, rts, DeaOrientation.Output).Value;
            }
            Assert.True(Math.Abs(value - expected) <= 1e-8, $"{r["dataset"]} dmu {j + 1} {r["model"]} {r["rts"]}: {value:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Directional_distance_matches_Benchmarking_and_deaR_rho()
    {
        var rows = DeaTestData.Reference("dea_directional.csv");
        foreach (var g in rows.GroupBy(r => r["dataset"]))
        {
            var data = DeaTestData.Load(g.Key);
            var set = data.Reference();
            foreach (var r in g)
            {
                var j = int.Parse(r["dmu"]) - 1;
                var res = set.Directional(data.Xo(j), data.Yo(j), [], data.Xo(j), data.Yo(j), [], DeaTestData.Rts(r["rts"]));
                var beta = DeaTestData.Num(r["beta_benchmarking"]);
                Assert.True(res.IsOptimal && Math.Abs(res.Value - beta) <= 1e-9, $"{g.Key} dmu {j + 1} {r["rts"]}: {res.Value:R} vs {beta:R}");
                var rho = (1 - res.Value) / (1 + res.Value);
                Assert.True(Math.Abs(rho - DeaTestData.Num(r["rho_deaR"])) <= 1e-9);
            }
        }
    }

    [Theory]
    [InlineData("synthetic_dea_n500")]
    [InlineData("synthetic_dea_n2000")]
    [InlineData("synthetic_dea_n5000")]
    public void Synthetic_sets_match_Benchmarking_with_frontier_screening(string key)
    {
        var data = DeaTestData.Load(key);
        var rows = DeaTestData.Reference(key + "_benchmarking_eff.csv");
        var set = data.Reference();
        foreach (var rts in new[] { ReturnsToScale.Variable, ReturnsToScale.Constant }) set.PrepareFrontier(rts);
        var tol = 1e-6 * Math.Max(1, data.Magnitude);
        Parallel.For(0, data.N, j =>
        {
            var r = rows[j];
            var vin = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Input, maxSlacks: true);
            Assert.True(Math.Abs(vin.Value - DeaTestData.Num(r["vrs_in"])) <= 1e-9, $"{key} dmu {j + 1} vrs_in {vin.Value:R}");
            var sum = vin.InputSlacks.Sum() + vin.OutputSlacks.Sum();
            Assert.True(Math.Abs(sum - DeaTestData.Num(r["vrs_in_sum_slack"])) <= tol, $"{key} dmu {j + 1} vrs slack {sum:R}");
            var cin = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Constant, DeaOrientation.Input);
            Assert.True(Math.Abs(cin.Value - DeaTestData.Num(r["crs_in"])) <= 1e-9, $"{key} dmu {j + 1} crs_in {cin.Value:R}");
            var vout = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Variable, DeaOrientation.Output);
            Assert.True(Math.Abs(vout.Value - DeaTestData.Num(r["vrs_out"])) <= 1e-9, $"{key} dmu {j + 1} vrs_out {vout.Value:R}");
            var cout = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Constant, DeaOrientation.Output);
            Assert.True(Math.Abs(cout.Value - DeaTestData.Num(r["crs_out"])) <= 1e-9, $"{key} dmu {j + 1} crs_out {cout.Value:R}");
            var sup = set.Radial(data.Xo(j), data.Yo(j), ReturnsToScale.Constant, DeaOrientation.Input, excludeUnit: j);
            Assert.True(Math.Abs(sup.Value - DeaTestData.Num(r["crs_in_super"])) <= 1e-9, $"{key} dmu {j + 1} crs super {sup.Value:R}");
        });
    }

    [Fact]
    public void Fdh_and_graph_match_Benchmarking()
    {
        var rows = DeaTestData.Reference("dea_radial_benchmarking.csv");
        int fdh = 0, graph = 0;
        foreach (var g in rows.Where(r => r["orientation"] == "graph" || r["rts"] == "fdh").GroupBy(r => r["dataset"]))
        {
            var data = DeaTestData.Load(g.Key);
            var set = data.Reference();
            foreach (var r in g)
            {
                var j = int.Parse(r["dmu"]) - 1;
                var expected = DeaTestData.Num(r["eff"]);
                var key = $"{g.Key} dmu {j + 1} {r["rts"]} {r["orientation"]}";
                if (r["rts"] == "fdh")
                {
                    var res = set.FreeDisposalHull(data.Xo(j), data.Yo(j), DeaTestData.Orientation(r["orientation"]));
                    Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-9, $"{key}: {res.Value:R} vs {expected:R}");
                    fdh++;
                }
                else
                {
                    var res = set.Graph(data.Xo(j), data.Yo(j), DeaTestData.Rts(r["rts"]));
                    Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-5, $"{key}: {res.Value:R} vs {expected:R}");
                    graph++;
                }
            }
        }
        Assert.Equal(978, fdh);
        Assert.Equal(1956, graph);
    }

    [Fact]
    public void Additive_model_matches_Benchmarking()
    {
        foreach (var r in DeaTestData.Reference("dea_additive_benchmarking.csv"))
        {
            var data = DeaTestData.Load(r["dataset"]);
            var j = int.Parse(r["dmu"]) - 1;
            var rts = DeaTestData.Rts(r["rts"]);
            var res = data.Reference().Additive(data.Xo(j), data.Yo(j), rts);
            var expected = DeaTestData.Num(r["sum_slack"]);
            var key = $"{r["dataset"]} dmu {j + 1} {r["rts"]}";
            if (r["dataset"] == "Fortune500" && j == 6)
            {
                // Known peer defect: lp_solve inside Benchmarking stops at a sub-optimal vertex for Fortune500 DMU 7
                // (crs 312755.2, vrs 356564.6). GLOP on the same LP agrees with us (380062.3 / 359853.9): assert that.
                var glop = GlopAdapter.Solve(AdditiveLp(data, j, rts));
                Assert.True(res.Value > expected && Math.Abs(res.Value - glop.Objective) <= 1e-8 * glop.Objective, $"{key}: {res.Value:R} vs GLOP {glop.Objective:R}");
                continue;
            }
            Assert.True(res.IsOptimal && Math.Abs(res.Value - expected) <= 1e-8 * Math.Max(1, Math.Abs(expected)), $"{key}: {res.Value:R} vs {expected:R}");
        }
    }

    /// <summary>The additive LP written out independently (raw data, explicit slack variables).</summary>
    internal static Xinzhi.Efficiency.Lp.LinearProgram AdditiveLp(DeaTestData.Dataset data, int j, ReturnsToScale rts)
    {
        int n = data.N, m = data.X.GetLength(1), s = data.Y.GetLength(1);
        var lp = new Xinzhi.Efficiency.Lp.LinearProgram(Xinzhi.Efficiency.Lp.ObjectiveSense.Maximize);
        for (var k = 0; k < n; k++) lp.AddVariable(0);
        for (var k = 0; k < m + s; k++) lp.AddVariable(1);
        for (var i = 0; i < m; i++)
        {
            var a = new double[n + m + s];
            for (var k = 0; k < n; k++) a[k] = data.X[k, i];
            a[n + i] = 1;
            lp.AddConstraint(a, Xinzhi.Efficiency.Lp.ConstraintSense.Equal, data.X[j, i]);
        }
        for (var q = 0; q < s; q++)
        {
            var a = new double[n + m + s];
            for (var k = 0; k < n; k++) a[k] = data.Y[k, q];
            a[n + m + q] = -1;
            lp.AddConstraint(a, Xinzhi.Efficiency.Lp.ConstraintSense.Equal, data.Y[j, q]);
        }
        if (rts == ReturnsToScale.Variable)
        {
            var a = new double[n];
            Array.Fill(a, 1.0);
            lp.AddConstraint(a, Xinzhi.Efficiency.Lp.ConstraintSense.Equal, 1);
        }
        return lp;
    }

    [Fact]
    public void Cost_efficiency_matches_Coelli_1998_textbook()
    {
        var data = DeaTestData.Load("Coelli_1998");
        var set = data.Reference();
        foreach (var r in DeaTestData.Reference("dea_cost_efficiency_coelli1998.csv"))
        {
            var j = int.Parse(r["dmu"]) - 1;
            var w = new[] { data.Prices![j, 0], data.Prices[j, 1] };
            var res = set.CostEfficiency(data.Xo(j), data.Yo(j), w, DeaTestData.Rts(r["rts"]));
            var key = $"DMU{j + 1} {r["rts"]}";
            Assert.True(Math.Abs(res.OptimalValue - DeaTestData.Num(r["min_cost"])) <= 1e-9, $"{key}: min cost {res.OptimalValue:R}");
            Assert.True(Math.Abs(res.Efficiency - DeaTestData.Num(r["cost_eff"])) <= 1e-9, $"{key}: CE {res.Efficiency:R}");
            Assert.True(Math.Abs(res.TechnicalEfficiency - DeaTestData.Num(r["te_in"])) <= 1e-9, $"{key}: TE");
            Assert.True(Math.Abs(res.AllocativeEfficiency - DeaTestData.Num(r["alloc_eff"])) <= 1e-9, $"{key}: AE");
            // x* may be non-unique: check its cost and feasibility only.
            Assert.Equal(res.OptimalValue, w[0] * res.OptimalQuantities[0] + w[1] * res.OptimalQuantities[1], 9);
            var theta = set.Radial(res.OptimalQuantities, data.Yo(j), DeaTestData.Rts(r["rts"]), DeaOrientation.Input);
            Assert.True(theta.IsOptimal && theta.Value >= 1 - 1e-9, $"{key}: x* is not in the technology (θ = {theta.Value})");
        }
    }
}
