using FsCheck;
using FsCheck.Xunit;
using Xinzhi.Econometrics.ProductionFunctions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>Invariants of the building blocks (FsCheck).</summary>
public sealed class PropertyTests
{
    private static long Binomial(int n, int k)
    {
        long r = 1;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    [Property(MaxTest = 60)]
    public bool Polynomial_has_every_monomial_once(PositiveInt variables, PositiveInt degree)
    {
        var v = 1 + variables.Get % 5;
        var d = 1 + degree.Get % 4;
        var terms = PolynomialTerms.Monomials(v, d);
        var keys = terms.Select(t => string.Join(",", t.OrderBy(x => x))).ToHashSet();
        return terms.Count == Binomial(v + d, d) - 1 && keys.Count == terms.Count && terms.All(t => t.Length >= 1 && t.Length <= d);
    }

    [Property(MaxTest = 25)]
    public bool Resampled_lags_stay_inside_each_copy_of_a_firm(int seed)
    {
        var p = ChileanData.Panel;
        var lag = PanelLags.PreviousRows(p.Ids, p.Times!);
        var codes = p.Entities.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i);
        var data = new ProductionData
        {
            Rows = p.RowCount, Y = p.Variable("Y"), Free = [p.Variable("fX1")], State = [p.Variable("sX")], Proxy = p.Variable("pX"),
            Firm = p.Ids.Select(id => codes[id]).ToArray(), Time = p.Times!, Lag = lag, Firms = codes.Count,
        };
        var rng = new DeterministicRandom(seed);
        var draws = Enumerable.Range(0, data.Firms).Select(_ => rng.NextInt(data.Firms)).ToArray();
        var sample = data.Resample(data.FirmRows(), draws);
        for (var i = 0; i < sample.Rows; i++)
        {
            var l = sample.Lag[i];
            if (l < 0) continue;
            if (sample.Firm[l] != sample.Firm[i] || sample.Time[l] != sample.Time[i] - 1) return false;
        }
        // Same number of lagged rows as the firms drawn have in the original data.
        var expected = draws.Sum(f => data.FirmRows()[f].Count(r => lag[r] >= 0));
        return sample.Lag.Count(x => x >= 0) == expected && sample.Firms == data.Firms;
    }
}
