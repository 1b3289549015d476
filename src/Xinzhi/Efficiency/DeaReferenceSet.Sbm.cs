using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Slacks-based measure (Tone 2001), with bad outputs as in Tone (2003/2004) when the set has them:
    /// ρ = min [1 − (1/m) Σ s⁻ᵢ/xᵢ₀] / [1 + (1/(s+k)) (Σ s⁺ᵣ/yᵣ₀ + Σ sᵇ/b₀)] s.t. x₀ = Xλ + s⁻, y₀ = Yλ − s⁺,
    /// b₀ = Bλ + sᵇ, λ, s ≥ 0 (+ RTS), solved through the Charnes-Cooper transformation (domain.md §4.4).
    /// Input orientation keeps only the numerator, output orientation only the denominator (ρ = 1/(1 + …)).
    /// Terms whose data value is zero are dropped and the divisor reduced (docs/dea.md).
    /// </summary>
    /// <returns>Value = ρ ∈ (0, 1]; slacks in data units; λ over the reference set.</returns>
    public DeaPointResult Sbm(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> b0,
        ReturnsToScale rts, DeaOrientation orientation = DeaOrientation.NonOriented, int excludeUnit = -1)
    {
        if (orientation == DeaOrientation.Graph) throw new ArgumentException("SBM has no graph orientation.", nameof(orientation));
        int m = InputCount, s = OutputCount, q = BadOutputCount;
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, b0, p);
        var units = ColumnUnits(rts, excludeUnit, q == 0);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var (mEff, sEff) = PositiveTerms(p);
        var useInputs = orientation != DeaOrientation.Output && mEff > 0;
        var useOutputs = orientation != DeaOrientation.Input && sEff > 0;

        var lp = Builder;
        int iterations;
        double rho;
        var slacks = new double[m + s + q];
        int[] peers;
        double[] lambdas;
        if (orientation == DeaOrientation.NonOriented)
        {
            // Structural: t, Λ (k), S (m + s + q). Row 0: t + (1/s')ΣS⁺/y₀ = 1; data rows equalities; RTS: ΣΛ − t.
            var rows = 1 + m + s + q + (hasRts ? 1 : 0);
            Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
            Span<double> rhs = stackalloc double[rows];
            senses[0] = ConstraintSense.Equal; rhs[0] = 1.0;
            for (var c = 0; c < m + s + q; c++) { senses[1 + c] = ConstraintSense.Equal; rhs[1 + c] = 0.0; }
            if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 0.0; }
            var first = 1;
            var slack0 = 1 + k;
            lp.Begin(senses, rhs, 1 + k + m + s + q);
            lp.Set(0, 0, 1.0);
            lp.SetCost(0, 1.0);
            for (var c = 0; c < m + s + q; c++) lp.Set(1 + c, 0, -p[c]);
            if (hasRts) lp.Set(rows - 1, 0, -1.0);
            for (var c = 0; c < units.Length; c++)
            {
                var o = units[c] * _width;
                for (var d = 0; d < m + s + q; d++) lp.Set(1 + d, first + c, _data[o + d]);
                if (hasRts) lp.Set(rows - 1, first + c, 1.0);
            }
            for (var i = 0; i < m; i++)
            {
                lp.Set(1 + i, slack0 + i, 1.0);
                if (p[i] > 0 && useInputs) lp.SetCost(slack0 + i, -1.0 / (mEff * p[i]));
            }
            for (var c = m; c < m + s + q; c++)
            {
                var goods = c < m + s;
                lp.Set(1 + c, slack0 + c, goods ? -1.0 : 1.0);
                if (p[c] > 0 && useOutputs) lp.Set(0, slack0 + c, 1.0 / (sEff * p[c]));
            }
            var status = lp.Solve(SimplexOptions);
            iterations = lp.Iterations;
            if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), iterations);
            rho = lp.Objective;
            var t = lp.Value(0);
            if (!(t > 0)) return DeaPointResult.Failed(DeaStatus.NumericalFailure, iterations);
            for (var c = 0; c < m + s + q; c++) slacks[c] = lp.Value(slack0 + c) / t;
            (peers, lambdas) = CollectPeers(lp, units, first, t);
        }
        else
        {
            // Oriented: structural Λ only; the rows' own slacks are s⁻ (≤), s⁺ (≥), sᵇ (≤).
            var rows = m + s + q + (hasRts ? 1 : 0);
            Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
            Span<double> rhs = stackalloc double[rows];
            for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = p[i]; }
            for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r]; }
            for (var b = 0; b < q; b++) { senses[m + s + b] = ConstraintSense.LessOrEqual; rhs[m + s + b] = p[m + s + b]; }
            if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 1.0; }
            lp.Begin(senses, rhs, k);
            FillLambdaColumns(lp, units, 0, m + s + q, hasRts ? rows - 1 : -1, 1.0);
            if (orientation == DeaOrientation.Input)
            {
                for (var i = 0; i < m; i++) if (p[i] > 0) lp.SetSlackCost(i, -1.0 / (mEff * p[i]));
            }
            else
            {
                for (var c = m; c < m + s + q; c++) if (p[c] > 0) lp.SetSlackCost(c, -1.0 / (sEff * p[c]));
            }
            var status = lp.Solve(SimplexOptions);
            iterations = lp.Iterations;
            if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), iterations);
            var gain = -lp.Objective;
            rho = orientation == DeaOrientation.Input ? 1.0 - gain : 1.0 / (1.0 + gain);
            if (orientation == DeaOrientation.Input && mEff == 0) rho = 1.0;
            for (var c = 0; c < m + s + q; c++) slacks[c] = lp.Slack(c);
            (peers, lambdas) = CollectPeers(lp, units, 0, 1.0);
        }
        return SlacksResult(rho, slacks, peers, lambdas, iterations);
    }

    /// <summary>
    /// Super-SBM (Tone 2002) of the point against this set (normally with <paramref name="excludeUnit"/> = the
    /// point's own index): δ = min [(1/m) Σ x̄ᵢ/xᵢ₀] / [(1/s) Σ ȳᵣ/yᵣ₀] s.t. x̄ ≥ Σλx, ȳ ≤ Σλy, x̄ ≥ x₀,
    /// 0 ≤ ȳ ≤ y₀, λ ≥ 0 (+ RTS). Input orientation: δ = 1 + (1/m) Σ s⁻/x₀ with ȳ = y₀; output: δ = 1/(1 − (1/s)Σ s⁺/y₀)
    /// with x̄ = x₀. Meaningful for SBM-efficient points (δ ≥ 1); the caller decides what to report for others
    /// (oracles.md C13). VRS programs can be infeasible. A set with bad outputs needs the overload with b₀.
    /// </summary>
    public DeaPointResult SuperSbm(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReturnsToScale rts,
        DeaOrientation orientation = DeaOrientation.NonOriented, int excludeUnit = -1)
    {
        if (BadOutputCount > 0)
            throw new ArgumentException("This reference set has bad outputs: pass the point's bad outputs b₀ to SuperSbm.");
        return SuperSbm(x0, y0, default, rts, orientation, excludeUnit);
    }

    /// <summary>
    /// Super-SBM with undesirable outputs (Tone's "Super-SBM-Undesirable" of DEA-Solver; Tone 2002 extended with the
    /// bad-output slacks of Tone 2003/2004 as in Li, Fang, Yang, Wang and Hong 2013 and Gómez-Calvet et al. 2016):
    /// δ = min [1 + (1/m) Σ s⁻ᵢ/xᵢ₀] / [1 − (1/(s+k)) (Σ s⁺ᵣ/yᵣ₀ + Σ sᵇ/b₀)]
    /// s.t. Σλx − s⁻ ≤ x₀, Σλy + s⁺ ≥ y₀, Σλb − sᵇ ≤ b₀, s⁺ ≤ y₀ (ȳ ≥ 0), λ, s ≥ 0 (+ RTS), the denominator
    /// positive; i.e. the point is moved to (x₀ + s⁻, y₀ − s⁺, b₀ + sᵇ) inside the technology spanned by the set
    /// (bads with a slack, as in <see cref="Sbm"/>), every worsening penalised. Input orientation: δ = 1 + (1/m)Σs⁻/x₀
    /// with y and b held at y₀, b₀; output: δ = 1/(1 − (1/(s+k))(Σs⁺/y₀ + Σsᵇ/b₀)) with x = x₀.
    /// Solved through the Charnes-Cooper transformation (non-oriented) or directly (oriented). Zero data terms are
    /// dropped and the divisor reduced, as in <see cref="Sbm"/>. Without bads this is Tone (2002) exactly.
    /// The non-oriented CRS program is always feasible; VRS and oriented programs can be infeasible.
    /// </summary>
    /// <returns>Value = δ ≥ 1 (1 for a point inside the technology); slacks s⁻, s⁺, sᵇ in data units.</returns>
    public DeaPointResult SuperSbm(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> b0,
        ReturnsToScale rts, DeaOrientation orientation = DeaOrientation.NonOriented, int excludeUnit = -1)
    {
        if (orientation == DeaOrientation.Graph) throw new ArgumentException("Super-SBM has no graph orientation.", nameof(orientation));
        int m = InputCount, s = OutputCount, q = BadOutputCount;
        Span<double> p = stackalloc double[_width];
        ScalePoint(x0, y0, b0, p);
        // The frame is identified on (x, y) only, so it is valid only without bad outputs.
        var units = ColumnUnits(rts, excludeUnit, q == 0);
        var k = units.Length;
        var hasRts = rts != ReturnsToScale.Constant;
        var (mEff, sEff) = PositiveTerms(p);
        var lp = Builder;
        var slacks = new double[m + s + q];
        double delta;
        int[] peers;
        double[] lambdas;
        if (orientation == DeaOrientation.NonOriented)
        {
            // Structural t, Λ (k), S⁻ (m), S⁺ (s), Sᵇ (q). Row 0: t − (1/s')(ΣS⁺/y₀ + ΣSᵇ/b₀) = 1; inputs
            // ΣΛx − S⁻ − t x₀ ≤ 0; outputs ΣΛy + S⁺ − t y₀ ≥ 0; bounds S⁺ − t y₀ ≤ 0; bads ΣΛb − Sᵇ − t b₀ ≤ 0;
            // RTS ΣΛ − t (=, ≤, ≥ 0).
            var rows = 1 + m + s + s + q + (hasRts ? 1 : 0);
            Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
            Span<double> rhs = stackalloc double[rows];
            senses[0] = ConstraintSense.Equal; rhs[0] = 1.0;
            for (var i = 0; i < m; i++) { senses[1 + i] = ConstraintSense.LessOrEqual; rhs[1 + i] = 0; }
            for (var r = 0; r < s; r++) { senses[1 + m + r] = ConstraintSense.GreaterOrEqual; rhs[1 + m + r] = 0; }
            for (var r = 0; r < s; r++) { senses[1 + m + s + r] = ConstraintSense.LessOrEqual; rhs[1 + m + s + r] = 0; }
            var bad0 = 1 + m + 2 * s;
            for (var b = 0; b < q; b++) { senses[bad0 + b] = ConstraintSense.LessOrEqual; rhs[bad0 + b] = 0; }
            if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 0.0; }
            var slack0 = 1 + k;
            lp.Begin(senses, rhs, 1 + k + m + s + q);
            lp.Set(0, 0, 1.0);
            lp.SetCost(0, 1.0);
            for (var i = 0; i < m; i++) lp.Set(1 + i, 0, -p[i]);
            for (var r = 0; r < s; r++) { lp.Set(1 + m + r, 0, -p[m + r]); lp.Set(1 + m + s + r, 0, -p[m + r]); }
            for (var b = 0; b < q; b++) lp.Set(bad0 + b, 0, -p[m + s + b]);
            if (hasRts) lp.Set(rows - 1, 0, -1.0);
            for (var c = 0; c < k; c++)
            {
                var o = units[c] * _width;
                for (var d = 0; d < m + s; d++) lp.Set(1 + d, 1 + c, _data[o + d]);
                for (var b = 0; b < q; b++) lp.Set(bad0 + b, 1 + c, _data[o + m + s + b]);
                if (hasRts) lp.Set(rows - 1, 1 + c, 1.0);
            }
            for (var i = 0; i < m; i++)
            {
                lp.Set(1 + i, slack0 + i, -1.0);
                if (p[i] > 0) lp.SetCost(slack0 + i, 1.0 / (mEff * p[i]));
            }
            for (var r = 0; r < s; r++)
            {
                lp.Set(1 + m + r, slack0 + m + r, 1.0);
                lp.Set(1 + m + s + r, slack0 + m + r, 1.0);
                if (p[m + r] > 0) lp.Set(0, slack0 + m + r, -1.0 / (sEff * p[m + r]));
            }
            for (var b = 0; b < q; b++)
            {
                lp.Set(bad0 + b, slack0 + m + s + b, -1.0);
                if (p[m + s + b] > 0) lp.Set(0, slack0 + m + s + b, -1.0 / (sEff * p[m + s + b]));
            }
            var status = lp.Solve(SimplexOptions);
            if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), lp.Iterations);
            delta = lp.Objective;
            var t = lp.Value(0);
            if (!(t > 0)) return DeaPointResult.Failed(DeaStatus.NumericalFailure, lp.Iterations);
            for (var c = 0; c < m + s + q; c++) slacks[c] = lp.Value(slack0 + c) / t;
            (peers, lambdas) = CollectPeers(lp, units, 1, t);
        }
        else
        {
            var input = orientation == DeaOrientation.Input;
            // Structural Λ (k) and the expansion/shrink variables e (m for input; s + q for output). Rows: inputs,
            // outputs, bads, then (output) the bounds e⁺ ≤ y₀, then RTS.
            var extra = input ? m : s + q;
            var bound0 = m + s + q;
            var rows = m + s + q + (input ? 0 : s) + (hasRts ? 1 : 0);
            Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
            Span<double> rhs = stackalloc double[rows];
            for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = p[i]; }
            for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r]; }
            for (var b = 0; b < q; b++) { senses[m + s + b] = ConstraintSense.LessOrEqual; rhs[m + s + b] = p[m + s + b]; }
            if (!input) for (var r = 0; r < s; r++) { senses[bound0 + r] = ConstraintSense.LessOrEqual; rhs[bound0 + r] = p[m + r]; }
            if (hasRts) { senses[rows - 1] = RtsSense(rts); rhs[rows - 1] = 1.0; }
            lp.Begin(senses, rhs, k + extra);
            FillLambdaColumns(lp, units, 0, m + s + q, hasRts ? rows - 1 : -1, 1.0);
            if (input)
            {
                for (var i = 0; i < m; i++)
                {
                    lp.Set(i, k + i, -1.0);
                    if (p[i] > 0) lp.SetCost(k + i, 1.0 / (mEff * p[i]));
                }
            }
            else
            {
                for (var r = 0; r < s; r++)
                {
                    lp.Set(m + r, k + r, 1.0);
                    lp.Set(bound0 + r, k + r, 1.0);
                    if (p[m + r] > 0) lp.SetCost(k + r, 1.0 / (sEff * p[m + r]));
                }
                for (var b = 0; b < q; b++)
                {
                    lp.Set(m + s + b, k + s + b, -1.0);
                    if (p[m + s + b] > 0) lp.SetCost(k + s + b, 1.0 / (sEff * p[m + s + b]));
                }
            }
            var status = lp.Solve(SimplexOptions);
            if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), lp.Iterations);
            // Output orientation: a worsening of (1/(s+k))Σ ≥ 1 leaves no positive denominator, i.e. no admissible
            // projection (possible only with bads, whose slacks are unbounded): report the program as infeasible.
            if (!input && lp.Objective >= 1.0 - 1e-12) return DeaPointResult.Failed(DeaStatus.Infeasible, lp.Iterations);
            delta = input ? 1.0 + lp.Objective : 1.0 / (1.0 - lp.Objective);
            if (input) for (var i = 0; i < m; i++) slacks[i] = lp.Value(k + i);
            else for (var c = 0; c < s + q; c++) slacks[m + c] = lp.Value(k + c);
            (peers, lambdas) = CollectPeers(lp, units, 0, 1.0);
        }
        return SlacksResult(delta, slacks, peers, lambdas, lp.Iterations);
    }

    /// <summary>Numbers of positive data terms of a scaled point: inputs, and good plus bad outputs (the SBM
    /// divisors m and s + k once zero terms are dropped).</summary>
    private (int Inputs, int Outputs) PositiveTerms(ReadOnlySpan<double> p)
    {
        int m = InputCount, width = InputCount + OutputCount + BadOutputCount;
        int inputs = 0, outputs = 0;
        for (var c = 0; c < m; c++) if (p[c] > 0) inputs++;
        for (var c = m; c < width; c++) if (p[c] > 0) outputs++;
        return (inputs, outputs);
    }

    /// <summary>An optimal SBM-family result: slacks (scaled, laid out s⁻ | s⁺ | sᵇ) cleaned and returned in data units.</summary>
    private DeaPointResult SlacksResult(double value, double[] slacks, int[] peers, double[] lambdas, int iterations)
    {
        int m = InputCount, s = OutputCount, q = BadOutputCount;
        var sMinus = new double[m];
        var sPlus = new double[s];
        var sBad = new double[q];
        for (var i = 0; i < m; i++) sMinus[i] = Clean(slacks[i]) * _scale[i];
        for (var r = 0; r < s; r++) sPlus[r] = Clean(slacks[m + r]) * _scale[m + r];
        for (var b = 0; b < q; b++) sBad[b] = Clean(slacks[m + s + b]) * _scale[m + s + b];
        return new DeaPointResult(DeaStatus.Optimal, value, peers, lambdas, sMinus, sPlus, sBad, [], [], [], 0.0, iterations);
    }
}
