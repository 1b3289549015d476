using Xinzhi.Efficiency.Productivity;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// Closed-form CRS distances for one input and one output, written independently of the engine: with r = y/x and
/// R = max r over the reference set, the Farrell input efficiency is θ = r/R, the output φ = R/r, and the DDF with
/// g = (0, y) is β = R/r − 1.
/// </summary>
internal sealed class SingleRatioCrsDistance(DistanceModel model, DistanceOrientation orientation) : IDistanceFunction
{
    public DistanceModel Model { get; } = model;

    public DistanceOrientation Orientation { get; } = orientation;

    public void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results)
    {
        Assert.Equal(ScaleAssumption.Constant, scale);
        var best = 0.0;
        foreach (var j in reference) best = Math.Max(best, data.Outputs(j)[0] / data.Inputs(j)[0]);
        for (var k = 0; k < points.Length; k++)
        {
            var r = data.Outputs(points[k].OutputsFrom)[0] / data.Inputs(points[k].InputsFrom)[0];
            results[k] = DistanceValue.Optimal(Model switch
            {
                DistanceModel.Ddf => best / r - 1,
                _ => Orientation == DistanceOrientation.Output ? best / r : r / best,
            });
        }
    }
}

/// <summary>
/// Deterministic pseudo-random positive "distances" keyed by (reference set, scale, point): for checking identities
/// that hold for any distance values (tfpch = effch × techch, chains, circularity of the global index).
/// Points listed in <paramref name="infeasible"/> (observation indices) are infeasible against other periods.
/// </summary>
internal sealed class HashedDistance(DistanceModel model, DistanceOrientation orientation, int seed, ISet<int>? infeasible = null)
    : IDistanceFunction
{
    public DistanceModel Model { get; } = model;

    public DistanceOrientation Orientation { get; } = orientation;

    public void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results)
    {
        var h = new HashCode();
        h.Add(seed);
        h.Add(scale);
        foreach (var j in reference) h.Add(j);
        var refHash = h.ToHashCode();
        for (var k = 0; k < points.Length; k++)
        {
            var o = points[k].InputsFrom;
            var own = reference.Contains(o);
            if (!own && infeasible is not null && infeasible.Contains(o)) { results[k] = DistanceValue.Infeasible; continue; }
            var u = (uint)HashCode.Combine(refHash, points[k].InputsFrom, points[k].OutputsFrom) / (double)uint.MaxValue;
            // Own-reference values on the right side of the frontier; cross values either side.
            var e = own ? 0.3 + 0.7 * u : 0.3 + 1.2 * u;
            results[k] = DistanceValue.Optimal(Model switch
            {
                DistanceModel.Ddf => 1 / e - 1,
                _ => Orientation == DistanceOrientation.Output ? 1 / e : e,
            });
        }
    }
}
