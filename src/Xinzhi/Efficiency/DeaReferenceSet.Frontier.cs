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
        // Visit order: a crude productivity key (Σy − Σx in scaled units; Σy/Σx under CRS). If a dominates b then
        // key(a) ≥ key(b), so a dominating unit is always visited first.
        var order = new int[n];
        var key = new double[n];
        for (var j = 0; j < n; j++)
        {
            order[j] = j;
            double sx = 0, sy = 0;
            for (var i = 0; i < m; i++) sx += _data[j * _width + i];
            for (var r = 0; r < s; r++) sy += _data[j * _width + m + r];
            key[j] = rts == ReturnsToScale.Constant ? -(sy + 1e-300) / (sx + 1e-300) : -(sy - sx);
        }
        Array.Sort(key, order);

        // Dominance filter (no LP): a unit weakly dominated by another (x' ≤ x, y' ≥ y) lies in the technology of
        // the others under every RTS, so it is never needed. It is checked against an "elite" of the first n/50 (256-2048)
        // mutually non-dominated units in key order (which dominate most others), in parallel; survivors go to the
        // LP test.
        var eliteSize = Math.Clamp(n / 50, 256, 2048);
        var elite = new List<int>(eliteSize);
        bool DominatedBy(List<int> list, int j)
        {
            var oj = j * _width;
            foreach (var u in list)
            {
                if (u == j) continue;
                var ou = u * _width;
                var d = true;
                for (var i = 0; i < m && d; i++) d = _data[ou + i] <= _data[oj + i];
                for (var r = 0; r < s && d; r++) d = _data[ou + m + r] >= _data[oj + m + r];
                if (d) return true;
            }
            return false;
        }
        for (var t = 0; t < n && elite.Count < eliteSize; t++)
            if (!DominatedBy(elite, order[t])) elite.Add(order[t]);
        var isElite = new bool[n];
        foreach (var e in elite) isElite[e] = true;
        var dominatedFlag = new bool[n];
        void CheckDominance(int t)
        {
            var j = order[t];
            // Elite members are mutually non-dominated (a later identical copy is never admitted), so each is kept.
            dominatedFlag[t] = !isElite[j] && DominatedBy(elite, j);
        }
        if (parallel && n >= 2048) Parallel.For(0, n, CheckDominance);
        else for (var t = 0; t < n; t++) CheckDominance(t);
        var candidates = new List<int>(Math.Min(n, 4096));
        for (var t = 0; t < n; t++) if (!dominatedFlag[t]) candidates.Add(order[t]);
        order = candidates.ToArray();
        var nc = order.Length;
        LastScreeningCounts = (nc, 0);

        var frame = new List<int>();
        var inFrame = new bool[n];
        var start = 0;
        var batch = Math.Min(nc, Math.Max(8, m + s + 2));
        var outside = new bool[n];
        var lastPrune = 0;
        while (start < nc)
        {
            var end = Math.Min(nc, start + batch);
            var current = frame.ToArray();
            Array.Sort(current);
            void Test(int t)
            {
                var j = order[t];
                var (st, theta) = MembershipScore(j, current, rts, 1.0 + 1e-10);
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
            if (frame.Count > 256 && frame.Count > 2 * lastPrune)
            {
                // Keep F small while it grows: drop members strictly inefficient against F (T(F) is unchanged).
                var snapshot = frame.ToArray();
                Array.Sort(snapshot);
                var keepNow = new bool[snapshot.Length];
                void PruneNow(int c)
                {
                    var (st, theta) = MembershipScore(snapshot[c], snapshot, rts, 1.0 - 2e-9);
                    keepNow[c] = st != LpStatus.Optimal || theta >= 1.0 - 1e-9;
                }
                if (parallel) Parallel.For(0, snapshot.Length, PruneNow);
                else for (var c = 0; c < snapshot.Length; c++) PruneNow(c);
                frame.Clear();
                for (var c = 0; c < snapshot.Length; c++) if (keepNow[c]) frame.Add(snapshot[c]);
                lastPrune = frame.Count;
            }
        }

        var found = frame.ToArray();
        LastScreeningCounts = (nc, found.Length);
        Array.Sort(found);
        var keep = new bool[found.Length];
        void Prune(int c)
        {
            var (st, theta) = MembershipScore(found[c], found, rts, 1.0 - 2e-9);
            keep[c] = st != LpStatus.Optimal || theta >= 1.0 - 1e-9;
        }
        if (parallel && found.Length >= 64) Parallel.For(0, found.Length, Prune);
        else for (var c = 0; c < found.Length; c++) Prune(c);
        var final = new List<int>(found.Length);
        for (var c = 0; c < found.Length; c++) if (keep[c]) final.Add(found[c]);
        var result = final.ToArray();
        _frames[(int)rts] = result;
        return result.Length;
    }

    /// <summary>Diagnostics of the last screening on any set: units left after the dominance filter, and units
    /// found outside the growing frame before pruning (benchmarks print them).</summary>
    internal static (int AfterDominance, int BeforePrune) LastScreeningCounts { get; private set; }

    /// <summary>The prepared frame for <paramref name="rts"/> (ascending unit indices), or null.</summary>
    public IReadOnlyList<int>? Frontier(ReturnsToScale rts) => _frames[(int)rts];

    /// <summary>Radial input score of reference unit j against the given units (no duals, no slacks); the solve
    /// stops early once θ ≤ <paramref name="stopAtOrBelow"/> is proven (the value is then an upper bound).</summary>
    private (LpStatus Status, double Theta) MembershipScore(int j, int[] units, ReturnsToScale rts, double stopAtOrBelow)
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
        var point = _data.AsSpan(o, _width);
        if (units.Length > ColumnGenerationThreshold)
        {
            // Column generation; a restricted solution with θ ≤ stop already proves membership (it is feasible for
            // the full program), so most units need a single small solve and no pricing pass.
            var working = InitialWorkingSet(point, units, true);
            Span<int> encoded = stackalloc int[rows];
            var haveEncoded = false;
            for (var round = 0; round < 50; round++)
            {
                var st = SolveRadialProgram(lp, senses, rhs, point, working, rts, true, false, stopAtOrBelow, haveEncoded ? encoded : default);
                if (st != LpStatus.Optimal) break;
                haveEncoded = !lp.Kernel.EarlyStopped && EncodeBasis(lp, working, encoded);
                if (lp.Kernel.EarlyStopped || lp.Value(0) <= stopAtOrBelow) return (st, lp.Value(0));
                var more = PriceOutColumns(lp, point, working, units, rts, true);
                if (more is null) return (st, lp.Value(0));
                working = more;
            }
        }
        var status = SolveRadialProgram(lp, senses, rhs, point, units, rts, true, false, stopAtOrBelow);
        return (status, status == LpStatus.Optimal ? lp.Value(0) : double.NaN);
    }
}
