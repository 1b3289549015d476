using Xinzhi.Econometrics.ProductionFunctions;
using Xinzhi.Econometrics.Regression;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

public sealed class WrdgScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Variants()
    {
        var p = ChileanData.Panel;
        var lag = PanelLags.PreviousRows(p.Ids, p.Times!);
        var rows = Enumerable.Range(0, p.RowCount).Where(i => lag[i] >= 0).ToArray();
        var m = rows.Length;
        double[] V(string n) => rows.Select(i => p.Variable(n)[i]).ToArray();
        double[] L(string n) => rows.Select(i => p.Variable(n)[lag[i]]).ToArray();
        var y = V("Y"); var f1 = V("fX1"); var f2 = V("fX2"); var k = V("sX"); var mm = V("pX");
        var lf1 = L("fX1"); var lf2 = L("fX2"); var lk = L("sX"); var lm = L("pX");
        double[] Mul(double[] a, double[] b) => a.Select((v, i) => v * b[i]).ToArray();
        var c = new[] { k, mm, Mul(k, mm), Mul(k, k), Mul(mm, mm) };
        var cl = new[] { lk, lm, Mul(lk, lm), Mul(lk, lk), Mul(lm, lm) };
        var one = Enumerable.Repeat(1.0, m).ToArray();
        var zero = new double[m];
        double[] Cat(double[] a, double[] b) => a.Concat(b).ToArray();

        void Run(string label, bool eq2Const, bool eq1HasK, bool z2HasK, bool sharedConst)
        {
            var regs = new List<double[]>();
            var inst = new List<double[]>();
            if (sharedConst) regs.Add(Cat(one, one)); else { regs.Add(Cat(one, zero)); }
            regs.Add(Cat(f1, f1)); regs.Add(Cat(f2, f2)); regs.Add(Cat(k, k));
            foreach (var t in c.Skip(eq1HasK ? 0 : 1)) regs.Add(Cat(t, zero));
            if (eq2Const) regs.Add(Cat(zero, one));
            foreach (var t in cl) regs.Add(Cat(zero, t));
            inst.Add(Cat(one, zero)); inst.Add(Cat(f1, zero)); inst.Add(Cat(f2, zero));
            foreach (var t in c) inst.Add(Cat(t, zero));
            inst.Add(Cat(zero, one)); inst.Add(Cat(zero, lf1)); inst.Add(Cat(zero, lf2));
            if (z2HasK) inst.Add(Cat(zero, k));
            foreach (var t in cl) inst.Add(Cat(zero, t));
            try
            {
                var fit = TwoStageLeastSquares.Fit(Cat(y, y), regs, regs.Select((_, i) => "r" + i).ToList(), inst, inst.Select((_, i) => "z" + i).ToList());
                output.WriteLine($"{label}: {fit.Coefficients[1]:R} {fit.Coefficients[2]:R} {fit.Coefficients[3]:R} se {fit.StandardErrors[1]:G8} {fit.StandardErrors[2]:G8} {fit.StandardErrors[3]:G8} n={fit.Nobs} k={regs.Count}");
            }
            catch (Exception e) { output.WriteLine(label + ": " + e.Message); }
        }
        void Common(string label, bool eq2Const, bool kShared, bool z2HasK, bool z1HasConstOnly)
        {
            var regs = new List<double[]>();
            var inst = new List<double[]>();
            regs.Add(Cat(one, one)); regs.Add(Cat(f1, f1)); regs.Add(Cat(f2, f2));
            if (kShared) regs.Add(Cat(k, k));
            for (var t = 0; t < c.Length; t++) regs.Add(Cat(c[t], cl[t]));
            if (eq2Const) regs.Add(Cat(zero, one));
            inst.Add(Cat(one, zero)); inst.Add(Cat(f1, zero)); inst.Add(Cat(f2, zero));
            foreach (var t in c) inst.Add(Cat(t, zero));
            inst.Add(Cat(zero, one)); inst.Add(Cat(zero, lf1)); inst.Add(Cat(zero, lf2));
            if (z2HasK) inst.Add(Cat(zero, k));
            foreach (var t in cl) inst.Add(Cat(zero, t));
            try
            {
                var fit = TwoStageLeastSquares.Fit(Cat(y, y), regs, regs.Select((_, i) => "r" + i).ToList(), inst, inst.Select((_, i) => "z" + i).ToList());
                output.WriteLine($"COMMON {label}: {fit.Coefficients[1]:R} {fit.Coefficients[2]:R} {fit.Coefficients[3]:R} se {fit.StandardErrors[1]:G8} {fit.StandardErrors[2]:G8} {fit.StandardErrors[3]:G8} k={regs.Count}");
            }
            catch (Exception e) { output.WriteLine(label + ": " + e.Message); }
        }
        foreach (var a in new[] { true, false })
        foreach (var b in new[] { true, false })
        foreach (var cc in new[] { true, false })
            Common($"eq2Const={a} kShared={b} z2HasK={cc}", a, b, cc, false);
        output.WriteLine("ref: 0.245648238950902 0.214145542527378 0.144679491019282 se 0.0139650762882808 0.0125263752556051 0.0240032072704759");
        foreach (var a in new[] { true, false })
        foreach (var b in new[] { true, false })
        foreach (var cc in new[] { true, false })
        foreach (var d in new[] { true, false })
            Run($"eq2Const={a} eq1HasK={b} z2HasK={cc} sharedConst={d}", a, b, cc, d);
    }
}
