using MathNet.Numerics.Distributions;

namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// The mixed χ² (χ̄²) distribution of the LR test of γ = 0, whose null lies on the boundary of the parameter space:
/// ½χ²(q−1) + ½χ²(q) with q restrictions (Kodde and Palm 1986; Coelli 1995).
/// </summary>
public static class MixedChiSquare
{
    /// <summary>P(LR ≥ statistic) under ½χ²(q−1) + ½χ²(q); χ²(0) is a point mass at 0.</summary>
    public static double PValue(double statistic, int restrictions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(restrictions, 1);
        if (statistic <= 0) return 1;
        var upper = 1 - ChiSquared.CDF(restrictions, statistic);
        var lower = restrictions == 1 ? 0 : 1 - ChiSquared.CDF(restrictions - 1, statistic);
        return 0.5 * (upper + lower);
    }

    /// <summary>Critical value at level <paramref name="alpha"/> (Kodde-Palm Table 1: 2.706 for q = 1 at 5%).</summary>
    public static double CriticalValue(int restrictions, double alpha = 0.05)
    {
        double lo = 0, hi = 200;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (PValue(mid, restrictions) > alpha) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
