using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Adapter from the productivity indices to the DEA engine (<see cref="DeaReferenceSet"/>): builds the reference
/// technology of a batch once (with frontier pre-screening where the model allows it) and evaluates every point
/// against it, in parallel for large batches.
/// </summary>
/// <remarks>
/// Radial: θ (input) or φ (output). DDF: β free in sign with g = (0, y, b) or (x, y, b) and weakly disposable bads
/// (Chung-Färe-Grosskopf 1997). SBM: ρ; a point outside the technology (SBM infeasible, only possible across
/// periods) gets, with <see cref="SbmCrossPeriod"/> = Super (default), the super-SBM δ ≥ 1 of Tone (2002) against the
/// same technology, with bad outputs the super-SBM with undesirable outputs, so that the efficiency scale stays
/// "larger = better" (docs/malmquist.md); with Infeasible it is reported as infeasible.
/// <para>Sequential and global technologies are unions of whole periods. Without bad outputs the technology spanned
/// by a union equals the one spanned by the union of each period's frame (T(A ∪ B) = T(F_A ∪ F_B) when T(F_A) = T(A)
/// and T(F_B) = T(B), for convex free-disposal technologies), so those batches are built from the cached per-period
/// frames instead of every observation. Exact; only the programs shrink.</para>
/// </remarks>
public sealed class DeaDistanceFunction : IDistanceFunction
{
    /// <summary>Batches at least this large (points × reference units) are pre-screened for their frontier.</summary>
    private const long FrontierWork = 20_000;

    private const int ParallelChunk = 64;

    public DeaDistanceFunction(DistanceModel model, DistanceOrientation orientation, DdfDirection direction = DdfDirection.Outputs)
    {
        if (model == DistanceModel.Radial && orientation == DistanceOrientation.None)
            throw new SpecificationException("The radial model needs an input or output orientation.");
        Model = model;
        Orientation = model == DistanceModel.Ddf ? DistanceOrientation.None : orientation;
        Direction = direction;
    }

    public DistanceModel Model { get; }

    public DistanceOrientation Orientation { get; }

    public DdfDirection Direction { get; }

    /// <summary>SBM: what a point outside the reference technology gets (super-SBM δ by default).</summary>
    public SbmCrossPeriod SbmCrossPeriod { get; init; } = SbmCrossPeriod.Super;

    /// <summary>Use frontier pre-screening and per-period frames (exact; off only to cross-check them in tests).</summary>
    internal bool UseFrames { get; init; } = true;

    private readonly ConditionalWeakTable<ProductivityData, ConcurrentDictionary<(int, ScaleAssumption), Lazy<int[]>>> _frames = new();

