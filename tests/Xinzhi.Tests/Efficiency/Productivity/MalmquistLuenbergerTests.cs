using Google.OrTools.LinearSolver;
using Xinzhi.Data;
using Xinzhi.Efficiency.Productivity;
using Xinzhi.Tests.Support;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// Malmquist-Luenberger, GML and Luenberger on synthetic_ml_panel.csv (K, L → Y, bad CO2), against an independent
/// formulation written here: each DDF (Chung-Färe-Grosskopf 1997, β free, weak disposability of CO2) is solved by
/// OR-Tools GLOP and the index formulas of domain.md §4.5 are applied directly.
/// </summary>
public sealed class MalmquistLuenbergerTests
{
    private const double Tol = 1e-8;

    private static readonly Lazy<ProductivityData> Panel = new(() =>
    {
        var table = CsvTableReader.Read(SharedPaths.Data("synthetic_ml_panel.csv"));
        var panel = PanelBuilder.Build(table, new PanelSpec("id", "period", ["K", "L", "Y", "CO2"])).Panel;
        return ProductivityData.FromPanel(panel, ["K", "L"], ["Y"], ["CO2"]);
    });

    /// <summary>max β s.t. Σλx ≤ x_o − β g_x, Σλy ≥ (1 + β) y_o, Σλb = (1 − β) b_o, λ ≥ 0 (VRS: Σλ = 1); NaN if infeasible.</summary>
    private static double GlopDdf(ProductivityData d, IReadOnlyList<int> reference, int o, bool vrs, bool contractInputs)
    {
        using var solver = Solver.CreateSolver("GLOP")!;
        var beta = solver.MakeNumVar(double.NegativeInfinity, double.PositiveInfinity, "beta");
        var lambda = reference.Select((_, j) => solver.MakeNumVar(0, double.PositiveInfinity, "l" + j)).ToArray();
        for (var i = 0; i < d.InputCount; i++)
        {
            var c = solver.MakeConstraint(double.NegativeInfinity, d.Inputs(o)[i]);
            for (var j = 0; j < lambda.Length; j++) c.SetCoefficient(lambda[j], d.Inputs(reference[j])[i]);
            if (contractInputs) c.SetCoefficient(beta, d.Inputs(o)[i]);
        }
        for (var r = 0; r < d.OutputCount; r++)
        {
            var c = solver.MakeConstraint(d.Outputs(o)[r], double.PositiveInfinity);
            for (var j = 0; j < lambda.Length; j++) c.SetCoefficient(lambda[j], d.Outputs(reference[j])[r]);
            c.SetCoefficient(beta, -d.Outputs(o)[r]);
        }
        for (var k = 0; k < d.BadOutputCount; k++)
        {
            var c = solver.MakeConstraint(d.BadOutputs(o)[k], d.BadOutputs(o)[k]);
            for (var j = 0; j < lambda.Length; j++) c.SetCoefficient(lambda[j], d.BadOutputs(reference[j])[k]);
            c.SetCoefficient(beta, d.BadOutputs(o)[k]);
        }
        if (vrs)
        {
            var c = solver.MakeConstraint(1, 1);
            foreach (var l in lambda) c.SetCoefficient(l, 1);
        }
        solver.Objective().SetCoefficient(beta, 1);
        solver.Objective().SetMaximization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? beta.SolutionValue() : double.NaN;
    }

    private static int[] Periods(ProductivityData d, int from, int to)
    {
        var list = new List<int>();
        for (var p = from; p <= to; p++) list.AddRange(d.ObservationsInPeriod(p).ToArray());
        return list.ToArray();
    }

    [Theory]
    [InlineData(TechnologyType.Contemporaneous, false, false)]
    [InlineData(TechnologyType.Sequential, false, false)]
    [InlineData(TechnologyType.Global, false, false)]
    [InlineData(TechnologyType.Contemporaneous, true, false)]
    [InlineData(TechnologyType.Global, true, false)]
    [InlineData(TechnologyType.Contemporaneous, false, true)]
    [InlineData(TechnologyType.Global, false, true)]
    [InlineData(TechnologyType.Contemporaneous, true, false, true)]
    [InlineData(TechnologyType.Global, false, false, true)]
    public void Ratio_and_additive_indices_match_an_independent_GLOP_formulation(TechnologyType tech, bool luenberger, bool vrsTechnology,
        bool contractInputs = false)
    {
        var d = Panel.Value;
        var options = new MalmquistOptions(Model: DistanceModel.Ddf, Technology: tech, Orientation: DistanceOrientation.None,
            Direction: contractInputs ? DdfDirection.InputsAndOutputs : DdfDirection.Outputs,
            Index: luenberger ? ProductivityIndexKind.Luenberger : ProductivityIndexKind.Malmquist,
            Scale: vrsTechnology ? ScaleAssumption.Variable : ScaleAssumption.Constant,
            VrsDefinition: vrsTechnology ? VrsDefinition.VrsTechnology : VrsDefinition.Fgnz);
        var result = MalmquistIndex.Compute(d, options);
        Assert.Equal(d.Entities.Length * (d.Periods.Length - 1), result.Rows.Count);
        var techRef = new Func<int, int[]>(p => tech == TechnologyType.Sequential ? Periods(d, 0, p) : Periods(d, p, p));
        var global = Periods(d, 0, d.Periods.Length - 1);
        var infeasible = 0;
        foreach (var row in result.Rows)
        {
            var e = Array.IndexOf(d.Entities, row.Entity);
            var p = Array.IndexOf(d.Periods, row.From);
            int o0 = d.Observation(e, p), o1 = d.Observation(e, p + 1);
            double D(IReadOnlyList<int> reference, int o) => GlopDdf(d, reference, o, vrsTechnology, contractInputs);
            double ff = D(techRef(p), o0), tt = D(techRef(p + 1), o1);
            double tfp, eff;
            if (tech == TechnologyType.Global)
            {
                double gf = D(global, o0), gt = D(global, o1);
                tfp = luenberger ? gf - gt : (1 + gf) / (1 + gt);
            }
            else
            {
                double ft = D(techRef(p), o1), tf = D(techRef(p + 1), o0);
                tfp = luenberger
                    ? 0.5 * ((tf - tt) + (ff - ft))
                    : Math.Sqrt((1 + ff) / (1 + ft) * ((1 + tf) / (1 + tt)));
            }
            eff = luenberger ? ff - tt : (1 + ff) / (1 + tt);
            var what = $"{options.MethodName()} {(vrsTechnology ? "VRS" : "CRS")} {row.Entity} {row.From}->{row.To}";
            if (double.IsNaN(tfp))
            {
                infeasible++;
                Assert.Equal(MalmquistStatus.Infeasible, row.Status);
                Assert.True(double.IsNaN(row.Tfpch), what);
                continue;
            }
            Assert.Equal(MalmquistStatus.Ok, row.Status);
            Assert.True(Math.Abs(row.Tfpch - tfp) < Tol, $"{what}: tfpch {row.Tfpch:R} vs GLOP {tfp:R}");
            Assert.True(Math.Abs(row.Effch - eff) < Tol, $"{what}: effch {row.Effch:R} vs GLOP {eff:R}");
        }
        // The global technology contains every observation, so its DDFs are always feasible (Oh 2010); adjacent-period
        // DDFs under weak disposability can be infeasible even under CRS, and the engine must agree with GLOP on which.
        if (tech == TechnologyType.Global) Assert.Equal(0, infeasible);
        Assert.Equal(infeasible > 0, result.Warnings.Any(w => w.Code == MalmquistWarningCode.InfeasibleDistances));
    }
}
