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
        // Column-generation scans run over a stable column set with a packed copy: with a unit excluded from all
        // units (super-efficiency of a frame member, or no frame), over all units with that one skipped, instead of
        // packing the fresh list of the others for every program.
        var scanUnits = units;
        var skipUnit = -1;
        if (excludeUnit >= 0 && units.Length == UnitCount - 1 && !ReferenceEquals(units, _frames[(int)rts]))
        {
            scanUnits = _all;
            skipUnit = excludeUnit;
        }
        if (units.Length > ColumnGenerationThreshold)
        {
            // Column generation over the λ columns: solve against a small working subset (the previous similar
            // unit's subset, or the units with the best single-unit radial ratios), then price every other unit
            // with the duals and add those with negative reduced cost, until none is left. Exact: the final basis
            // is optimal for the program over all units.
            units = InitialWorkingSet(p, scanUnits, input, skipUnit);
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
                var added = PriceOutColumns(lp, p, units, scanUnits, rts, input, skipUnit);
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
                t_cgUnits = scanUnits;
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


    /// <summary>Above this many reference columns the radial program is solved by column generation (500; measured
    /// against 250, 1000 and 2000 in docs/dea.md). Setting it (tests, benchmarks) applies to the calling flow of
    /// execution only, including the parallel work it starts, so that tests running at the same time are not
    /// affected.</summary>
    internal static int ColumnGenerationThreshold
    {
        get => s_columnGenerationThreshold.Value ?? 500;
        set => s_columnGenerationThreshold.Value = value;
    }

    private static readonly AsyncLocal<int?> s_columnGenerationThreshold = new();


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
        // Large column sets are read from their packed copy (variable v of position c at v·stride + c), as
        // FillLambdaColumns does; others from the unit-major data (variable v of unit u at u·width + v).
        var usePacked = UsePacked(units);
        var data = usePacked ? Packed(units).Soa : _data;
        var step = usePacked ? Packed(units).Stride : 1;
        for (var c = 0; c < units.Length; c++)
        {
            var o = usePacked ? c : units[c] * _width;
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
                        var yc = data[o + (m + r) * step];
                        if (p[m + r] <= 0) continue;
                        if (yc <= 0) { ok = false; break; }
                        var l = p[m + r] / yc;
                        if (l > lambda) { lambda = l; rBind = r; }
                    }
                    if (!ok || rBind < 0 || (rts == ReturnsToScale.NonIncreasing && lambda > 1.0)) continue;
                }
                else
                {
                    for (var r = 0; r < s && ok; r++) ok = data[o + (m + r) * step] >= p[m + r];
                    if (!ok) continue;
                }
                var theta = 0.0;
                var iBind = -1;
                for (var i = 0; i < m; i++)
                {
                    if (p[i] <= 0) { if (data[o + i * step] > 0) { ok = false; break; } continue; }
                    var t = lambda * data[o + i * step] / p[i];
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
                        var xc = data[o + i * step];
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
                    for (var i = 0; i < m && ok; i++) ok = data[o + i * step] <= p[i];
                    if (!ok) continue;
                }
                var phi = double.PositiveInfinity;
                var rB = -1;
                for (var r = 0; r < s; r++)
                {
                    if (p[m + r] <= 0) continue;
                    var f = lambda * data[o + (m + r) * step] / p[m + r];
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

    /// <summary>Whether a column set is large and sparse enough in the data to be read from its packed copy.</summary>
    private bool UsePacked(int[] units) => units.Length >= 256 && units.Length * 4 < UnitCount * 3;

    /// <summary>Writes λ columns for <paramref name="units"/> starting at structural column
    /// <paramref name="first"/>: rows 0..dataRows-1 take the unit's scaled data, row <paramref name="rtsRow"/> (if ≥ 0)
    /// takes <paramref name="rtsValue"/>.</summary>
    private void FillLambdaColumns(DenseLpBuilder lp, int[] units, int first, int dataRows, int rtsRow, double rtsValue)
    {
        if (UsePacked(units))
        {
            // Large column sets spread over many more rows (frames, screening batches): copy whole rows from the
            // packed variable-major copy, cached per column set (the gather from n rows is memory-bound).
            var packed = Packed(units);
            for (var i = 0; i < dataRows; i++) lp.SetRow(i, first, packed.Soa.AsSpan(i * packed.Stride, units.Length));
            if (rtsRow >= 0) lp.FillRow(rtsRow, first, units.Length, rtsValue);
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
