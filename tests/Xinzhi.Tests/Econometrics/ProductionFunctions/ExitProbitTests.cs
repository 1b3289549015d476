using MathNet.Numerics.Distributions;
using Xinzhi.Econometrics.ProductionFunctions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>The exit probit is the MLE: its score vanishes at the fitted index (checked from the fitted probabilities).</summary>
public sealed class ExitProbitTests
{
    [Fact]
    public void Score_is_zero_at_the_fitted_probabilities()
    {
        var p = ChileanData.Panel;
        var lag = PanelLags.PreviousRows(p.Ids, p.Times!);
        var last = p.Ids.Select((id, i) => (id, t: p.Times![i])).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Max(x => x.t));
        var maxYear = p.Times!.Max();
        var exit = p.Ids.Select((id, i) => p.Times![i] == last[id] && p.Times[i] != maxYear ? 1.0 : 0.0).ToArray();
        double[] Lagged(Func<int, double> f) => Enumerable.Range(0, p.RowCount).Select(i => lag[i] >= 0 ? f(lag[i]) : double.NaN).ToArray();
        var k = p.Variable("sX");
        var m = p.Variable("inv");
        var regressors = new[]
        {
            Lagged(i => k[i]), Lagged(i => m[i]), Lagged(i => k[i] * m[i]), Lagged(i => k[i] * k[i]), Lagged(i => m[i] * m[i]),
        };
        var (prob, _, converged) = ExitProbit.Fit(exit, regressors);
        Assert.True(converged);
        var score = new double[6];
        var used = 0;
        for (var i = 0; i < p.RowCount; i++)
        {
            if (lag[i] < 0) { Assert.True(double.IsNaN(prob[i])); continue; }
            used++;
            var pr = prob[i];
            var eta = Normal.InvCDF(0, 1, pr);
            var w = Normal.PDF(0, 1, eta) * (exit[i] - pr) / (pr * (1 - pr));
            score[0] += w;
            for (var j = 0; j < 5; j++) score[j + 1] += w * regressors[j][i];
        }
        Assert.True(used > 1000);
        Assert.All(score, s => Assert.True(Math.Abs(s) < 1e-8 * used, $"score {s}"));
        // And the fitted probabilities average the exit rate (the constant's score).
        var rate = Enumerable.Range(0, p.RowCount).Where(i => lag[i] >= 0).Average(i => exit[i]);
        Assert.InRange(Enumerable.Range(0, p.RowCount).Where(i => lag[i] >= 0).Average(i => prob[i]), rate - 0.02, rate + 0.02);
    }
}
