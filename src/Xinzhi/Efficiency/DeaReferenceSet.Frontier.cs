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
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double tDominance = 0, tPrunes = 0;
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
        // LP test. The comparisons run four elite members at a time (see DominanceElite).
        var eliteSize = Math.Min(n, EliteCap > 0 ? EliteCap : Math.Clamp(n / 50, 256, 2048));
        var elite = new DominanceElite(this, eliteSize);
        for (var t = 0; t < n && elite.Count < eliteSize; t++)
            if (!elite.Dominates(order[t])) elite.Add(order[t]);
        var isElite = new bool[n];
        foreach (var e in elite.Members) isElite[e] = true;
        var dominatedFlag = new bool[n];
        // Elite members are mutually non-dominated (a later identical copy is never admitted), so each is kept.
        void CheckRange(int from, int to)
        {
            for (var t = from; t < to; t++) dominatedFlag[t] = !isElite[order[t]] && elite.Dominates(order[t]);
        }
        if (parallel && n >= 2048) Parallel.For(0, (n + 1023) / 1024, c => CheckRange(c * 1024, Math.Min(n, (c + 1) * 1024)));
        else CheckRange(0, n);
        var candidates = new List<int>(Math.Min(n, 4096));
        for (var t = 0; t < n; t++) if (!dominatedFlag[t]) candidates.Add(order[t]);
        order = candidates.ToArray();
        var nc = order.Length;
        LastScreeningCounts = (nc, 0);
        tDominance = clock.Elapsed.TotalSeconds;

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
            // A unit that a member of F dominates lies inside T(F) (θ ≤ 1 without an LP): the same verdict as the
            // LP test, at the cost of one vectorised pass over F with early exit.
            DominanceElite? frameDom = null;
            if (current.Length > 0)
            {
                frameDom = new DominanceElite(this, current.Length);
                foreach (var u in current) frameDom.Add(u);
            }
            void Test(int t)
            {
                var j = order[t];
                if (frameDom is not null && frameDom.Dominates(j)) { outside[j] = false; return; }
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
                var pruneStart = clock.Elapsed.TotalSeconds;
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
                tPrunes += clock.Elapsed.TotalSeconds - pruneStart;
            }
        }

        var tBatches = clock.Elapsed.TotalSeconds - tDominance - tPrunes;
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
        LastScreeningPhases = (tDominance, tBatches, tPrunes, clock.Elapsed.TotalSeconds - tDominance - tBatches - tPrunes);
        return result.Length;
    }

    /// <summary>Dominance elite size for experiments (0 = the default n/50 clamped to 256–2048; a larger elite
    /// removes more units before the LPs, but was not faster overall at n = 100,000, see docs/dea.md).</summary>
    internal static int EliteCap { get; set; }

    /// <summary>
    /// The dominance elite as a structure of arrays (variable v of member t at v·capacity + t; free slots hold +∞
    /// inputs and −∞ outputs, which dominate nothing), so that a unit is compared with four members per AVX2
    /// instruction.
    /// </summary>
    private sealed class DominanceElite
    {
        private readonly DeaReferenceSet _set;
        private readonly double[] _soa;
        private readonly int _capacity;
        private readonly List<int> _members;

        public DominanceElite(DeaReferenceSet set, int size)
        {
            _set = set;
            _capacity = (size + 3) & ~3;
            _soa = new double[(set.InputCount + set.OutputCount) * _capacity];
            for (var v = 0; v < set.InputCount + set.OutputCount; v++)
                _soa.AsSpan(v * _capacity, _capacity).Fill(v < set.InputCount ? double.PositiveInfinity : double.NegativeInfinity);
            _members = new List<int>(size);
        }

        public int Count => _members.Count;

        public IReadOnlyList<int> Members => _members;

        public void Add(int unit)
        {
            var t = _members.Count;
            var o = unit * _set._width;
            for (var v = 0; v < _set.InputCount + _set.OutputCount; v++) _soa[v * _capacity + t] = _set._data[o + v];
            _members.Add(unit);
        }

        /// <summary>True when some member (other than the unit itself, which callers never ask about) weakly
        /// dominates <paramref name="unit"/>: x_e ≤ x_j and y_e ≥ y_j in every variable.</summary>
        public bool Dominates(int unit)
        {
            int m = _set.InputCount, s = _set.OutputCount;
            var o = unit * _set._width;
            var data = _set._data;
            var count = _members.Count;
            if (!Vectorised || m == 0 || m + s > 16)
            {
                for (var t = 0; t < count; t++)
                {
                    var d = true;
                    for (var i = 0; i < m && d; i++) d = _soa[i * _capacity + t] <= data[o + i];
                    for (var r = 0; r < s && d; r++) d = _soa[(m + r) * _capacity + t] >= data[o + m + r];
                    if (d) return true;
                }
                return false;
            }
            Span<System.Runtime.Intrinsics.Vector256<double>> point = stackalloc System.Runtime.Intrinsics.Vector256<double>[m + s];
            for (var v = 0; v < m + s; v++) point[v] = System.Runtime.Intrinsics.Vector256.Create(data[o + v]);
            ref var soa = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_soa);
            var cap = _capacity;
            for (var t = 0; t < count; t += 4)
            {
                var all = System.Runtime.Intrinsics.Vector256.LessThanOrEqual(
                    System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref soa, (nuint)t), point[0]);
                for (var i = 1; i < m; i++)
                    all &= System.Runtime.Intrinsics.Vector256.LessThanOrEqual(
                        System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref soa, (nuint)(i * cap + t)), point[i]);
                for (var r = 0; r < s; r++)
                    all &= System.Runtime.Intrinsics.Vector256.GreaterThanOrEqual(
                        System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref soa, (nuint)((m + r) * cap + t)), point[m + r]);
                if (System.Runtime.Intrinsics.Vector256.ExtractMostSignificantBits(all) != 0) return true;
            }
            return false;
        }
    }

    /// <summary>Diagnostics of the last screening on any set: units left after the dominance filter, and units
    /// found outside the growing frame before pruning (benchmarks print them).</summary>
    internal static (int AfterDominance, int BeforePrune) LastScreeningCounts { get; private set; }

    /// <summary>Wall seconds of the phases of the last screening: dominance filter, membership-LP batches,
    /// intermediate prunes of the growing frame, final prune (benchmarks print them).</summary>
    internal static (double Dominance, double Batches, double Prunes, double FinalPrune) LastScreeningPhases { get; private set; }

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