    public void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results)
    {
        if (points.Length == 0) return;
        var rts = scale == ScaleAssumption.Constant ? ReturnsToScale.Constant : ReturnsToScale.Variable;
        // Frames are a property of the free-disposal technology: not valid with weakly disposable bads.
        var prepare = UseFrames && data.BadOutputCount == 0 && (long)points.Length * reference.Length >= FrontierWork;
        if (prepare && WholePeriods(data, reference) is { } periods)
        {
            // Whole periods: span the technology by the periods' cached frames.
            var cols = new List<int>();
            foreach (var p in periods) cols.AddRange(PeriodFrame(data, p, scale));
            cols.Sort();
            reference = cols.ToArray();
            prepare = periods.Count > 1 && (long)points.Length * reference.Length >= FrontierWork;
        }
        var set = Build(data, reference);
        if (prepare) set.PrepareFrontier(rts, parallel: false);
        EvaluateAll(set, data, points, results, rts);
    }

    /// <summary>The periods whose observations make up <paramref name="reference"/> exactly, or null.</summary>
    private static List<int>? WholePeriods(ProductivityData data, ReadOnlySpan<int> reference)
    {
        var counts = new int[data.Periods.Length];
        foreach (var o in reference) counts[data.ObservationPeriod[o]]++;
        var periods = new List<int>();
        for (var p = 0; p < counts.Length; p++)
        {
            if (counts[p] == 0) continue;
            if (counts[p] != data.ObservationsInPeriod(p).Length) return null;
            periods.Add(p);
        }
        return periods;
    }

    /// <summary>Observations spanning period <paramref name="period"/>'s technology (its frame), cached per data set.</summary>
    private int[] PeriodFrame(ProductivityData data, int period, ScaleAssumption scale)
    {
        var cache = _frames.GetValue(data, _ => new());
        return cache.GetOrAdd((period, scale), key => new Lazy<int[]>(() =>
        {
            // Dominated units never span the technology: screen them out before the (LP-based) frame search. The
            // engine already drops plainly dominated units; the cone (CRS) test here removes about twice as many.
            var obs = data.ObservationsInPeriod(key.Item1).ToArray();
            if (key.Item2 == ScaleAssumption.Constant) obs = DominanceScreen.Undominated(data, obs, key.Item2);
            var set = Build(data, obs);
            var rts = key.Item2 == ScaleAssumption.Constant ? ReturnsToScale.Constant : ReturnsToScale.Variable;
            set.PrepareFrontier(rts, parallel: false);
            var frame = set.Frontier(rts)!;
            var result = new int[frame.Count];
            for (var k = 0; k < result.Length; k++) result[k] = obs[frame[k]];
            return result;
        })).Value;
    }

    private static DeaReferenceSet Build(ProductivityData data, ReadOnlySpan<int> reference)
    {
        int m = data.InputCount, s = data.OutputCount, q = data.BadOutputCount, n = reference.Length;
        var x = new double[n, m];
        var y = new double[n, s];
        var b = q > 0 ? new double[n, q] : null;
        for (var j = 0; j < n; j++)
        {
            var o = reference[j];
            var xi = data.Inputs(o);
            for (var i = 0; i < m; i++) x[j, i] = xi[i];
            var yo = data.Outputs(o);
            for (var r = 0; r < s; r++) y[j, r] = yo[r];
            if (b is not null)
            {
                var bo = data.BadOutputs(o);
                for (var k = 0; k < q; k++) b[j, k] = bo[k];
            }
        }
        return new DeaReferenceSet(x, y, b);
    }

    private void EvaluateAll(DeaReferenceSet set, ProductivityData data, ReadOnlySpan<EvaluationPoint> points,
        Span<DistanceValue> results, ReturnsToScale rts)
    {
        var pts = points.ToArray();
        var output = new DistanceValue[pts.Length];
        // Visit points of similar input and output mix consecutively: the engine warm-starts each LP from the
        // previous optimal basis of the same thread, and contiguous chunks keep that order. Results do not depend on it.
        var visit = MixOrder(data, pts);
        if (pts.Length >= 2 * ParallelChunk)
        {
            var chunks = (pts.Length + ParallelChunk - 1) / ParallelChunk;
            Parallel.For(0, chunks, c =>
            {
                var end = Math.Min(pts.Length, (c + 1) * ParallelChunk);
                for (var t = c * ParallelChunk; t < end; t++) output[visit[t]] = One(set, data, pts[visit[t]], rts);
            });
        }
        else
        {
            for (var t = 0; t < pts.Length; t++) output[visit[t]] = One(set, data, pts[visit[t]], rts);
        }
        output.CopyTo(results);
    }

    /// <summary>Points ordered by output shares, then input shares, each quantised to 1/32.</summary>
    private static int[] MixOrder(ProductivityData data, EvaluationPoint[] pts)
    {
        int m = data.InputCount, s = data.OutputCount;
        var keys = new double[pts.Length];
        var order = new int[pts.Length];
        for (var k = 0; k < pts.Length; k++)
        {
            order[k] = k;
            var x = data.Inputs(pts[k].InputsFrom);
            var y = data.Outputs(pts[k].OutputsFrom);
            double sx = 0, sy = 0;
            for (var i = 0; i < m; i++) sx += x[i];
            for (var r = 0; r < s; r++) sy += y[r];
            var key = 0.0;
            for (var r = 0; r < s - 1; r++) key = key * 33 + Math.Floor(32 * (sy > 0 ? y[r] / sy : 0));
            for (var i = 0; i < m - 1; i++) key = key * 33 + Math.Floor(32 * (sx > 0 ? x[i] / sx : 0));
            keys[k] = key;
        }
        Array.Sort(keys, order);
        return order;
    }

    private DistanceValue One(DeaReferenceSet set, ProductivityData data, EvaluationPoint p, ReturnsToScale rts)
    {
        var x = data.Inputs(p.InputsFrom);
        var y = data.Outputs(p.OutputsFrom);
        var b = data.BadOutputs(p.OutputsFrom);
        DeaPointResult r;
        switch (Model)
        {
            case DistanceModel.Radial:
                r = set.Radial(x, y, rts, Orientation == DistanceOrientation.Output ? DeaOrientation.Output : DeaOrientation.Input);
                break;
            case DistanceModel.Ddf:
                ReadOnlySpan<double> gx = Direction == DdfDirection.InputsAndOutputs ? x : new double[x.Length];
                r = set.Directional(x, y, b, gx, y, b, rts, BadOutputDisposability.Weak);
                break;
            default:
                var orientation = Orientation switch
                {
                    DistanceOrientation.Input => DeaOrientation.Input,
                    DistanceOrientation.Output => DeaOrientation.Output,
                    _ => DeaOrientation.NonOriented,
                };
                r = set.Sbm(x, y, b, rts, orientation);
                if (r.Status == DeaStatus.Infeasible && SbmCrossPeriod == SbmCrossPeriod.Super)
                    r = set.SuperSbm(x, y, b, rts, orientation);
                break;
        }
        return r.Status switch
        {
            DeaStatus.Optimal => DistanceValue.Optimal(r.Value),
            DeaStatus.Infeasible => DistanceValue.Infeasible,
            DeaStatus.Unbounded => new DistanceValue(double.NaN, DistanceStatus.Unbounded),
            _ => new DistanceValue(double.NaN, DistanceStatus.Failed),
        };
    }
}
