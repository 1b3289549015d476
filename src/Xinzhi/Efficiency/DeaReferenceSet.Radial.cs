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
        if (orientation is DeaOrientation.NonOriented or DeaOrientation.Graph)
            throw new ArgumentException("Radial efficiency needs an input or output orientation (graph: use Graph).", nameof(orientation));
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
        LpStatus status;
        var iterations = 0;
        var fullUnits = units;
        if (units.Length > ColumnGenerationThreshold)
        {
            // Column generation over the λ columns: solve against a small working subset (the previous similar
            // unit's subset, or the units with the best single-unit radial ratios), then price every other unit
            // with the duals and add those with negative reduced cost, until none is left. Exact: the final basis
            // is optimal for the program over all units.
            units = InitialWorkingSet(p, fullUnits, input);
            var rounds = 0;
            Span<int> encoded = stackalloc int[rows];
            var haveEncoded = false;
            while (true)
            {
                status = SolveRadialProgram(lp, senses, rhs, p, units, rts, input, false, double.NegativeInfinity,
                    haveEncoded ? encoded : default);
                iterations += lp.Iterations;
                haveEncoded = status == LpStatus.Optimal && EncodeBasis(lp, units, encoded);
                if (status != LpStatus.Optimal || ++rounds > 50)
                {
                    // A subset can be infeasible (VRS) where the whole set is not: solve the full program.
                    units = fullUnits;
                    status = SolveRadialProgram(lp, senses, rhs, p, units, rts, input, false);
                    iterations += lp.Iterations;
                    break;
                }
                var added = PriceOutColumns(lp, p, units, fullUnits, rts, input);
                                if (added is null) break;
                units = added;
            }
            if (status == LpStatus.Optimal)
            {
                // Seed the next (similar) unit's working set with this solution's basic λ columns only, so that
                // the working set does not grow along the chain of units.
                var basis = lp.Kernel.Basis;
                var seed = new List<int>(lp.Rows);
                for (var b = 0; b < lp.Rows; b++)
                    if (basis[b] >= 1 && basis[b] <= units.Length) seed.Add(units[basis[b] - 1]);
                t_cgUnits = fullUnits;
                t_cgSubset = seed.ToArray();
            }
        }
        else
        {
            status = SolveRadialProgram(lp, senses, rhs, p, units, rts, input, true);
            iterations = lp.Iterations;
        }
        if (status != LpStatus.Optimal) return DeaPointResult.Failed(Map(status), iterations);
        k = units.Length;

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
            units = fullUnits;
            k = units.Length;
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


    /// <summary>Above this many reference columns the radial program is solved by column generation.</summary>
    internal static int ColumnGenerationThreshold { get; set; } = 2000;


    [ThreadStatic] private static int[]? t_cgUnits;
    [ThreadStatic] private static int[]? t_cgSubset;
    [ThreadStatic] private static int[]? t_stamp;
    [ThreadStatic] private static int t_stampValue;

    /// <summary>Builds and solves the radial program (column 0 = θ/φ, λ from column 1) over <paramref name="units"/>.</summary>
    private LpStatus SolveRadialProgram(DenseLpBuilder lp, ReadOnlySpan<ConstraintSense> senses, ReadOnlySpan<double> rhs,
        ReadOnlySpan<double> p, int[] units, ReturnsToScale rts, bool input, bool useWarm, double stopAtOrBelow = double.NegativeInfinity,
        ReadOnlySpan<int> encodedStart = default)
    {
        int m = InputCount, s = OutputCount;
        var hasRts = rts != ReturnsToScale.Constant;
        var rows = senses.Length;
        var k = units.Length;
        lp.Begin(senses, rhs, 1 + k);
        if (input) for (var i = 0; i < m; i++) lp.Set(i, 0, -p[i]);
        else for (var r = 0; r < s; r++) lp.Set(m + r, 0, -p[m + r]);
        lp.SetCost(0, input ? 1.0 : -1.0);
        FillLambdaColumns(lp, units, 1, m + s, hasRts ? m + s : -1, 1.0);
        lp.Kernel.StopAtOrBelow = stopAtOrBelow;
        Span<int> crash = stackalloc int[rows];
        var hasCrash = CrashRadialBasis(crash, lp, p, units, rts, input);
        if (encodedStart.Length == rows)
        {
            // A column-generation round: restart from the previous round's optimal basis (still feasible, since
            // only columns were added), decoded into this program's column indices.
            Span<int> start = stackalloc int[rows];
            var ok = true;
            for (var b = 0; b < rows && ok; b++)
            {
                var code = encodedStart[b];
                if (code == -1) start[b] = 0;
                else if (code >= 0)
                {
                    var pos = Array.BinarySearch(units, code);
                    ok = pos >= 0;
                    start[b] = 1 + pos;
                }
                else
                {
                    start[b] = lp.SlackColumn(-code - 2);
                    ok = start[b] >= 0;
                }
            }
            if (ok) return lp.Solve(SimplexOptions, start, hasCrash ? crash : default);
        }
        if (!useWarm) return hasCrash ? lp.Solve(SimplexOptions, crash) : lp.Solve(SimplexOptions);
        // Warm start: the previous optimal basis of this thread when it solved the same program shape against the
        // same columns (Dea.Evaluate visits similar units consecutively); the kernel uses it only if feasible.
        var shape = ((int)rts * 2 + (input ? 1 : 0)) * 1_000_003 + rows * 7919 + k;
        var warm = t_warmUnits == units && t_warmShape == shape && t_warmBasis is { } wb && wb.Length == rows ? wb : null;
        var status = warm is not null
            ? lp.Solve(SimplexOptions, warm, hasCrash ? crash : default)
            : hasCrash ? lp.Solve(SimplexOptions, crash) : lp.Solve(SimplexOptions);
        if (status == LpStatus.Optimal)
        {
            t_warmUnits = units;
            t_warmShape = shape;
            if (t_warmBasis is null || t_warmBasis.Length != rows) t_warmBasis = new int[rows];
            lp.Kernel.Basis.AsSpan(0, rows).CopyTo(t_warmBasis);
        }
        return status;
    }

    /// <summary>Encodes the optimal basis of a radial program over <paramref name="units"/> independently of column
    /// positions: −1 = θ/φ, a unit index for λ, −(2 + row) for a row's slack; false if an artificial is basic.</summary>
    private static bool EncodeBasis(DenseLpBuilder lp, int[] units, Span<int> encoded)
    {
        var basis = lp.Kernel.Basis;
        for (var b = 0; b < lp.Rows; b++)
        {
            var c = basis[b];
            if (c == 0) { encoded[b] = -1; continue; }
            if (c <= units.Length) { encoded[b] = units[c - 1]; continue; }
            var row = -1;
            for (var r = 0; r < lp.Rows; r++) if (lp.SlackColumn(r) == c) { row = r; break; }
            if (row < 0) return false;
            encoded[b] = -(2 + row);
        }
        return true;
    }

    /// <summary>Working subset for column generation: the previous similar unit's optimal peers when they came from
    /// the same column set, plus the 48 units with the best single-unit (CRS) radial ratio for this point.</summary>
    private int[] InitialWorkingSet(ReadOnlySpan<double> p, int[] units, bool input)
    {
        const int best = 48;
        int m = InputCount, s = OutputCount;
        var stamp = Stamp();
        var set = new List<int>(best * 2);
        if (t_cgUnits == units && t_cgSubset is { } prev)
            foreach (var u in prev) if (t_stamp![u] != stamp) { t_stamp[u] = stamp; set.Add(u); }
        Span<double> topScore = stackalloc double[best];
        Span<int> topUnit = stackalloc int[best];
        var count = 0;
        var worstAt = 0;
        // Divisions hoisted out of the loop (1/y precomputed per column set, 1/x0 per point), and the columns'
        // data read from a contiguous packed copy: the scan is memory-bound otherwise (units spread over n rows).
        var packed = Packed(units);
        var data = packed.Data;
        var inv = packed.Inverse;
        var w = _width;
        Span<double> invX0 = stackalloc double[m];
        for (var i = 0; i < m; i++) invX0[i] = p[i] > 0 ? 1.0 / p[i] : double.PositiveInfinity;
        for (var t = 0; t < units.Length; t++)
        {
            var u = units[t];
            var o = t * w;
            // Input: θ_u = max_r(y0/y_u) · max_i(x_u/x0) (smaller is better); output: φ_u = 1/θ_u (same ranking).
            double a = 0, b = 0;
            for (var r = 0; r < s; r++)
            {
                if (p[m + r] <= 0) continue;
                var q = p[m + r] * inv[o + m + r];
                if (q > a) a = q;
            }
            for (var i = 0; i < m; i++)
            {
                var xu = data[o + i];
                if (xu <= 0) continue;
                var q = xu * invX0[i];
                if (q > b) b = q;
            }
            var score = a * b; // the same ranking serves the output orientation (φ_u = 1/score)
            if (double.IsNaN(score)) continue;
            if (count < best)
            {
                topScore[count] = score;
                topUnit[count++] = u;
                if (count == best)
                    for (var q = 1; q < best; q++) if (topScore[q] > topScore[worstAt]) worstAt = q;
            }
            else if (score < topScore[worstAt])
            {
                topScore[worstAt] = score;
                topUnit[worstAt] = u;
                worstAt = 0;
                for (var q = 1; q < best; q++) if (topScore[q] > topScore[worstAt]) worstAt = q;
            }
        }
        for (var t = 0; t < count; t++)
            if (t_stamp![topUnit[t]] != stamp) { t_stamp[topUnit[t]] = stamp; set.Add(topUnit[t]); }
        _ = input;
        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Prices all of <paramref name="all"/> with the current duals; returns the enlarged working set, or
    /// null when no column has a negative reduced cost (the current solution is optimal for all units).</summary>
    private int[]? PriceOutColumns(DenseLpBuilder lp, ReadOnlySpan<double> p, int[] current, int[] all, ReturnsToScale rts, bool input)
    {
        const int maxAdd = 24;
        int m = InputCount, s = OutputCount;
        var rows = lp.Rows;
        Span<double> y = stackalloc double[rows];
        for (var i = 0; i < rows; i++) y[i] = lp.Dual(i);
        var hasRts = rts != ReturnsToScale.Constant;
        var packed = Packed(all);
        var data = packed.Data;
        var w = _width;
        // Positions of the working set in `all` (both ascending), so that the scan below reads only contiguous memory.
        var inCurrent = t_inCurrent is { } ic && ic.Length >= all.Length ? ic : (t_inCurrent = new bool[Math.Max(all.Length, 64)]);
        Array.Clear(inCurrent, 0, all.Length);
        foreach (var u in current)
        {
            var pos = Array.BinarySearch(all, u);
            if (pos >= 0) inCurrent[pos] = true;
        }
        Span<double> addScore = stackalloc double[maxAdd];
        Span<int> addUnit = stackalloc int[maxAdd];
        var count = 0;
        var tol = -SimplexOptions.OptimalityTolerance;
        var y0 = hasRts ? -y[m + s] : 0.0;
        for (var t = 0; t < all.Length; t++)
        {
            if (inCurrent[t]) continue;
            var o = t * w;
            var d = y0;
            for (var i = 0; i < m + s; i++) d -= y[i] * data[o + i];
            if (d >= tol) continue;
            var u = all[t];
            if (count < maxAdd) { addScore[count] = d; addUnit[count++] = u; continue; }
            var worst = 0;
            for (var q = 1; q < maxAdd; q++) if (addScore[q] > addScore[worst]) worst = q;
            if (d < addScore[worst]) { addScore[worst] = d; addUnit[worst] = u; }
        }
        _ = p;
        _ = input;
        if (count == 0) return null;
        var result = new int[current.Length + count];
        current.CopyTo(result, 0);
        for (var t = 0; t < count; t++) result[current.Length + t] = addUnit[t];
        Array.Sort(result);
        return result;
    }

    [ThreadStatic] private static bool[]? t_inCurrent;

    private sealed record PackedColumns(int[] Units, double[] Data, double[] Inverse);

    private PackedColumns? _packed;
    private PackedColumns? _packedLast;

    /// <summary>The scaled data of <paramref name="units"/> copied contiguously (position t at t·width) with
    /// reciprocals (+∞ for zeros); cached per column-set instance.</summary>
    private PackedColumns Packed(int[] units)
    {
        if (_packed is { } c && ReferenceEquals(c.Units, units)) return c;
        if (_packedLast is { } l && ReferenceEquals(l.Units, units)) return l;
        var w = _width;
        var data = new double[units.Length * w];
        var inv = new double[units.Length * w];
        for (var t = 0; t < units.Length; t++)
        {
            Array.Copy(_data, units[t] * w, data, t * w, w);
            for (var v = 0; v < w; v++)
            {
                var x = data[t * w + v];
                inv[t * w + v] = x > 0 ? 1.0 / x : double.PositiveInfinity;
            }
        }
        var packed = new PackedColumns(units, data, inv);
        var stable = ReferenceEquals(units, _all);
        foreach (var f in _frames) stable |= ReferenceEquals(units, f);
        // Stable column sets keep their own slot; any other set (a screening batch's growing frame, shared by all
        // tests of the batch) takes the second slot.
        if (stable) _packed = packed;
        else _packedLast = packed;
        return packed;
    }

    private int Stamp()
    {
        if (t_stamp is null || t_stamp.Length < UnitCount) { t_stamp = new int[Math.Max(UnitCount, 16)]; t_stampValue = 0; }
        if (++t_stampValue == int.MaxValue) { Array.Clear(t_stamp); t_stampValue = 1; }
        return t_stampValue;
    }

    /// <summary>Forgets this thread's warm-start state, so that a sequence of evaluations started after it is
    /// deterministic whatever ran on the thread before (used at the start of every chunk by <see cref="Dea"/>).</summary>
    internal static void ResetWarmStart()
    {
        t_warmUnits = null;
        t_cgUnits = null;
        t_cgSubset = null;
    }

    [ThreadStatic] private static int[]? t_warmUnits;
    [ThreadStatic] private static int[]? t_warmBasis;
    [ThreadStatic] private static int t_warmShape;

    /// <summary>
    /// Crash basis for the radial LP (column 0 = θ or φ, λ from column 1): the best single reference unit that can
    /// envelop the point on its own (free-disposal-hull-like), with θ/φ and that λ basic and the slacks of all
    /// non-binding rows. Feasible by construction, so phase one is skipped; returns false when no unit qualifies.
    /// </summary>
    private bool CrashRadialBasis(Span<int> basis, DenseLpBuilder lp, ReadOnlySpan<double> p, int[] units, ReturnsToScale rts, bool input)
    {
        if (rts == ReturnsToScale.NonDecreasing) return false;
        int m = InputCount, s = OutputCount;
        var best = input ? double.PositiveInfinity : double.NegativeInfinity;
        int bestC = -1, bestI = -1, bestR = -1;
        for (var c = 0; c < units.Length; c++)
        {
            var o = units[c] * _width;
            double lambda = 1.0;
            var rBind = -1;
            var ok = true;
            if (input)
            {
                if (rts != ReturnsToScale.Variable)
                {
                    lambda = 0.0;
                    for (var r = 0; r < s && ok; r++)
                    {
                        var yc = _data[o + m + r];
                        if (p[m + r] <= 0) continue;
                        if (yc <= 0) { ok = false; break; }
                        var l = p[m + r] / yc;
                        if (l > lambda) { lambda = l; rBind = r; }
                    }
                    if (!ok || rBind < 0 || (rts == ReturnsToScale.NonIncreasing && lambda > 1.0)) continue;
                }
                else
                {
                    for (var r = 0; r < s && ok; r++) ok = _data[o + m + r] >= p[m + r];
                    if (!ok) continue;
                }
                var theta = 0.0;
                var iBind = -1;
                for (var i = 0; i < m; i++)
                {
                    if (p[i] <= 0) { if (_data[o + i] > 0) { ok = false; break; } continue; }
                    var t = lambda * _data[o + i] / p[i];
                    if (t > theta || iBind < 0) { theta = Math.Max(theta, t); iBind = i; }
                }
                if (!ok || iBind < 0 || !(theta > 0)) continue;
                if (theta < best) { best = theta; bestC = c; bestI = iBind; bestR = rBind; }
            }
            else
            {
                var iBind = -1;
                if (rts != ReturnsToScale.Variable)
                {
                    lambda = double.PositiveInfinity;
                    for (var i = 0; i < m; i++)
                    {
                        var xc = _data[o + i];
                        if (xc <= 0) continue;
                        var l = p[i] / xc;
                        if (l < lambda) { lambda = l; iBind = i; }
                    }
                    if (iBind < 0 || !(lambda > 0)) continue;
                    if (rts == ReturnsToScale.NonIncreasing && lambda > 1.0) { lambda = 1.0; iBind = -1; }
                    if (iBind < 0 && rts == ReturnsToScale.NonIncreasing) continue; // the RTS row would bind: skip
                }
                else
                {
                    for (var i = 0; i < m && ok; i++) ok = _data[o + i] <= p[i];
                    if (!ok) continue;
                }
                var phi = double.PositiveInfinity;
                var rB = -1;
                for (var r = 0; r < s; r++)
                {
                    if (p[m + r] <= 0) continue;
                    var f = lambda * _data[o + m + r] / p[m + r];
                    if (f < phi) { phi = f; rB = r; }
                }
                if (rB < 0 || !(phi > 0) || double.IsInfinity(phi)) continue;
                if (phi > best) { best = phi; bestC = c; bestI = iBind; bestR = rB; }
            }
        }
        if (bestC < 0) return false;
        // Rows whose slack leaves the basis: input: input row bestI (θ) and, except under VRS, output row bestR (λ);
        // output: output row bestR (φ) and, except under VRS, input row bestI (λ).
        var k = 0;
        var rows = m + s + (rts != ReturnsToScale.Constant ? 1 : 0);
        for (var row = 0; row < rows; row++)
        {
            var isInput = row < m;
            var isRts = row >= m + s;
            if (input && isInput && row == bestI) continue;
            if (input && !isInput && !isRts && row - m == bestR) continue;
            if (!input && !isInput && !isRts && row - m == bestR) continue;
            if (!input && isInput && row == bestI) continue;
            if (isRts && rts == ReturnsToScale.Variable) continue;
            var slack = lp.SlackColumn(row);
            if (slack < 0) return false;
            basis[k++] = slack;
        }
        basis[k++] = 0;
        basis[k++] = 1 + bestC;
        return k == rows;
    }

    /// <summary>Writes λ columns for <paramref name="units"/> starting at structural column
    /// <paramref name="first"/>: rows 0..dataRows-1 take the unit's scaled data, row <paramref name="rtsRow"/> (if ≥ 0)
    /// takes <paramref name="rtsValue"/>.</summary>
    private void FillLambdaColumns(DenseLpBuilder lp, int[] units, int first, int dataRows, int rtsRow, double rtsValue)
    {
        if (units.Length >= 256 && units.Length * 4 < UnitCount * 3)
        {
            // Large column sets spread over many more rows (frames, screening batches): read the packed contiguous
            // copy, cached per column set (the gather from n rows is memory-bound).
            var data = Packed(units).Data;
            for (var c = 0; c < units.Length; c++)
            {
                var o = c * _width;
                for (var i = 0; i < dataRows; i++) lp.Set(i, first + c, data[o + i]);
                if (rtsRow >= 0) lp.Set(rtsRow, first + c, rtsValue);
            }
            return;
        }
        for (var c = 0; c < units.Length; c++)
        {
            var o = units[c] * _width;
            for (var i = 0; i < dataRows; i++) lp.Set(i, first + c, _data[o + i]);
            if (rtsRow >= 0) lp.Set(rtsRow, first + c, rtsValue);
        }
    }

}
