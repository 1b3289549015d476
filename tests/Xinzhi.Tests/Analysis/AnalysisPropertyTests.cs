using FsCheck;
using FsCheck.Xunit;
using Xinzhi.Analysis.Coupling;
using Xinzhi.Analysis.Inequality;

namespace Xinzhi.Tests.Analysis;

/// <summary>Invariants over arbitrary inputs (FsCheck; failing cases are shrunk and printed).</summary>
public sealed class AnalysisPropertyTests
{
    private static double[] Positive(PositiveInt[] raw) => raw.Select(p => 0.01 + (p.Get % 1000) / 7.0).ToArray();

    [Property(MaxTest = 200)]
    public bool Dagum_parts_sum_to_G(NonEmptyArray<PositiveInt> a, NonEmptyArray<PositiveInt> b, NonEmptyArray<PositiveInt> c)
    {
        var groups = new[] { a.Get, b.Get, c.Get };
        var y = new List<double>();
        var g = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var v = Positive(groups[k]);
            // Every group needs two members.
            foreach (var x in v.Length == 1 ? [v[0], v[0] + 1] : v) { y.Add(x); g.Add("g" + k); }
        }
        var r = DagumDecomposition.Compute(y, g);
        return Math.Abs(r.IdentityResidual) <= 1e-13 * Math.Max(r.Gini, 1e-300)
               && r.Within >= 0 && r.NetBetween >= -1e-15 && r.Transvariation >= -1e-15
               && r.Pairs.All(p => p.RelativeEconomicAffluence is >= -1e-12 and <= 1 + 1e-12); // equal means: D = 0 up to rounding
    }

    [Property(MaxTest = 200)]
    public bool Theil_parts_sum_to_total(NonEmptyArray<PositiveInt> a, NonEmptyArray<PositiveInt> b)
    {
        var ya = Positive(a.Get);
        var yb = Positive(b.Get);
        var y = ya.Concat(ya).Concat(yb).Concat(yb).ToArray();
        var g = Enumerable.Repeat("a", 2 * ya.Length).Concat(Enumerable.Repeat("b", 2 * yb.Length)).ToArray();
        var t = TheilDecomposition.Compute(y, g, TheilKind.T);
        var l = TheilDecomposition.Compute(y, g, TheilKind.L);
        // Between ≥ 0 by Jensen; equal group means give 0 up to rounding.
        return Math.Abs(t.IdentityResidual) < 1e-12 && Math.Abs(l.IdentityResidual) < 1e-12 && t.Between >= -1e-12 && l.Between >= -1e-12;
    }

    [Property(MaxTest = 300)]
    public bool Coupling_lies_in_the_unit_interval(NonEmptyArray<PositiveInt> raw, bool corrected)
    {
        var u = raw.Get.Take(6).Select(p => (p.Get % 1001) / 1000.0).ToArray();
        if (u.Length < 2 || u.All(v => v == 0)) return true;
        var r = CouplingCoordination.Compute(u, CouplingCoordination.EqualWeights(u.Length), corrected ? CouplingFormula.Corrected : CouplingFormula.Standard);
        return r.C is >= 0 and <= 1 && r.D is >= 0 and <= 1 && r.Level.Level is >= 1 and <= 10;
    }
}
