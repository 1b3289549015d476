using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using Xinzhi.Efficiency.Lp;

namespace Xinzhi.Efficiency;

public sealed partial class DeaReferenceSet
{
    /// <summary>
    /// A large column set's scaled data copied variable-major (structure of arrays: variable v of position t at
    /// <c>v·Stride + t</c>, Stride = count rounded up to 8, padding zero), with the reciprocals of the outputs
    /// (+∞ for zeros). The scans of column generation (ratio ranking, pricing) then read contiguous memory a vector
    /// of positions at a time instead of gathering units spread over n rows.
    /// </summary>
    private sealed record PackedColumns(int[] Units, int Stride, double[] Soa, double[] InverseOutputs);

    private PackedColumns? _packedAll;
    private readonly PackedColumns?[] _packedFrames = new PackedColumns?[4];
    private PackedColumns? _packedLast;

    /// <summary>The packed copy of <paramref name="units"/>, cached per column-set instance: one slot for all units,
    /// one per prepared frame, and one for any other set (a screening batch's growing frame, shared by all tests of
    /// the batch).</summary>
    private PackedColumns Packed(int[] units)
    {
        if (ReferenceEquals(units, _all)) return _packedAll ??= Pack(units);
        for (var f = 0; f < _frames.Length; f++)
        {
            if (!ReferenceEquals(units, _frames[f])) continue;
            if (_packedFrames[f] is { } pf && ReferenceEquals(pf.Units, units)) return pf;
            return _packedFrames[f] = Pack(units);
        }
        if (_packedLast is { } l && ReferenceEquals(l.Units, units)) return l;
        return _packedLast = Pack(units);
    }

    private PackedColumns Pack(int[] units)
    {
        int w = _width, m = InputCount, s = OutputCount, n = units.Length;
        var stride = (n + 7) & ~7;
        var soa = new double[w * stride];
        var inv = new double[s * stride];
        for (var t = 0; t < n; t++)
        {
            var o = units[t] * w;
            for (var v = 0; v < w; v++) soa[v * stride + t] = _data[o + v];
            for (var r = 0; r < s; r++)
            {
                var y = _data[o + m + r];
                inv[r * stride + t] = y > 0 ? 1.0 / y : double.PositiveInfinity;
            }
        }
        return new PackedColumns(units, stride, soa, inv);
    }

    /// <summary>Use the AVX2 paths of the column scans and the dominance filter (default: when the hardware has
    /// them). The scalar paths compute the same numbers in the same order; tests switch this off to compare.</summary>
    internal static bool Vectorised { get; set; } = Vector256.IsHardwareAccelerated;

    [ThreadStatic] private static double[]? t_scores;
    [ThreadStatic] private static int[]? t_candidates;
    [ThreadStatic] private static int[]? t_setBuffer;
    [ThreadStatic] private static double[]? t_candidateScores;
    [ThreadStatic] private static double t_lastCutoff;

    /// <summary>Number of best single-unit ratios in a column-generation working set.</summary>
    private const int WorkingSetRatioColumns = 48;

    /// <summary>Columns added per pricing round of column generation (the most negative reduced costs).</summary>
    private const int PricedColumnsPerRound = 24;

