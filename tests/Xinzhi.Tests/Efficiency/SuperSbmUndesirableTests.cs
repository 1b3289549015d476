using FsCheck;
using FsCheck.Fluent;
using Google.OrTools.LinearSolver;
using Xinzhi.Efficiency;

namespace Xinzhi.Tests.Efficiency;

/// <summary>
/// Super-SBM with undesirable outputs (<see cref="DeaReferenceSet.SuperSbm(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReturnsToScale, DeaOrientation, int)"/>)
/// against an independent formulation written here in Tone's (2002) "bar" form, projected point (x̄, ȳ, b̄) instead
/// of slacks, solved by OR-Tools GLOP:
/// δ = min [(1/m) Σ x̄/x₀] / [(1/(s+k)) (Σ ȳ/y₀ + Σ (2 − b̄/b₀))] s.t. x̄ ≥ Xλ, x̄ ≥ x₀, 0 ≤ ȳ ≤ Yλ, ȳ ≤ y₀,
/// b̄ ≥ Bλ, b̄ ≥ b₀, λ ≥ 0, λ_o = 0 (+ RTS); the denominator is 1 − (1/(s+k))(Σs⁺/y₀ + Σsᵇ/b₀) with s⁺ = y₀ − ȳ,
/// sᵇ = b̄ − b₀. Input orientation keeps ȳ = y₀, b̄ = b₀; output orientation keeps x̄ = x₀.
/// </summary>
public sealed class SuperSbmUndesirableTests
{
    internal sealed record Instance(double[,] X, double[,] Y, double[,] B)
    {
        public int N => X.GetLength(0);
        public int M => X.GetLength(1);
        public int S => Y.GetLength(1);
        public int K => B.GetLength(1);

        public static double[] Row(double[,] a, int j) => Enumerable.Range(0, a.GetLength(1)).Select(c => a[j, c]).ToArray();
    }

    private static Instance Random(Random rng, int bads)
    {
        var n = rng.Next(5, 26);
        int m = rng.Next(1, 4), s = rng.Next(1, 3);
        double[,] Fill(int c)
        {
            var a = new double[n, c];
            for (var j = 0; j < n; j++)
                for (var i = 0; i < c; i++) a[j, i] = Math.Round(1 + 99 * rng.NextDouble(), 3);
            return a;
        }
        return new Instance(Fill(m), Fill(s), Fill(bads));
    }

