using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Hyperbolic graph efficiency (Färe, Grosskopf and Lovell 1985): min G s.t. Σλx ≤ G x₀, Σλy ≥ y₀/G (+ RTS).
    /// Under CRS G = √θ exactly; otherwise the problem is non-linear and is solved by bisection on LP feasibility
    /// to 1e-11 relative (oracles.md C7). Infeasible when no G ∈ (0, 1e6] works.
    /// Peers: under CRS the input-radial λ divided by √θ (feasible for G = √θ); otherwise the λ of the feasibility
    /// program at the returned G (a G within 1e-11 of the optimum, so λ is a near-optimal, not a unique, choice).
    /// </summary>
    public DeaPointResult Graph(ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReturnsToScale rts, int excludeUnit = -1)
    {
        var radial = Radial(x0, y0, ReturnsToScale.Constant, DeaOrientation.Input, excludeUnit);
        if (rts == ReturnsToScale.Constant)
        {
            if (!radial.IsOptimal) return radial;
            // λ/√θ satisfies Σλx ≤ θ/√θ x₀ = G x₀ and Σλy ≥ y₀/G: the peers of G, with their own intensities.
            var g = Math.Sqrt(radial.Value);
            var scaled = new double[radial.PeerLambdas.Length];
            for (var c = 0; c < scaled.Length; c++) scaled[c] = radial.PeerLambdas[c] / g;
            return radial with { Value = g, PeerLambdas = scaled, InputSlacks = [], OutputSlacks = [], InputWeights = [], OutputWeights = [], ScaleWeight = 0.0 };
        }
        int m = InputCount, s = OutputCount;
        var p = new double[_width];
        ScalePoint(x0, y0, BadOutputCount == 0 ? default : new double[BadOutputCount], p);
        var units = ColumnUnits(rts, excludeUnit);
        var iterations = 0;
        int[] peers = [];
        double[] lambdas = [];
        bool Feasible(double g)
        {
            var rows = m + s + 1;
            Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
            Span<double> rhs = stackalloc double[rows];
            for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = g * p[i]; }
            for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = p[m + r] / g; }
            senses[m + s] = RtsSense(rts);
            rhs[m + s] = 1.0;
            var lp = Builder;
            lp.Begin(senses, rhs, units.Length);
            FillLambdaColumns(lp, units, 0, m + s, m + s, 1.0);
            var st = lp.Solve(SimplexOptions);
            iterations += lp.Iterations;
            // Every feasible call is followed by hi = g, so the last peers found belong to the returned G.
            if (st == LpStatus.Optimal) (peers, lambdas) = CollectPeers(lp, units, 0, 1.0);
            return st == LpStatus.Optimal;
        }
        // G_VRS ≥ G_CRS = √θ_CRS (the CRS technology contains the others), which brackets the bisection from below.
        double hi = 1.0, lo = radial.IsOptimal ? Math.Sqrt(radial.Value) * (1 - 1e-12) : 0.5;
        if (!Feasible(hi))
        {
            // Only possible when the point is outside the technology (excluded unit, other period): expand.
            var k = 0;
            while (!Feasible(hi) && k++ < 40) hi *= 2;
            if (k > 40) return DeaPointResult.Failed(DeaStatus.Infeasible, iterations);
            lo = hi / 2;
        }
        var guard = 0;
        while (lo > 0 && Feasible(lo) && guard++ < 60) { hi = lo; lo /= 2; }
        for (var it = 0; it < 100 && hi - lo > 1e-11 * hi; it++)
        {
            var mid = 0.5 * (lo + hi);
            if (Feasible(mid)) hi = mid; else lo = mid;
        }
        return DeaPointResult.Failed(DeaStatus.Optimal, iterations) with { Value = hi, Peers = peers, PeerLambdas = lambdas };
    }
}
