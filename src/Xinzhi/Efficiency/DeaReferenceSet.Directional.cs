using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Directional distance function with free β (oracles.md C4):
    /// max β s.t. Σλx ≤ x₀ − β g_x, Σλy ≥ y₀ + β g_y, and for bad outputs Σλb = b₀ − β g_b (weak disposability,
    /// Chung, Färe and Grosskopf 1997) or Σλb ≤ b₀ − β g_b (strong), λ ≥ 0 plus the RTS row.
    /// With g = (x₀, y₀) this is Benchmarking's <c>dea.direct(ORIENTATION="in-out")</c>; with g = (0, y₀, b₀) it is
    /// the Malmquist-Luenberger distance D(x, y, b; y, −b). β may be negative when the point lies outside the
    /// technology (cross-period or excluded unit); infeasible programs return a status.
    /// </summary>
    public DeaPointResult Directional(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> b0,
        ReadOnlySpan<double> gx, ReadOnlySpan<double> gy, ReadOnlySpan<double> gb, ReturnsToScale rts,
        BadOutputDisposability badDisposability = BadOutputDisposability.Weak, int excludeUnit = -1)
    {
        int m = InputCount, s = OutputCount, q = BadOutputCount;
        if (gx.Length != m || gy.Length != s || gb.Length != q)
            throw new ArgumentException($"Direction has {gx.Length}/{gy.Length}/{gb.Length} components; expected {m}/{s}/{q}.");
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, b0, p);
        // The frame is identified on (x, y) only, so it is valid only without bad outputs.
        var units = ColumnUnits(rts, excludeUnit, q == 0);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + q + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = p[i]; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r]; }
        for (var b = 0; b < q; b++)
        {
            senses[m + s + b] = badDisposability == BadOutputDisposability.Weak ? ConstraintSense.Equal : ConstraintSense.LessOrEqual;
            rhs[m + s + b] = p[m + s + b];
        }
        if (hasRts) { senses[m + s + q] = RtsSense(rts); rhs[m + s + q] = 1.0; }

        var lp = Builder;
        lp.Begin(senses, rhs, 2 + k); // β = β⁺ − β⁻ (free)
        for (var i = 0; i < m; i++) { var g = gx[i] / _scale[i]; lp.Set(i, 0, g); lp.Set(i, 1, -g); }
        for (var r = 0; r < s; r++) { var g = gy[r] / _scale[m + r]; lp.Set(m + r, 0, -g); lp.Set(m + r, 1, g); }
        for (var b = 0; b < q; b++) { var g = gb[b] / _scale[m + s + b]; lp.Set(m + s + b, 0, g); lp.Set(m + s + b, 1, -g); }
        lp.SetCost(0, -1.0);
        lp.SetCost(1, 1.0);
        FillLambdaColumns(lp, units, 2, m + s + q, hasRts ? m + s + q : -1, 1.0);
        var status = lp.Solve(SimplexOptions);
        if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), lp.Iterations);
        var beta = lp.Value(0) - lp.Value(1);
        var v = new double[m];
        var u = new double[s];
        var w = new double[q];
        var sMinus = new double[m];
        var sPlus = new double[s];
        var sBad = new double[q];
        for (var i = 0; i < m; i++) { v[i] = -lp.Dual(i) / _scale[i]; sMinus[i] = Clean(lp.Slack(i)) * _scale[i]; }
        for (var r = 0; r < s; r++) { u[r] = lp.Dual(m + r) / _scale[m + r]; sPlus[r] = Clean(lp.Slack(m + r)) * _scale[m + r]; }
        for (var b = 0; b < q; b++) { w[b] = -lp.Dual(m + s + b) / _scale[m + s + b]; sBad[b] = Clean(lp.Slack(m + s + b)) * _scale[m + s + b]; }
        var (peers, lambdas) = CollectPeers(lp, units, 2, 1.0);
        var scaleWeight = hasRts ? -lp.Dual(m + s + q) : 0.0;
        return new DeaPointResult(DeaStatus.Optimal, beta, peers, lambdas, sMinus, sPlus, sBad, v, u, w, scaleWeight, lp.Iterations);
    }
}
