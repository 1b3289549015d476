using Xinzhi.Efficiency.Productivity;

namespace Xinzhi.Tests.Efficiency.Productivity;

/// <summary>
/// A distance function that looks its values up in a table keyed by (scale, technology period, observation period,
/// unit): lets the index logic be tested against distances published by a peer, with no LP. A missing key (or a
/// non-finite value, Benchmarking's code for an infeasible LP) is reported as infeasible.
/// </summary>
internal sealed class TableDistanceFunction(DistanceModel model, DistanceOrientation orientation) : IDistanceFunction
{
    private readonly Dictionary<(ScaleAssumption, int, int, string), double> _values = new();

    public DistanceModel Model { get; } = model;

    public DistanceOrientation Orientation { get; } = orientation;

    public int Calls { get; private set; }

    public void Set(ScaleAssumption scale, int techPeriod, int obsPeriod, string unit, double raw) =>
        _values[(scale, techPeriod, obsPeriod, unit)] = raw;

    public void Evaluate(ProductivityData data, ReadOnlySpan<int> reference, ScaleAssumption scale,
        ReadOnlySpan<EvaluationPoint> points, Span<DistanceValue> results)
    {
        lock (_values) Calls++;
        var tech = data.Periods[data.ObservationPeriod[reference[0]]];
        for (var k = 0; k < points.Length; k++)
        {
            var o = points[k].InputsFrom;
            Assert.Equal(o, points[k].OutputsFrom);
            var key = (scale, tech, data.Periods[data.ObservationPeriod[o]], data.Entities[data.ObservationEntity[o]]);
            results[k] = _values.TryGetValue(key, out var v) && double.IsFinite(v) ? DistanceValue.Optimal(v) : DistanceValue.Infeasible;
        }
    }
}
