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

    // ── W. J. Cody's rational Chebyshev approximation of Φ (Cody 1969, Math. Comp. 23, 631–637; ACM TOMS
    // Algorithm 715, 1993, function ANORM). Three ranges: |x| ≤ 0.67448975 (a rational function of x²),
    // |x| ≤ √32 (a rational function of |x| times exp(−x²/2)), beyond (an asymptotic rational function of 1/x²).
    // exp(−x²/2) is formed as exp(−s²/2)·exp(−(x−s)(x+s)/2) with s = x rounded toward zero to a multiple of 1/16,
    // so that s² is exact and the argument error of the exponential stays tiny. The logarithmic form evaluates the
    // same pieces in log space so that ln Φ stays accurate where Φ underflows. This is the Φ that R's pnorm (and so
    // R frontier's FRONTIER 4.1 likelihood) uses; SfaLikelihood keeps the erfc-based Cdf above.

    private static readonly double[] CodyA =
        [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];

    private static readonly double[] CodyB =
        [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];

    private static readonly double[] CodyC =
    [
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
        2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
        1.0765576773720192317e-8,
    ];

    private static readonly double[] CodyD =
    [
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
        18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
    ];

    private static readonly double[] CodyP =
    [
        0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
        2.9112874951168792e-5, 0.02307344176494017303,
    ];

    private static readonly double[] CodyQ =
        [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

    private const double CodyInner = 0.67448975;            // Φ⁻¹(3/4)
    private const double CodyMiddle = 5.6568542494923801952; // √32
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private const double HalfEpsilon = 1.1102230246251565e-16;

    /// <summary>Φ(x) by Cody's algorithm (see above); 0 or 1 beyond the range where Φ rounds to them.</summary>
    public static double CdfCody(double x) => CodyBoth(x, false);

    /// <summary>ln Φ(x) by Cody's algorithm in log space (finite down to |x| ≈ 1e170).</summary>
    public static double LogCdfCody(double x) => CodyBoth(x, true);

    /// <summary>ln φ(x) = −(ln√(2π) + x·x/2), the evaluation order of R's <c>dnorm(x, log = TRUE)</c>.</summary>
    public static double LogPdfR(double x) => -(LogSqrt2Pi + 0.5 * x * x);

    /// <summary>φ(x)/Φ(x) as exp(ln φ − ln Φ) with Cody's Φ (FRONTIER 4.1's <c>dendis</c> arithmetic).</summary>
    public static double MillsCody(double x) => Math.Exp(LogPdfR(x) - LogCdfCody(x));

    private static double CodyBoth(double x, bool log)
    {
        var ax = Math.Abs(x);
        if (double.IsNaN(x)) return double.NaN;
        if (ax <= CodyInner)
        {
            double num = 0, den = 0;
            if (ax > HalfEpsilon)
            {
                var x2 = x * x;
                num = CodyA[4] * x2;
                den = x2;
                for (var i = 0; i < 3; i++)
                {
                    num = (num + CodyA[i]) * x2;
                    den = (den + CodyB[i]) * x2;
                }
            }
            var r = x * (num + CodyA[3]) / (den + CodyB[3]);
            var cdf = 0.5 + r;
            return log ? Math.Log(cdf) : cdf;
        }
        double tail; // Φ(−|x|) = exp(−x²/2)·tail
        if (ax <= CodyMiddle)
        {
            var num = CodyC[8] * ax;
            var den = ax;
            for (var i = 0; i < 7; i++)
            {
                num = (num + CodyC[i]) * ax;
                den = (den + CodyD[i]) * ax;
            }
            tail = (num + CodyC[7]) / (den + CodyD[7]);
        }
        else if ((log && ax < 1e170) || (x > -37.5193 && x < 8.2924))
        {
            var r2 = 1.0 / (x * x);
            var num = CodyP[5] * r2;
            var den = r2;
            for (var i = 0; i < 4; i++)
            {
                num = (num + CodyP[i]) * r2;
                den = (den + CodyQ[i]) * r2;
            }
            var r = r2 * (num + CodyP[4]) / (den + CodyQ[4]);
            tail = (InvSqrt2Pi - r) / ax;
        }
        else
        {
            if (x > 0) return log ? 0.0 : 1.0;
            return log ? double.NegativeInfinity : 0.0;
        }
        var s = Math.Truncate(ax * 16) / 16;
        var del = (ax - s) * (ax + s);
        if (log)
        {
            // ln Φ(−|x|) directly; for x > 0, ln(1 − Φ(−x)).
            if (x <= 0) return -s * (s * 0.5) - del * 0.5 + Math.Log(tail);
            return LogOnePlus(-Math.Exp(-s * (s * 0.5)) * Math.Exp(-del * 0.5) * tail);
        }
        var lower = Math.Exp(-s * (s * 0.5)) * Math.Exp(-del * 0.5) * tail;
        return x <= 0 ? lower : 1.0 - lower;
    }

    /// <summary>
    /// ln(1 + y) without cancellation. .NET has no log1p; the C library's is used where it can be found (it is what R
    /// calls, so ln Φ(x) for x &gt; 0.67 rounds as in R), otherwise Goldberg's (1991, theorem 4) correction.
    /// </summary>
    internal static double LogOnePlus(double y)
    {
        if (NativeLog1p is { } f) return f(y);
        var u = 1.0 + y;
        if (u == 1.0) return y;
        return Math.Log(u) * y / (u - 1.0);
    }

    private delegate double UnaryDouble(double x);

    private static readonly UnaryDouble? NativeLog1p = LoadLog1p();

    private static UnaryDouble? LoadLog1p()
    {
        string[] names = OperatingSystem.IsWindows() ? ["ucrtbase.dll", "msvcrt.dll"]
            : OperatingSystem.IsMacOS() ? ["/usr/lib/libSystem.B.dylib", "libm.dylib"]
            : ["libm.so.6", "libm.so"];
        foreach (var name in names)
        {
            if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(name, out var lib)) continue;
            if (System.Runtime.InteropServices.NativeLibrary.TryGetExport(lib, "log1p", out var fn))
            {
                var del = System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<UnaryDouble>(fn);
                // Sanity check against the series ln(1 + y) ≈ y − y²/2 + y³/3 before trusting it.
                const double y = 1e-5;
                if (Math.Abs(del(y) - (y - y * y / 2 + y * y * y / 3)) <= 1e-20) return del;
            }
        }
        return null;
    }
}