    /// <summary>δ from the bar form by GLOP (Charnes-Cooper for the non-oriented ratio); NaN when infeasible.</summary>
    internal static double GlopSuperSbm(Instance d, double[] xo, double[] yo, double[] bo, ReturnsToScale rts, DeaOrientation o, int exclude)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        int n = d.N, m = d.M, s = d.S, q = d.K;
        var nonOriented = o == DeaOrientation.NonOriented;
        // t scales everything in the Charnes-Cooper form; fixed at 1 for the oriented (linear) programs.
        var t = nonOriented ? solver.MakeNumVar(0, double.PositiveInfinity, "t") : solver.MakeNumVar(1, 1, "t");
        var lambda = Enumerable.Range(0, n).Select(j => solver.MakeNumVar(0, j == exclude ? 0 : double.PositiveInfinity, "l" + j)).ToArray();
        var xbar = Enumerable.Range(0, m).Select(i => solver.MakeNumVar(0, double.PositiveInfinity, "x" + i)).ToArray();
        var ybar = Enumerable.Range(0, s).Select(r => solver.MakeNumVar(0, double.PositiveInfinity, "y" + r)).ToArray();
        var bbar = Enumerable.Range(0, q).Select(k => solver.MakeNumVar(0, double.PositiveInfinity, "b" + k)).ToArray();
        for (var i = 0; i < m; i++)
        {
            var c1 = solver.MakeConstraint(0, double.PositiveInfinity); // x̄ − Xλ ≥ 0
            c1.SetCoefficient(xbar[i], 1);
            for (var j = 0; j < n; j++) c1.SetCoefficient(lambda[j], -d.X[j, i]);
            if (o == DeaOrientation.Output)
            {
                var fix = solver.MakeConstraint(0, 0); // x̄ = t x₀
                fix.SetCoefficient(xbar[i], 1);
                fix.SetCoefficient(t, -xo[i]);
            }
            else
            {
                var c2 = solver.MakeConstraint(0, double.PositiveInfinity); // x̄ − t x₀ ≥ 0
                c2.SetCoefficient(xbar[i], 1);
                c2.SetCoefficient(t, -xo[i]);
            }
        }
        for (var r = 0; r < s; r++)
        {
            var c1 = solver.MakeConstraint(0, double.PositiveInfinity); // Yλ − ȳ ≥ 0
            c1.SetCoefficient(ybar[r], -1);
            for (var j = 0; j < n; j++) c1.SetCoefficient(lambda[j], d.Y[j, r]);
            var c2 = o == DeaOrientation.Input ? solver.MakeConstraint(0, 0) : solver.MakeConstraint(0, double.PositiveInfinity); // t y₀ − ȳ (= / ≥) 0
            c2.SetCoefficient(ybar[r], -1);
            c2.SetCoefficient(t, yo[r]);
        }
        for (var k = 0; k < q; k++)
        {
            var c1 = solver.MakeConstraint(0, double.PositiveInfinity); // b̄ − Bλ ≥ 0
            c1.SetCoefficient(bbar[k], 1);
            for (var j = 0; j < n; j++) c1.SetCoefficient(lambda[j], -d.B[j, k]);
            var c2 = o == DeaOrientation.Input ? solver.MakeConstraint(0, 0) : solver.MakeConstraint(0, double.PositiveInfinity); // b̄ − t b₀ (= / ≥) 0
            c2.SetCoefficient(bbar[k], 1);
            c2.SetCoefficient(t, -bo[k]);
        }
        if (rts != ReturnsToScale.Constant)
        {
            var (lo, up) = rts switch
            {
                ReturnsToScale.Variable => (0.0, 0.0),
                ReturnsToScale.NonIncreasing => (double.NegativeInfinity, 0.0),
                _ => (0.0, double.PositiveInfinity),
            };
            var c = solver.MakeConstraint(lo, up); // Σλ − t
            foreach (var l in lambda) c.SetCoefficient(l, 1);
            c.SetCoefficient(t, -1);
        }
        var objective = solver.Objective();
        if (o == DeaOrientation.Output)
        {
            // max (Σ ȳ/y₀ − Σ b̄/b₀) (+ 2k), divided by (s + k) afterwards.
            for (var r = 0; r < s; r++) objective.SetCoefficient(ybar[r], 1.0 / yo[r]);
            for (var k = 0; k < q; k++) objective.SetCoefficient(bbar[k], -1.0 / bo[k]);
            objective.SetMaximization();
        }
        else
        {
            for (var i = 0; i < m; i++) objective.SetCoefficient(xbar[i], 1.0 / (m * xo[i]));
            objective.SetMinimization();
            if (nonOriented)
            {
                // Denominator normalised to 1: (1/(s+k)) (Σ Ỹ/y₀ + Σ (2t − B̃/b₀)) = 1.
                var norm = solver.MakeConstraint(1, 1);
                for (var r = 0; r < s; r++) norm.SetCoefficient(ybar[r], 1.0 / ((s + q) * yo[r]));
                for (var k = 0; k < q; k++) norm.SetCoefficient(bbar[k], -1.0 / ((s + q) * bo[k]));
                norm.SetCoefficient(t, 2.0 * q / (s + q));
            }
        }
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) return double.NaN;
        if (o != DeaOrientation.Output) return objective.Value();
        var denominator = (objective.Value() + 2.0 * q) / (s + q);
        return denominator > 1e-12 ? 1.0 / denominator : double.NaN;
    }

    private static readonly DeaOrientation[] Orientations = [DeaOrientation.NonOriented, DeaOrientation.Input, DeaOrientation.Output];

    private static readonly ReturnsToScale[] AllRts = [ReturnsToScale.Constant, ReturnsToScale.Variable, ReturnsToScale.NonIncreasing, ReturnsToScale.NonDecreasing];

    [Fact]
    public void Super_sbm_with_bads_agrees_with_glop_bar_formulation_on_random_data()
    {
        const int seed = 20261201;
        var rng = new Random(seed);
        int compared = 0, infeasible = 0;
        for (var trial = 0; trial < 24; trial++)
        {
            var d = Random(rng, trial % 4 == 3 ? 0 : 1 + trial % 2);
            var set = new DeaReferenceSet(d.X, d.Y, d.K > 0 ? d.B : null);
            // Points: every third unit against the others (super-efficiency), plus two points outside the set
            // (a unit with fewer inputs and bads, more output: a "next period" observation), against all units.
            var points = new List<(double[] X, double[] Y, double[] B, int Exclude)>();
            for (var j = trial % 3; j < d.N; j += 3) points.Add((Instance.Row(d.X, j), Instance.Row(d.Y, j), Instance.Row(d.B, j), j));
            for (var e = 0; e < 2; e++)
            {
                var j = rng.Next(d.N);
                var f = 0.5 + 0.4 * rng.NextDouble();
                points.Add((Instance.Row(d.X, j).Select(v => v * f).ToArray(), Instance.Row(d.Y, j).Select(v => v / f).ToArray(), Instance.Row(d.B, j).Select(v => v * f).ToArray(), -1));
            }
            foreach (var rts in AllRts)
                foreach (var o in Orientations)
                    foreach (var (x, y, b, exclude) in points)
                    {
                        var ours = set.SuperSbm(x, y, b, rts, o, exclude);
                        var glop = GlopSuperSbm(d, x, y, b, rts, o, exclude);
                        var msg = $"seed {seed} trial {trial} point excl {exclude} {rts} {o} (m {d.M}, s {d.S}, k {d.K}): ours {ours.Status} {ours.Value:R}, GLOP {glop:R}";
                        if (double.IsNaN(glop))
                        {
                            Assert.True(ours.Status == DeaStatus.Infeasible, msg);
                            infeasible++;
                            continue;
                        }
                        Assert.True(ours.IsOptimal, msg);
                        Assert.True(Math.Abs(ours.Value - glop) <= 1e-8 * Math.Max(1, glop), msg);
                        Assert.True(ours.Value >= 1 - 1e-9, msg);
                        compared++;
                    }
        }
        Assert.True(compared > 1000 && infeasible > 0, $"seed {seed}: {compared} compared, {infeasible} infeasible");
    }

    [Fact]
    public void Non_oriented_crs_super_sbm_with_bads_is_always_feasible_and_one_inside_the_technology()
    {
        const int seed = 77;
        var rng = new Random(seed);
        for (var trial = 0; trial < 20; trial++)
        {
            var d = Random(rng, 1 + trial % 2);
            var set = new DeaReferenceSet(d.X, d.Y, d.B);
            for (var j = 0; j < d.N; j++)
            {
                var (x, y, b) = (Instance.Row(d.X, j), Instance.Row(d.Y, j), Instance.Row(d.B, j));
                var sup = set.SuperSbm(x, y, b, ReturnsToScale.Constant, DeaOrientation.NonOriented, j);
                Assert.True(sup.IsOptimal && sup.Value >= 1 - 1e-12, $"seed {seed} trial {trial} unit {j}: {sup.Status} {sup.Value}");
                // Not excluded, the unit is inside its own technology: δ = 1 exactly.
                var inside = set.SuperSbm(x, y, b, ReturnsToScale.Variable, DeaOrientation.NonOriented);
                Assert.True(inside.IsOptimal && Math.Abs(inside.Value - 1) < 1e-12, $"seed {seed} trial {trial} unit {j}: inside {inside.Value}");
            }
        }
    }

    /// <summary>Without bads the new overload is Tone (2002): deaR's <c>model_sbmsupereff</c> rows, 1e-8.</summary>
    [Fact]
    public void Without_bads_the_overload_reproduces_deaR_super_sbm()
    {
        var rows = DeaTestData.Reference("dea_sbm_deaR.csv").Where(r => r["model"] == "super_sbm" && r["eff"] != "" && r["eff"] != "NA" && DeaTestData.Num(r["eff"]) > 1 + 1e-9).ToList();
        var checkedRows = 0;
        foreach (var r in rows)
        {
            var data = DeaTestData.Load(r["dataset"]);
            var j = int.Parse(r["dmu"]) - 1;
            var o = r["orientation"] switch { "io" => DeaOrientation.Input, "oo" => DeaOrientation.Output, _ => DeaOrientation.NonOriented };
            var res = data.Reference().SuperSbm(data.Xo(j), data.Yo(j), [], DeaTestData.Rts(r["rts"]), o, j);
            Assert.True(res.IsOptimal && Math.Abs(res.Value - DeaTestData.Num(r["eff"])) <= 1e-8, $"{r["dataset"]} dmu {j + 1} {r["rts"]} {r["orientation"]}: {res.Value:R} vs deaR {r["eff"]}");
            checkedRows++;
        }
        Assert.True(checkedRows > 50, $"{checkedRows} rows");
    }

    [Theory]
    [InlineData(ReturnsToScale.Constant, DeaOrientation.NonOriented)]
    [InlineData(ReturnsToScale.Variable, DeaOrientation.NonOriented)]
    [InlineData(ReturnsToScale.Constant, DeaOrientation.Input)]
    [InlineData(ReturnsToScale.Variable, DeaOrientation.Output)]
    public void Dea_super_sbm_with_bads_keeps_the_sbm_score_of_inefficient_units(ReturnsToScale rts, DeaOrientation o)
    {
        const int seed = 4242;
        var rng = new Random(seed);
        for (var trial = 0; trial < 6; trial++)
        {
            var d = Random(rng, 1 + trial % 2);
            var data = DeaData.FromArrays(d.X, d.Y, d.B);
            var options = new DeaOptions { Model = DeaModelKind.Sbm, ReturnsToScale = rts, Orientation = o };
            var sbm = Dea.Evaluate(data, options);
            var sup = Dea.Evaluate(data, options with { Super = true });
            var one = Dea.Evaluate(data, options with { Super = true, SuperSbmInefficient = SuperSbmInefficientScore.One });
            var set = new DeaReferenceSet(d.X, d.Y, d.B);
            var efficient = 0;
            for (var j = 0; j < d.N; j++)
            {
                var msg = $"seed {seed} trial {trial} unit {j} {rts} {o}";
                var rho = sbm.Units[j].Efficiency;
                Assert.True(rho <= 1 + 1e-12, msg);
                if (rho < 1 - 1e-9)
                {
                    Assert.Equal(rho, sup.Units[j].Efficiency);
                    Assert.Equal(1.0, one.Units[j].Efficiency);
                    continue;
                }
                efficient++;
                var expected = set.SuperSbm(Instance.Row(d.X, j), Instance.Row(d.Y, j), Instance.Row(d.B, j), rts, o, j);
                if (!expected.IsOptimal)
                {
                    Assert.Equal(expected.Status, sup.Units[j].Status);
                    continue;
                }
                Assert.True(sup.Units[j].Efficiency >= 1 - 1e-12, msg);
                Assert.Equal(expected.Value, sup.Units[j].Efficiency, 12);
                Assert.Equal(sup.Units[j].Efficiency, one.Units[j].Efficiency);
            }
            Assert.True(efficient > 0, $"seed {seed} trial {trial}: no efficient unit");
        }
    }

    [Fact]
    public void Tone2003_super_sbm_with_bad_output_via_cli()
    {
        using var tmp = new Xinzhi.Tests.Support.TempDir();
        var outFile = tmp.File("super.csv");
        var res = Xinzhi.Tests.Support.CliRunner.Run("dea", DeaTestData.DataFile("Tone2003"), "--id", "DMU", "--inputs", "x", "--outputs", "yg",
            "--bad", "yb", "--model", "sbm", "--super", "--slacks", "--out", outFile);
        Assert.True(res.ExitCode == 0, res.Error);
        var table = Xinzhi.Data.CsvTableReader.Read(outFile);
        var eff = table.Column("efficiency").Select(v => DeaTestData.Num(v!)).ToArray();
        Assert.Contains("slack_yb", table.ColumnNames);
        var reference = DeaTestData.Reference("dea_undesirable_deaR.csv").Where(r => r["dataset"] == "Tone2003" && r["rts"] == "crs").ToList();
        var data = DeaTestData.Load("Tone2003");
        var d = new Instance(data.X, data.Y, data.B!);
        var superRows = 0;
        for (var j = 0; j < reference.Count; j++)
        {
            var rho = DeaTestData.Num(reference[j]["eff"]);
            if (rho < 1 - 1e-9)
            {
                Assert.True(Math.Abs(eff[j] - rho) <= 1e-8, $"{data.Ids[j]}: {eff[j]} vs SBM {rho}");
                continue;
            }
            var glop = GlopSuperSbm(d, data.Xo(j), data.Yo(j), data.Bo(j), ReturnsToScale.Constant, DeaOrientation.NonOriented, j);
            Assert.True(Math.Abs(eff[j] - glop) <= 1e-8, $"{data.Ids[j]}: {eff[j]} vs GLOP {glop}");
            Assert.True(eff[j] >= 1, $"{data.Ids[j]}: {eff[j]}");
            superRows++;
        }
        Assert.Equal(3, superRows); // C, D and E are SBM-efficient (Tone 2003)
        // By hand (CRS, x = 1 for all): C onto F = (1, 5, 2) needs s⁺ = 1: δ = 1/(1 − ½·1/6) = 12/11; D onto
        // 0.6 C + 0.4 E = (1, 7.2, 4): s⁺ = 0.8, δ = 1/(1 − ½·0.8/8) = 20/19; E onto D = (1, 8, 4): δ = 1/(1 − ½·1/9) = 18/17.
        Assert.Equal(12.0 / 11, eff[2], 10);
        Assert.Equal(20.0 / 19, eff[3], 10);
        Assert.Equal(18.0 / 17, eff[4], 10);
        var run = File.ReadAllText(outFile + ".run.json");
        Assert.Contains("undesirable", run);
    }

    /// <summary>FsCheck: δ is units-invariant (every column rescaled by its own power of ten) and does not increase
    /// when the evaluated unit emits more of a bad output (a worse point is never more super-efficient).</summary>
    [Fact]
    public void Super_sbm_with_bads_is_units_invariant_and_monotone_in_the_bad_output()
    {
        var gen = from seed in Gen.Choose(0, 1_000_000)
                  from exponents in Gen.ArrayOf(Gen.Choose(-6, 6), 8)
                  select (seed, exponents);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (seed, exps) = t;
            var rng = new Random(seed);
            var d = Random(rng, 1 + seed % 2);
            double[,] Scale(double[,] a, int offset)
            {
                var r = (double[,])a.Clone();
                for (var c = 0; c < a.GetLength(1); c++)
                    for (var j = 0; j < a.GetLength(0); j++) r[j, c] *= Math.Pow(10, exps[offset + c]);
                return r;
            }
            var scaled = new Instance(Scale(d.X, 0), Scale(d.Y, 3), Scale(d.B, 5));
            var a = new DeaReferenceSet(d.X, d.Y, d.B);
            var b = new DeaReferenceSet(scaled.X, scaled.Y, scaled.B);
            foreach (var rts in new[] { ReturnsToScale.Constant, ReturnsToScale.Variable })
                foreach (var o in Orientations)
                    for (var j = 0; j < d.N; j += 2)
                    {
                        var ra = a.SuperSbm(Instance.Row(d.X, j), Instance.Row(d.Y, j), Instance.Row(d.B, j), rts, o, j);
                        var rb = b.SuperSbm(Instance.Row(scaled.X, j), Instance.Row(scaled.Y, j), Instance.Row(scaled.B, j), rts, o, j);
                        var msg = $"seed {seed} exps [{string.Join(",", exps)}] unit {j} {rts} {o}";
                        if (ra.Status != rb.Status || (ra.IsOptimal && Math.Abs(ra.Value - rb.Value) > 1e-8 * Math.Max(1, ra.Value)))
                            throw new Xunit.Sdk.XunitException($"{msg}: {ra.Status} {ra.Value:R} vs rescaled {rb.Status} {rb.Value:R}");
                        if (!ra.IsOptimal || o == DeaOrientation.Input) continue;
                        var worse = Instance.Row(d.B, j);
                        worse[0] *= 1.5;
                        var rw = a.SuperSbm(Instance.Row(d.X, j), Instance.Row(d.Y, j), worse, rts, o, j);
                        if (rw.IsOptimal && rw.Value > ra.Value + 1e-9 * Math.Max(1, ra.Value))
                            throw new Xunit.Sdk.XunitException($"{msg}: more bad output raised δ {ra.Value:R} → {rw.Value:R}");
                    }
        }).QuickCheckThrowOnFailure();
    }
}
