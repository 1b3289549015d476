using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Radial (Farrell) efficiency of the point (x₀, y₀) against this technology.
    /// Input: min θ s.t. Σλx ≤ θx₀, Σλy ≥ y₀; output: max φ s.t. Σλx ≤ x₀, Σλy ≥ φy₀; λ ≥ 0 plus the RTS row
    /// (Charnes, Cooper and Rhodes 1978; Banker, Charnes and Cooper 1984). With <paramref name="maxSlacks"/>, a second
    /// phase maximises the unweighted sum of slacks (data units) at fixed θ*/φ* (domain.md §4.3).
    /// With <paramref name="excludeUnit"/> ≥ 0 that reference unit is left out (Andersen-Petersen 1993
    /// super-efficiency), and the program may be infeasible.
    /// </summary>
    /// <returns>Value = θ (input) or φ (output); weights are the multiplier-form v, u (and u₀ in ScaleWeight).</returns>
    public DeaPointResult Radial(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReturnsToScale rts,
        DeaOrientation orientation, int excludeUnit = -1, bool maxSlacks = false)
    {
        if (orientation == DeaOrientation.NonOriented)
            throw new ArgumentException("Radial efficiency needs an input or output orientation.", nameof(orientation));
        int m = InputCount, s = OutputCount;
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        var units = ColumnUnits(rts, excludeUnit);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        var input = orientation == DeaOrientation.Input;
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = input ? 0.0 : p[i]; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = input ? p[m + r] : 0.0; }
        if (hasRts) { senses[m + s] = RtsSense(rts); rhs[m + s] = 1.0; }

        var lp = Builder;
        lp.Begin(senses, rhs, 1 + k);
        if (input) for (var i = 0; i < m; i++) lp.Set(i, 0, -p[i]);
        else for (var r = 0; r < s; r++) lp.Set(m + r, 0, -p[m + r]);
        lp.SetCost(0, input ? 1.0 : -1.0);
        FillLambdaColumns(lp, units, 1, m + s, hasRts ? m + s : -1, 1.0);
        var status = lp.Solve(SimplexOptions);
        var iterations = lp.Iterations;
        if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), iterations);

        var score = lp.Value(0);
        var v = new double[m];
        var u = new double[s];
        for (var i = 0; i < m; i++) v[i] = Math.Max(0.0, -lp.Dual(i)) / _scale[i];
        for (var r = 0; r < s; r++) u[r] = Math.Max(0.0, lp.Dual(m + r)) / _scale[m + r];
        var scaleWeight = hasRts ? (input ? lp.Dual(m + s) : -lp.Dual(m + s)) : 0.0;
        var sMinus = new double[m];
        var sPlus = new double[s];
        for (var i = 0; i < m; i++) sMinus[i] = lp.Slack(i);
        for (var r = 0; r < s; r++) sPlus[r] = lp.Slack(m + r);
        var (peers, lambdas) = CollectPeers(lp, units, 1, 1.0);

        if (maxSlacks)
        {
            // Phase two: same technology, radial factor fixed, maximise Σ s⁻ + Σ s⁺ in data units (Benchmarking's
            // SLACK=TRUE convention), i.e. minimise −Σ scale·s̃ in the scaled program.
            for (var i = 0; i < m; i++) rhs[i] = input ? score * p[i] : p[i];
            for (var r = 0; r < s; r++) rhs[m + r] = input ? p[m + r] : score * p[m + r];
            lp.Begin(senses, rhs, k);
            FillLambdaColumns(lp, units, 0, m + s, hasRts ? m + s : -1, 1.0);
            for (var i = 0; i < m; i++) lp.SetSlackCost(i, -_scale[i]);
            for (var r = 0; r < s; r++) lp.SetSlackCost(m + r, -_scale[m + r]);
            var phase2 = lp.Solve(SimplexOptions);
            iterations += lp.Iterations;
            if (phase2 == LpStatus.Optimal)
            {
                for (var i = 0; i < m; i++) sMinus[i] = lp.Slack(i);
                for (var r = 0; r < s; r++) sPlus[r] = lp.Slack(m + r);
                (peers, lambdas) = CollectPeers(lp, units, 0, 1.0);
            }
        }
        for (var i = 0; i < m; i++) sMinus[i] = Clean(sMinus[i]) * _scale[i];
        for (var r = 0; r < s; r++) sPlus[r] = Clean(sPlus[r]) * _scale[m + r];
        return new DeaPointResult(DeaStatus.Optimal, score, peers, lambdas, sMinus, sPlus, [], v, u, [], scaleWeight, iterations);
    }

    /// <summary>Writes λ columns for <paramref name="units"/> starting at structural column
    /// <paramref name="first"/>: rows 0..dataRows-1 take the unit's scaled data, row <paramref name="rtsRow"/> (if ≥ 0)
    /// takes <paramref name="rtsValue"/>.</summary>
    private void FillLambdaColumns(DenseLpBuilder lp, int[] units, int first, int dataRows, int rtsRow, double rtsValue)
    {
        for (var c = 0; c < units.Length; c++)
        {
            var o = units[c] * _width;
            for (var i = 0; i < dataRows; i++) lp.Set(i, first + c, _data[o + i]);
            if (rtsRow >= 0) lp.Set(rtsRow, first + c, rtsValue);
        }
    }
}
