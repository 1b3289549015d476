using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

/// <summary>Cost or revenue efficiency of one unit (Färe, Grosskopf and Lovell 1985; Coelli et al. 1998 ch. 7).</summary>
/// <param name="OptimalQuantities">Cost-minimising inputs x* (cost) or revenue-maximising outputs y* (revenue);
/// may be non-unique.</param>
/// <param name="OptimalValue">w·x* (minimum cost) or p·y* (maximum revenue).</param>
/// <param name="ObservedValue">w·x₀ or p·y₀.</param>
/// <param name="Efficiency">Cost efficiency w·x*/w·x₀, or revenue efficiency p·y₀/p·y*.</param>
/// <param name="TechnicalEfficiency">Farrell θ (cost) or 1/φ (revenue) of the same technology.</param>
/// <param name="AllocativeEfficiency">Efficiency / TechnicalEfficiency.</param>
public sealed record PriceEfficiencyResult(
    DeaStatus Status,
    double[] OptimalQuantities,
    double OptimalValue,
    double ObservedValue,
    double Efficiency,
    double TechnicalEfficiency,
    double AllocativeEfficiency);

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Additive model (Charnes, Cooper, Golany, Seiford and Stutz 1985): max Σs⁻ + Σs⁺ (data units, unweighted,
    /// as Benchmarking's <c>dea.add</c>; not units-invariant) s.t. Xλ + s⁻ = x₀, Yλ − s⁺ = y₀, λ ≥ 0 (+ RTS).
    /// </summary>
    /// <returns>Value = the optimal slack sum (0 ⇔ Pareto-Koopmans efficient).</returns>
    public DeaPointResult Additive(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReturnsToScale rts, int excludeUnit = -1)
    {
        int m = InputCount, s = OutputCount;
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        var units = ColumnUnits(rts, excludeUnit);
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = p[i]; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r]; }
        if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 1.0; }
        var lp = Builder;
        lp.Begin(senses, rhs, units.Length);
        FillLambdaColumns(lp, units, 0, m + s, hasRts ? rows - 1 : -1, 1.0);
        for (var c = 0; c < m + s; c++) lp.SetSlackCost(c, -_scale[c]);
        var status = lp.Solve(SimplexOptions);
        if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), lp.Iterations);
        var sMinus = new double[m];
        var sPlus = new double[s];
        var sum = 0.0;
        for (var i = 0; i < m; i++) { sMinus[i] = Clean(lp.Slack(i)) * _scale[i]; sum += sMinus[i]; }
        for (var r = 0; r < s; r++) { sPlus[r] = Clean(lp.Slack(m + r)) * _scale[m + r]; sum += sPlus[r]; }
        var v = new double[m];
        var u = new double[s];
        for (var i = 0; i < m; i++) v[i] = Math.Max(0.0, -lp.Dual(i)) / _scale[i];
        for (var r = 0; r < s; r++) u[r] = Math.Max(0.0, lp.Dual(m + r)) / _scale[m + r];
        var (peers, lambdas) = CollectPeers(lp, units, 0, 1.0);
        return new DeaPointResult(DeaStatus.Optimal, sum, peers, lambdas, sMinus, sPlus, [], v, u, [], hasRts ? -lp.Dual(rows - 1) : 0.0, lp.Iterations);
    }

    /// <summary>
    /// Cost efficiency: min w·x s.t. Xλ ≤ x, Yλ ≥ y₀, λ ≥ 0 (+ RTS); CE = w·x*/w·x₀, TE = radial input θ, AE = CE/TE
    /// (domain.md §4.3; Benchmarking <c>cost.opt</c>).
    /// </summary>
    public PriceEfficiencyResult CostEfficiency(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> inputPrices, ReturnsToScale rts)
    {
        int m = InputCount, s = OutputCount;
        if (inputPrices.Length != m) throw new ArgumentException($"{inputPrices.Length} prices for {m} inputs.", nameof(inputPrices));
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        var units = ColumnUnits(rts, -1);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = 0.0; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r]; }
        if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 1.0; }
        var lp = Builder;
        lp.Begin(senses, rhs, k + m);
        FillLambdaColumns(lp, units, 0, m + s, hasRts ? rows - 1 : -1, 1.0);
        for (var i = 0; i < m; i++) { lp.Set(i, k + i, -1.0); lp.SetCost(k + i, inputPrices[i] * _scale[i]); }
        var status = lp.Solve(SimplexOptions);
        if (status != LpStatus.Optimal) return new PriceEfficiencyResult(Map(status), [], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var xopt = new double[m];
        var minCost = 0.0;
        var observed = 0.0;
        for (var i = 0; i < m; i++)
        {
            xopt[i] = lp.Value(k + i) * _scale[i];
            minCost += inputPrices[i] * xopt[i];
            observed += inputPrices[i] * x0[i];
        }
        var te = Radial(x0, y0, rts, DeaOrientation.Input).Value;
        var ce = minCost / observed;
        return new PriceEfficiencyResult(DeaStatus.Optimal, xopt, minCost, observed, ce, te, ce / te);
    }

    /// <summary>
    /// Revenue efficiency: max p·y s.t. Xλ ≤ x₀, Yλ ≥ y, λ ≥ 0 (+ RTS); RE = p·y₀/p·y*, TE = 1/φ, AE = RE/TE.
    /// </summary>
    public PriceEfficiencyResult RevenueEfficiency(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> outputPrices, ReturnsToScale rts)
    {
        int m = InputCount, s = OutputCount;
        if (outputPrices.Length != s) throw new ArgumentException($"{outputPrices.Length} prices for {s} outputs.", nameof(outputPrices));
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        var units = ColumnUnits(rts, -1);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = p[i]; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = 0.0; }
        if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 1.0; }
        var lp = Builder;
        lp.Begin(senses, rhs, k + s);
        FillLambdaColumns(lp, units, 0, m + s, hasRts ? rows - 1 : -1, 1.0);
        for (var r = 0; r < s; r++) { lp.Set(m + r, k + r, -1.0); lp.SetCost(k + r, -outputPrices[r] * _scale[m + r]); }
        var status = lp.Solve(SimplexOptions);
        if (status != LpStatus.Optimal) return new PriceEfficiencyResult(Map(status), [], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var yopt = new double[s];
        var maxRevenue = 0.0;
        var observed = 0.0;
        for (var r = 0; r < s; r++)
        {
            yopt[r] = lp.Value(k + r) * _scale[m + r];
            maxRevenue += outputPrices[r] * yopt[r];
            observed += outputPrices[r] * y0[r];
        }
        var te = 1.0 / Radial(x0, y0, rts, DeaOrientation.Output).Value;
        var re = observed / maxRevenue;
        return new PriceEfficiencyResult(DeaStatus.Optimal, yopt, maxRevenue, observed, re, te, re / te);
    }

    /// <summary>
    /// Free disposal hull (Deprins, Simar and Tulkens 1984) by enumeration (no LP): input θ = min over units j with
    /// y_j ≥ y₀ of maxᵢ x_ij/x_i0; output φ = max over j with x_j ≤ x₀ of minᵣ y_rj/y_r0. Value = θ or φ; the peer is
    /// the dominating unit; infeasible when no unit dominates (only possible with <paramref name="excludeUnit"/>).
    /// </summary>
    public DeaPointResult FreeDisposalHull(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, DeaOrientation orientation, int excludeUnit = -1)
    {
        int m = InputCount, s = OutputCount;
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        if (orientation == DeaOrientation.Graph) throw new ArgumentException("FDH has no graph orientation here.", nameof(orientation));
        var input = orientation != DeaOrientation.Output;
        var best = input ? double.PositiveInfinity : double.NegativeInfinity;
        var arg = -1;
        for (var j = 0; j < UnitCount; j++)
        {
            if (j == excludeUnit) continue;
            var o = j * _width;
            var ok = true;
            double ratio;
            if (input)
            {
                for (var r = 0; r < s && ok; r++) ok = _data[o + m + r] >= p[m + r];
                if (!ok) continue;
                ratio = 0.0;
                for (var i = 0; i < m; i++)
                {
                    var q = p[i] > 0 ? _data[o + i] / p[i] : (_data[o + i] > 0 ? double.PositiveInfinity : 0.0);
                    if (q > ratio) ratio = q;
                }
                if (ratio < best) { best = ratio; arg = j; }
            }
            else
            {
                for (var i = 0; i < m && ok; i++) ok = _data[o + i] <= p[i];
                if (!ok) continue;
                ratio = double.PositiveInfinity;
                for (var r = 0; r < s; r++)
                {
                    var q = p[m + r] > 0 ? _data[o + m + r] / p[m + r] : double.PositiveInfinity;
                    if (q < ratio) ratio = q;
                }
                if (ratio > best) { best = ratio; arg = j; }
            }
        }
        if (arg < 0 || double.IsInfinity(best)) return DeaPointResult.Failed(arg < 0 ? DeaStatus.Infeasible : DeaStatus.Unbounded, 0);
        var sMinus = new double[m];
        var sPlus = new double[s];
        var ao = arg * _width;
        for (var i = 0; i < m; i++) sMinus[i] = Clean((input ? best * p[i] : p[i]) - _data[ao + i]) * _scale[i];
        for (var r = 0; r < s; r++) sPlus[r] = Clean(_data[ao + m + r] - (input ? p[m + r] : best * p[m + r])) * _scale[m + r];
        return new DeaPointResult(DeaStatus.Optimal, best, [arg], [1.0], sMinus, sPlus, [], [], [], [], 0.0, 0);
    }
}