    /// <summary>Working subset for column generation: the previous similar unit's optimal peers when they came from
    /// the same column set, plus the 48 units with the best single-unit (CRS) radial ratio for this point.</summary>
    /// <remarks>The ratio of unit u is max_r(y₀ᵣ/y_ur) · max_i(x_ui/x₀ᵢ), its CRS input score alone (smaller is
    /// better; the output score is its reciprocal, so the ranking serves both orientations). Scores are computed four
    /// units at a time (AVX2). The 48 smallest, ordered by (score, position), are then selected by quickselect
    /// among the units at or below a cut-off: first 1.02 × the previous selection's 48th score on this thread
    /// (similar units come in a row), raised by × 1.1 until 48 qualify. The guess only saves work: the selected set is
    /// the same either way. <paramref name="skipUnit"/> (≥ 0) is left out, as if <paramref name="units"/> did not
    /// contain it (super-efficiency scans the stable full set instead of packing a fresh copy per unit).</remarks>
    private int[] InitialWorkingSet(ReadOnlySpan<double> p, int[] units, bool input, int skipUnit = -1)
    {
        const int best = WorkingSetRatioColumns;
        int m = InputCount, s = OutputCount;
        var packed = Packed(units);
        var n = units.Length;
        var stride = packed.Stride;
        var scores = t_scores is { } sc && sc.Length >= stride ? sc : (t_scores = new double[Math.Max(stride, 1024)]);
        var candidates = t_candidates is { } cb && cb.Length >= stride ? cb : (t_candidates = new int[Math.Max(stride, 1024)]);
        Span<double> invX0 = stackalloc double[m];
        for (var i = 0; i < m; i++) invX0[i] = p[i] > 0 ? 1.0 / p[i] : double.PositiveInfinity;
        if (Vectorised) ScoreVector(p, packed, invX0, scores);
        else ScoreScalar(p, packed, invX0, scores);
        if (skipUnit >= 0 && Array.BinarySearch(units, skipUnit) is var skipAt and >= 0) scores[skipAt] = double.NaN;
        // Candidates: positions at or below a cut-off, raised until at least `best` qualify (+∞ admits every
        // non-NaN score, so the loop ends).
        var cutoff = t_lastCutoff > 0 ? t_lastCutoff * CutoffStart : double.PositiveInfinity;
        int found;
        while (true)
        {
            found = Filter(scores, n, stride, cutoff, candidates);
            if (found >= best || double.IsPositiveInfinity(cutoff)) break;
            cutoff = cutoff < 1e300 ? cutoff * CutoffStep : double.PositiveInfinity;
        }

        // The `best` smallest candidates by (score, position): a quickselect over the candidates' keys.
        var keys = t_candidateScores is { } ks && ks.Length >= found ? ks : (t_candidateScores = new double[Math.Max(found, 1024)]);
        for (var k = 0; k < found; k++) keys[k] = scores[candidates[k]];
        var count = Math.Min(found, best);
        if (found > best) SelectSmallest(keys.AsSpan(0, found), candidates.AsSpan(0, found), best - 1);
        var kth = 0.0;
        for (var k = 0; k < count; k++) kth = Math.Max(kth, keys[k]);
        t_lastCutoff = count == best && double.IsFinite(kth) ? kth : 0.0;
        var stamp = Stamp();
        var buffer = t_setBuffer is { } sb && sb.Length >= best + 64 ? sb : (t_setBuffer = new int[best + 64]);
        var size = 0;
        if (t_cgUnits == units && t_cgSubset is { } prev)
            foreach (var u in prev)
                if (u != skipUnit && t_stamp![u] != stamp && size < buffer.Length - best) { t_stamp[u] = stamp; buffer[size++] = u; }
        for (var k = 0; k < count; k++)
        {
            var u = units[candidates[k]];
            if (t_stamp![u] != stamp) { t_stamp[u] = stamp; buffer[size++] = u; }
        }
        _ = input;
        var result = buffer.AsSpan(0, size).ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Positions t &lt; n with score ≤ <paramref name="cutoff"/>, in order; returns their count.</summary>
    private static int Filter(double[] scores, int n, int stride, double cutoff, int[] candidates)
    {
        var found = 0;
        if (Vectorised)
        {
            ref var sc = ref MemoryMarshal.GetArrayDataReference(scores);
            var vcut = Vector256.Create(cutoff);
            for (var t = 0; t < stride; t += 4)
            {
                var mask = Vector256.ExtractMostSignificantBits(Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref sc, (nuint)t), vcut));
                while (mask != 0)
                {
                    var pos = t + System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    if (pos < n) candidates[found++] = pos;
                }
            }
            return found;
        }
        for (var t = 0; t < n; t++) if (scores[t] <= cutoff) candidates[found++] = t;
        return found;
    }

    /// <summary>Ratio scores of all packed units (padding included) into <paramref name="scores"/>, one pass over
    /// the packed data per variable (a = max_r y₀ᵣ/y_ur, then b = max_i x_ui/x₀ᵢ, then a·b).</summary>
    private void ScoreVector(ReadOnlySpan<double> p, PackedColumns packed, ReadOnlySpan<double> invX0, double[] scores)
    {
        int m = InputCount, s = OutputCount, stride = packed.Stride;
        ref var soa = ref MemoryMarshal.GetArrayDataReference(packed.Soa);
        ref var invY = ref MemoryMarshal.GetArrayDataReference(packed.InverseOutputs);
        ref var sc = ref MemoryMarshal.GetArrayDataReference(scores);
        if (m <= 4 && s <= 4 && FiniteAll(invX0))
        {
            ScoreFused(p, packed, invX0, scores);
            return;
        }
        var buffer = t_ratioB is { } rb && rb.Length >= stride ? rb : (t_ratioB = new double[Math.Max(stride, 1024)]);
        ref var bb = ref MemoryMarshal.GetArrayDataReference(buffer);
        var zero = Vector256<double>.Zero;
        var inf = Vector256.Create(double.PositiveInfinity);
        scores.AsSpan(0, stride).Clear();
        for (var r = 0; r < s; r++)
        {
            if (!(p[m + r] > 0)) continue;
            var py = Vector256.Create(p[m + r]);
            ref var col = ref Unsafe.Add(ref invY, r * stride);
            for (var t = 0; t < stride; t += 4)
                Vector256.Max(Vector256.LoadUnsafe(ref sc, (nuint)t), py * Vector256.LoadUnsafe(ref col, (nuint)t)).StoreUnsafe(ref sc, (nuint)t);
        }
        buffer.AsSpan(0, stride).Clear();
        for (var i = 0; i < m; i++)
        {
            ref var col = ref Unsafe.Add(ref soa, i * stride);
            if (double.IsPositiveInfinity(invX0[i]))
            {
                // Only positive inputs count (x·∞ would be NaN for a zero).
                for (var t = 0; t < stride; t += 4)
                {
                    var x = Vector256.LoadUnsafe(ref col, (nuint)t);
                    var q = Vector256.ConditionalSelect(Vector256.GreaterThan(x, zero), inf, zero);
                    Vector256.Max(Vector256.LoadUnsafe(ref bb, (nuint)t), q).StoreUnsafe(ref bb, (nuint)t);
                }
                continue;
            }
            // With a finite 1/x₀ a zero or negative x gives a product ≤ 0, which the max with 0 ignores.
            var px = Vector256.Create(invX0[i]);
            for (var t = 0; t < stride; t += 4)
                Vector256.Max(Vector256.LoadUnsafe(ref bb, (nuint)t), px * Vector256.LoadUnsafe(ref col, (nuint)t)).StoreUnsafe(ref bb, (nuint)t);
        }
        for (var t = 0; t < stride; t += 4)
            (Vector256.LoadUnsafe(ref sc, (nuint)t) * Vector256.LoadUnsafe(ref bb, (nuint)t)).StoreUnsafe(ref sc, (nuint)t);
    }

    [ThreadStatic] private static double[]? t_ratioB;
    [ThreadStatic] private static double[]? t_zeros;

    private static bool FiniteAll(ReadOnlySpan<double> v)
    {
        foreach (var x in v) if (!double.IsFinite(x)) return false;
        return true;
    }

    /// <summary>A thread's all-zero array of at least <paramref name="length"/> entries: the column of a padding
    /// variable in the fused kernels (0 · 0 adds nothing to a max of non-negative terms or to a reduced cost).</summary>
    private static double[] Zeros(int length) =>
        t_zeros is { } z && z.Length >= length ? z : (t_zeros = new double[Math.Max(length, 1024)]);

    /// <summary>
    /// <see cref="ScoreVector"/> in one pass for up to four inputs and four outputs (finite 1/x₀): each score is
    /// built in registers from padded variable columns (missing or skipped variables read zeros with a zero factor),
    /// so the loop has no inner loop. Max is exact, so the result equals the multi-pass one.
    /// </summary>
    private void ScoreFused(ReadOnlySpan<double> p, PackedColumns packed, ReadOnlySpan<double> invX0, double[] scores)
    {
        int m = InputCount, s = OutputCount, stride = packed.Stride;
        var zeros = Zeros(stride);
        Span<double> fy = stackalloc double[4];
        Span<double> fx = stackalloc double[4];
        Span<int> oy = stackalloc int[4];
        Span<int> ox = stackalloc int[4];
        for (var r = 0; r < 4; r++)
        {
            var use = r < s && p[m + r] > 0;
            fy[r] = use ? p[m + r] : 0.0;
            oy[r] = use ? r * stride : -1;
        }
        for (var i = 0; i < 4; i++)
        {
            fx[i] = i < m ? invX0[i] : 0.0;
            ox[i] = i < m ? i * stride : -1;
        }
        ref var y0 = ref oy[0] >= 0 ? ref packed.InverseOutputs[oy[0]] : ref zeros[0];
        ref var y1 = ref oy[1] >= 0 ? ref packed.InverseOutputs[oy[1]] : ref zeros[0];
        ref var y2 = ref oy[2] >= 0 ? ref packed.InverseOutputs[oy[2]] : ref zeros[0];
        ref var y3 = ref oy[3] >= 0 ? ref packed.InverseOutputs[oy[3]] : ref zeros[0];
        ref var x0 = ref ox[0] >= 0 ? ref packed.Soa[ox[0]] : ref zeros[0];
        ref var x1 = ref ox[1] >= 0 ? ref packed.Soa[ox[1]] : ref zeros[0];
        ref var x2 = ref ox[2] >= 0 ? ref packed.Soa[ox[2]] : ref zeros[0];
        ref var x3 = ref ox[3] >= 0 ? ref packed.Soa[ox[3]] : ref zeros[0];
        var py0 = Vector256.Create(fy[0]);
        var py1 = Vector256.Create(fy[1]);
        var py2 = Vector256.Create(fy[2]);
        var py3 = Vector256.Create(fy[3]);
        var px0 = Vector256.Create(fx[0]);
        var px1 = Vector256.Create(fx[1]);
        var px2 = Vector256.Create(fx[2]);
        var px3 = Vector256.Create(fx[3]);
        var zero = Vector256<double>.Zero;
        ref var sc = ref MemoryMarshal.GetArrayDataReference(scores);
        for (nuint t = 0; t < (nuint)stride; t += 4)
        {
            var a = Vector256.Max(zero, py0 * Vector256.LoadUnsafe(ref y0, t));
            a = Vector256.Max(a, py1 * Vector256.LoadUnsafe(ref y1, t));
            a = Vector256.Max(a, py2 * Vector256.LoadUnsafe(ref y2, t));
            a = Vector256.Max(a, py3 * Vector256.LoadUnsafe(ref y3, t));
            var b = Vector256.Max(zero, px0 * Vector256.LoadUnsafe(ref x0, t));
            b = Vector256.Max(b, px1 * Vector256.LoadUnsafe(ref x1, t));
            b = Vector256.Max(b, px2 * Vector256.LoadUnsafe(ref x2, t));
            b = Vector256.Max(b, px3 * Vector256.LoadUnsafe(ref x3, t));
            (a * b).StoreUnsafe(ref sc, t);
        }
    }

    /// <summary>First cut-off of the ratio selection, relative to the previous selection's 48th score, and the factor
    /// by which it is raised while fewer than 48 units qualify (measured: 1.02/1.1 leave ≈ 150 candidates).</summary>
    private const double CutoffStart = 1.02, CutoffStep = 1.1;

    /// <summary>Scalar twin of <see cref="ScoreVector"/> (same arithmetic, same results).</summary>
    private void ScoreScalar(ReadOnlySpan<double> p, PackedColumns packed, ReadOnlySpan<double> invX0, double[] scores)
    {
        int m = InputCount, s = OutputCount, n = packed.Units.Length, stride = packed.Stride;
        var soa = packed.Soa;
        var invY = packed.InverseOutputs;
        for (var t = 0; t < n; t++)
        {
            var a = 0.0;
            for (var r = 0; r < s; r++)
                if (p[m + r] > 0) a = Math.Max(a, p[m + r] * invY[r * stride + t]);
            var b = 0.0;
            for (var i = 0; i < m; i++)
            {
                var x = soa[i * stride + t];
                b = Math.Max(b, double.IsPositiveInfinity(invX0[i]) ? (x > 0 ? double.PositiveInfinity : 0.0) : x * invX0[i]);
            }
            scores[t] = a * b;
        }
    }

    /// <summary>Prices all of <paramref name="all"/> with the current duals; returns the enlarged working set, or
    /// null when no column has a negative reduced cost (the current solution is optimal for all units).</summary>
    /// <remarks>Reduced costs d_t = −y_rts − Σ_v y_v a_vt are computed four positions at a time over the packed
    /// copy; only positions below the tolerance are looked at one by one. The 24 most negative, ordered by
    /// (d, position), are added.</remarks>
    private int[]? PriceOutColumns(DenseLpBuilder lp, ReadOnlySpan<double> p, int[] current, int[] all, ReturnsToScale rts, bool input, int skipUnit = -1)
    {
        const int maxAdd = PricedColumnsPerRound;
        int m = InputCount, s = OutputCount;
        var rows = lp.Rows;
        var d = m + s;
        Span<double> y = stackalloc double[rows];
        for (var i = 0; i < rows; i++) y[i] = lp.Dual(i);
        var hasRts = rts != ReturnsToScale.Constant;
        var packed = Packed(all);
        var stride = packed.Stride;
        var n = all.Length;
        var tol = -SimplexOptions.OptimalityTolerance;
        var y0 = hasRts ? -y[m + s] : 0.0;

        Span<double> heapScore = stackalloc double[maxAdd];
        Span<int> heapPos = stackalloc int[maxAdd];
        var count = 0;
        void Consider(double dj, int pos, ref int count, Span<double> heapScore, Span<int> heapPos)
        {
            if (!(dj < tol) || pos >= n || all[pos] == skipUnit) return;
            // Columns of the working set are priced ≥ −tolerance by the restricted solve; a rounding difference
            // must not add them twice.
            if (Array.BinarySearch(current, all[pos]) >= 0) return;
            if (count < maxAdd) HeapPush(heapScore, heapPos, ref count, dj, pos);
            else if (dj < heapScore[0]) HeapReplaceTop(heapScore, heapPos, count, dj, pos);
        }
        if (Vectorised && d <= 8)
        {
            // One pass with the (up to eight) variable columns in registers; padding variables read zeros with a
            // zero dual (acc − 0·0 = acc exactly, so the reduced costs equal the loop's).
            var zeros = Zeros(stride);
            Span<double> yy = stackalloc double[8];
            for (var i = 0; i < d; i++) yy[i] = y[i];
            ref var c0 = ref 0 < d ? ref packed.Soa[0] : ref zeros[0];
            ref var c1 = ref 1 < d ? ref packed.Soa[stride] : ref zeros[0];
            ref var c2 = ref 2 < d ? ref packed.Soa[2 * stride] : ref zeros[0];
            ref var c3 = ref 3 < d ? ref packed.Soa[3 * stride] : ref zeros[0];
            ref var c4 = ref 4 < d ? ref packed.Soa[4 * stride] : ref zeros[0];
            ref var c5 = ref 5 < d ? ref packed.Soa[5 * stride] : ref zeros[0];
            ref var c6 = ref 6 < d ? ref packed.Soa[6 * stride] : ref zeros[0];
            ref var c7 = ref 7 < d ? ref packed.Soa[7 * stride] : ref zeros[0];
            var w0 = Vector256.Create(yy[0]);
            var w1 = Vector256.Create(yy[1]);
            var w2 = Vector256.Create(yy[2]);
            var w3 = Vector256.Create(yy[3]);
            var w4 = Vector256.Create(yy[4]);
            var w5 = Vector256.Create(yy[5]);
            var w6 = Vector256.Create(yy[6]);
            var w7 = Vector256.Create(yy[7]);
            var vy0 = Vector256.Create(y0);
            var vtol = Vector256.Create(tol);
            for (nuint t = 0; t < (nuint)stride; t += 4)
            {
                var acc = vy0 - w0 * Vector256.LoadUnsafe(ref c0, t);
                acc -= w1 * Vector256.LoadUnsafe(ref c1, t);
                acc -= w2 * Vector256.LoadUnsafe(ref c2, t);
                acc -= w3 * Vector256.LoadUnsafe(ref c3, t);
                acc -= w4 * Vector256.LoadUnsafe(ref c4, t);
                acc -= w5 * Vector256.LoadUnsafe(ref c5, t);
                acc -= w6 * Vector256.LoadUnsafe(ref c6, t);
                acc -= w7 * Vector256.LoadUnsafe(ref c7, t);
                var mask = Vector256.ExtractMostSignificantBits(Vector256.LessThan(acc, vtol));
                while (mask != 0)
                {
                    var l = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    Consider(acc.GetElement(l), (int)t + l, ref count, heapScore, heapPos);
                }
            }
        }
        else if (Vectorised)
        {
            ref var soa = ref MemoryMarshal.GetArrayDataReference(packed.Soa);
            var vy0 = Vector256.Create(y0);
            var vtol = Vector256.Create(tol);
            Span<Vector256<double>> vy = stackalloc Vector256<double>[d];
            for (var i = 0; i < d; i++) vy[i] = Vector256.Create(y[i]);
            for (var t = 0; t < stride; t += 4)
            {
                var acc = vy0;
                for (var i = 0; i < d; i++) acc -= vy[i] * Vector256.LoadUnsafe(ref soa, (nuint)(i * stride + t));
                var mask = Vector256.LessThan(acc, vtol).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var l = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    Consider(acc.GetElement(l), t + l, ref count, heapScore, heapPos);
                }
            }
        }
        else
        {
            var soa = packed.Soa;
            for (var t = 0; t < n; t++)
            {
                var acc = y0;
                for (var i = 0; i < d; i++) acc -= y[i] * soa[i * stride + t];
                Consider(acc, t, ref count, heapScore, heapPos);
            }
        }
        _ = p;
        _ = input;
        if (count == 0) return null;
        var result = new int[current.Length + count];
        current.CopyTo(result, 0);
        for (var k = 0; k < count; k++) result[current.Length + k] = all[heapPos[k]];
        Array.Sort(result);
        return result;
    }

    /// <summary>
    /// Quickselect (Lomuto partition, median-of-three pivot) on (score, position) pairs, all distinct by position:
    /// afterwards entries 0..k are the k + 1 smallest in (score, position) order, in some order.
    /// </summary>
    private static void SelectSmallest(Span<double> score, Span<int> pos, int k)
    {
        int lo = 0, hi = score.Length - 1;
        while (hi > lo)
        {
            var mid = lo + (hi - lo) / 2;
            if (Above(score[lo], pos[lo], score[mid], pos[mid])) Swap(score, pos, lo, mid);
            if (Above(score[lo], pos[lo], score[hi], pos[hi])) Swap(score, pos, lo, hi);
            if (Above(score[mid], pos[mid], score[hi], pos[hi])) Swap(score, pos, mid, hi);
            Swap(score, pos, mid, hi); // the median is the pivot, at hi
            double ps = score[hi];
            var pp = pos[hi];
            var store = lo;
            for (var i = lo; i < hi; i++)
                if (Above(ps, pp, score[i], pos[i])) Swap(score, pos, i, store++);
            Swap(score, pos, store, hi);
            if (store == k) return;
            if (k < store) hi = store - 1;
            else lo = store + 1;
        }
    }

    private static void Swap(Span<double> score, Span<int> pos, int a, int b)
    {
        (score[a], score[b]) = (score[b], score[a]);
        (pos[a], pos[b]) = (pos[b], pos[a]);
    }

    /// <summary>(score, position) lexicographic order of the selections (quickselect, pricing heap).</summary>
    private static bool Above(double s1, int p1, double s2, int p2) => s1 > s2 || (s1 == s2 && p1 > p2);

    /// <summary>Pushes onto a binary max-heap (largest (score, position) at the root).</summary>
    private static void HeapPush(Span<double> score, Span<int> pos, ref int count, double s, int p)
    {
        var k = count++;
        while (k > 0)
        {
            var parent = (k - 1) >> 1;
            if (!Above(s, p, score[parent], pos[parent])) break;
            score[k] = score[parent];
            pos[k] = pos[parent];
            k = parent;
        }
        score[k] = s;
        pos[k] = p;
    }

    /// <summary>Replaces the root of a full max-heap and sifts the new entry down.</summary>
    private static void HeapReplaceTop(Span<double> score, Span<int> pos, int count, double s, int p)
    {
        var k = 0;
        while (true)
        {
            var c = 2 * k + 1;
            if (c >= count) break;
            if (c + 1 < count && Above(score[c + 1], pos[c + 1], score[c], pos[c])) c++;
            if (!Above(score[c], pos[c], s, p)) break;
            score[k] = score[c];
            pos[k] = pos[c];
            k = c;
        }
        score[k] = s;
        pos[k] = p;
    }
}
