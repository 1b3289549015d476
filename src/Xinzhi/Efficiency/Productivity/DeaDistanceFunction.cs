namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Adapter from the productivity indices to the DEA engine (<see cref="DeaReferenceSet"/>): builds the reference
/// technology of a batch once (with frontier pre-screening where the model allows it) and evaluates every point
/// against it, in parallel for large batches.
/// </summary>
/// <remarks>
/// Radial: θ (input) or φ (output). DDF: β free in sign with g = (0, y, b) or (x, y, b) and weakly disposable bads
/// (Chung-Färe-Grosskopf 1997). SBM: ρ; a point outside the technology (SBM infeasible, only possible across
/// periods) gets the super-SBM δ ≥ 1 of Tone (2002) against the same technology, so that the efficiency scale stays
/// "larger = better" (docs/malmquist.md); with bad outputs no super-SBM exists and the point is infeasible.
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

    public void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results)
    {
        if (points.Length == 0) return;
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
        var set = new DeaReferenceSet(x, y, b);
        var rts = scale == ScaleAssumption.Constant ? ReturnsToScale.Constant : ReturnsToScale.Variable;
        // The frame is a property of the free-disposal technology: not valid with weakly disposable bads.
        if (q == 0 && (long)points.Length * n >= FrontierWork) set.PrepareFrontier(rts, parallel: false);

        var pts = points.ToArray();
        var output = new DistanceValue[pts.Length];
        if (pts.Length >= 2 * ParallelChunk)
        {
            var chunks = (pts.Length + ParallelChunk - 1) / ParallelChunk;
            Parallel.For(0, chunks, c =>
            {
                var end = Math.Min(pts.Length, (c + 1) * ParallelChunk);
                for (var k = c * ParallelChunk; k < end; k++) output[k] = One(set, data, pts[k], rts);
            });
        }
        else
        {
            for (var k = 0; k < pts.Length; k++) output[k] = One(set, data, pts[k], rts);
        }
        output.CopyTo(results);
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
                if (r.Status == DeaStatus.Infeasible && data.BadOutputCount == 0)
                    r = set.SuperSbm(x, y, rts, orientation);
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
