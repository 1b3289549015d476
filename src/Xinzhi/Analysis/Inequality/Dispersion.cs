namespace Xinzhi.Analysis.Inequality;

/// <summary>Divisor of a standard deviation.</summary>
public enum VarianceDivisor
{
    /// <summary>n − 1 (R <c>sd</c>, Stata <c>summarize</c>); the default.</summary>
    Sample,

    /// <summary>n (population standard deviation).</summary>
    Population,
}

/// <summary>
/// Elementary dispersion measures shared by the inequality, convergence and distribution modules.
/// All are exact (no sampling) and O(n) or O(n log n).
/// </summary>
public static class Dispersion
{
    public static double Mean(ReadOnlySpan<double> y)
    {
        if (y.Length == 0) throw new ArgumentException("No values.", nameof(y));
        var s = 0.0;
        foreach (var v in y) s += v;
        return s / y.Length;
    }

    /// <summary>Standard deviation with the chosen divisor (two-pass for accuracy).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> y, VarianceDivisor divisor = VarianceDivisor.Sample)
    {
        var n = y.Length;
        var d = divisor == VarianceDivisor.Sample ? n - 1 : n;
        if (d <= 0) throw new ArgumentException($"Need at least {(divisor == VarianceDivisor.Sample ? 2 : 1)} values, got {n}.", nameof(y));
        var m = Mean(y);
        var ss = 0.0;
        foreach (var v in y) ss += (v - m) * (v - m);
        return Math.Sqrt(ss / d);
    }

    /// <summary>Coefficient of variation sd/mean.</summary>
    public static double CoefficientOfVariation(ReadOnlySpan<double> y, VarianceDivisor divisor = VarianceDivisor.Sample) =>
        StandardDeviation(y, divisor) / Mean(y);

    /// <summary>Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, R's default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var n = sorted.Length;
        if (n == 0) throw new ArgumentException("No values.", nameof(sorted));
        var h = (n - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Gini coefficient G = Σ_i Σ_j |y_i − y_j| / (2 n² μ), computed from the order statistics as
    /// Σ_i (2i − n − 1) y_(i) / (n² μ) (self-pairs included, Dagum 1997's n² convention).
    /// </summary>
    public static double Gini(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var m = Mean(y);
        var sorted = y.ToArray();
        Array.Sort(sorted);
        return SumAbsoluteDifferencesSorted(sorted) / (2.0 * n * n * m);
    }

    /// <summary>Σ_i Σ_j |y_i − y_j| over all ordered pairs of an ascending array.</summary>
    internal static double SumAbsoluteDifferencesSorted(ReadOnlySpan<double> sorted)
    {
        // Σ (2i − n − 1) = 0, so measuring from the minimum changes nothing mathematically but removes the
        // cancellation error: constant data give exactly 0.
        var n = sorted.Length;
        if (n == 0) return 0;
        var s = 0.0;
        var origin = sorted[0];
        for (var i = 0; i < n; i++) s += (2.0 * (i + 1) - n - 1) * (sorted[i] - origin);
        return 2 * s;
    }
}
