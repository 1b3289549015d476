using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// Identifies a subset F of reference units that spans the same technology as all units (it contains every
    /// extreme efficient unit, the "frame"), and makes every later evaluation under <paramref name="rts"/> use F's
    /// columns only. Exact: scores do not change; only the LPs shrink. Returns |F|.
    /// </summary>
    /// <remarks>
    /// In the spirit of BuildHull (Dulá 2011; Koronakos, Dulá and Despotis 2024): units are visited in batches in
    /// decreasing order of a crude productivity ratio; a unit inside the technology spanned by the current F
    /// (radial input score ≤ 1 against F) is dropped for good, because T(F) ⊆ T(all) and then the unit adds nothing;
    /// a unit outside (score &gt; 1 or infeasible) is added. At the end units strictly inefficient against F are
    /// removed: an extreme point of the technology always has score 1, so none is lost. Batches are tested in
    /// parallel. Models whose technology differs from the free-disposal hull (weak disposability of bad outputs)
    /// must not use the frame; they ignore it.
    /// </remarks>
    public int PrepareFrontier(ReturnsToScale rts, bool parallel = true)
    {
        if (_frames[(int)rts] is { } ready) return ready.Length;
        var n = UnitCount;
        int m = InputCount, s = OutputCount;
        var order = new int[n];
        var key = new double[n];
        for (var j = 0; j < n; j++)
        {
            order[j] = j;
            double sx = 0, sy = 0;
            for (var i = 0; i < m; i++) sx += _data[j * _width + i];
            for (var r = 0; r < s; r++) sy += _data[j * _width + m + r];
            key[j] = -(sy + 1e-12) / (sx + 1e-12);
        }
        Array.Sort(key, order);

        var frame = new List<int>();
        var inFrame = new bool[n];
        var start = 0;
        var batch = Math.Min(n, Math.Max(8, m + s + 2));
        var outside = new bool[n];
        while (start < n)
        {
            var end = Math.Min(n, start + batch);
            var current = frame.ToArray();
            Array.Sort(current);
            void Test(int t)
            {
                var j = order[t];
                var (st, theta) = MembershipScore(j, current, rts);
                outside[j] = st != LpStatus.Optimal || theta > 1.0 + 1e-10;
            }
            if (parallel && end - start >= 64) Parallel.For(start, end, Test);
            else for (var t = start; t < end; t++) Test(t);
            for (var t = start; t < end; t++)
            {
                var j = order[t];
                if (outside[j] && !inFrame[j]) { inFrame[j] = true; frame.Add(j); }
            }
            start = end;
            batch = Math.Min(4096, batch * 2);
        }

        var candidates = frame.ToArray();
        Array.Sort(candidates);
        var keep = new bool[candidates.Length];
        void Prune(int c)
        {
            var (st, theta) = MembershipScore(candidates[c], candidates, rts);
            keep[c] = st != LpStatus.Optimal || theta >= 1.0 - 1e-9;
        }
        if (parallel && candidates.Length >= 64) Parallel.For(0, candidates.Length, Prune);
        else for (var c = 0; c < candidates.Length; c++) Prune(c);
        var final = new List<int>(candidates.Length);
        for (var c = 0; c < candidates.Length; c++) if (keep[c]) final.Add(candidates[c]);
        var result = final.ToArray();
        _frames[(int)rts] = result;
        return result.Length;
    }

    /// <summary>The prepared frame for <paramref name="rts"/> (ascending unit indices), or null.</summary>
    public IReadOnlyList<int>? Frontier(ReturnsToScale rts) => _frames[(int)rts];

    /// <summary>Radial input score of reference unit j against the given units (no duals, no slacks).</summary>
    private (LpStatus Status, double Theta) MembershipScore(int j, int[] units, ReturnsToScale rts)
    {
        int m = InputCount, s = OutputCount;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = m + s + (hasRts ? 1 : 0);
        Span<ConstraintSense> senses = stackalloc ConstraintSense[rows];
        Span<double> rhs = stackalloc double[rows];
        var o = j * _width;
        for (var i = 0; i < m; i++) { senses[i] = ConstraintSense.LessOrEqual; rhs[i] = 0.0; }
        for (var r = 0; r < s; r++) { senses[m + r] = ConstraintSense.GreaterOrEqual; rhs[m + r] = _data[o + m + r]; }
        if (hasRts) { senses[m + s] = RtsSense(rts); rhs[m + s] = 1.0; }
        var lp = Builder;
        lp.Begin(senses, rhs, 1 + units.Length);
        for (var i = 0; i < m; i++) lp.Set(i, 0, -_data[o + i]);
        lp.SetCost(0, 1.0);
        FillLambdaColumns(lp, units, 1, m + s, hasRts ? m + s : -1, 1.0);
        var status = lp.Solve(SimplexOptions);
        return (status, status == LpStatus.Optimal ? lp.Value(0) : double.NaN);
    }
}
