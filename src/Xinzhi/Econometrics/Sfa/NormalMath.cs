using MathNet.Numerics;

namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// Standard normal helpers that stay accurate in the far left tail, where the SFA likelihood lives when
/// efficiency is high: ln Φ(x) and the inverse Mills ratio φ(x)/Φ(x) without underflow.
/// </summary>
internal static class NormalMath
{
    private const double LogSqrt2Pi = 0.91893853320467274178;
    private const double InvSqrt2 = 0.70710678118654752440;

    /// <summary>Below this, Φ is evaluated by its asymptotic series (erfc would lose digits and then underflow).</summary>
    private const double TailCut = -30;

    public static double Pdf(double x) => Math.Exp(-0.5 * x * x - LogSqrt2Pi);

    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x * InvSqrt2);

    /// <summary>ln Φ(x).</summary>
    public static double LogCdf(double x)
    {
        if (x >= TailCut) return Math.Log(Cdf(x));
        return -0.5 * x * x - LogSqrt2Pi - Math.Log(-x) + Math.Log(TailSeries(x));
    }

    /// <summary>λ(x) = φ(x)/Φ(x), the inverse Mills ratio; ≈ −x for x → −∞.</summary>
    public static double Mills(double x)
    {
        if (x >= TailCut) return Pdf(x) / Cdf(x);
        return -x / TailSeries(x);
    }

    /// <summary>ln Φ(x) and λ(x) = φ(x)/Φ(x) from one evaluation of Φ.</summary>
    public static double LogCdfAndMills(double x, out double mills)
    {
        if (x >= TailCut)
        {
            var cdf = Cdf(x);
            mills = Pdf(x) / cdf;
            return Math.Log(cdf);
        }
        var t = TailSeries(x);
        mills = -x / t;
        return -0.5 * x * x - LogSqrt2Pi - Math.Log(-x) + Math.Log(t);
    }

    // Φ(x) ≈ φ(x)/(−x) · (1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸) for large negative x.
    private static double TailSeries(double x)
    {
        var r = 1 / (x * x);
        return 1 - r * (1 - r * (3 - r * (15 - 105 * r)));
    }
}
