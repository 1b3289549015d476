namespace Xinzhi.Efficiency.Productivity;

/// <summary>
/// Average index over units for one period pair: geometric means for the ratio form (the usual way Malmquist
/// tables are summarised, e.g. DEAP 2.1), arithmetic means for the Luenberger form. Rows without a value are left
/// out and counted in <see cref="ProblemRows"/>.
/// </summary>
public sealed record MalmquistPeriodMean(int From, int To, double Tfpch, double Effch, double Techch, double Pech, double Sech,
    int Rows, int ProblemRows)
{
    /// <summary>Means per adjacent period pair, in period order.</summary>
    public static IReadOnlyList<MalmquistPeriodMean> Compute(MalmquistResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var additive = result.IsAdditive;
        double Mean(IEnumerable<double> values)
        {
            double sum = 0;
            var n = 0;
            foreach (var v in values)
            {
                if (!double.IsFinite(v) || (!additive && v <= 0)) continue;
                sum += additive ? v : Math.Log(v);
                n++;
            }
            return n == 0 ? double.NaN : additive ? sum / n : Math.Exp(sum / n);
        }
        return result.Rows.GroupBy(r => (r.From, r.To)).OrderBy(g => g.Key.From)
            .Select(g => new MalmquistPeriodMean(g.Key.From, g.Key.To,
                Mean(g.Select(r => r.Tfpch)), Mean(g.Select(r => r.Effch)), Mean(g.Select(r => r.Techch)),
                Mean(g.Select(r => r.Pech)), Mean(g.Select(r => r.Sech)),
                g.Count(), g.Count(r => r.Status != MalmquistStatus.Ok)))
            .ToList();
    }
}
