using Xinzhi.Econometrics.Sfa;
using Xunit.Abstractions;

namespace Xinzhi.Tests.Econometrics.Sfa;

/// <summary>
/// Cody's rational Chebyshev Φ (NormalMath.CdfCody / LogCdfCody, the algorithm of R's pnorm that the FRONTIER path
/// uses) against independent computations: 0.5·erfc(−x/√2) from MathNet where it does not underflow, and the
/// asymptotic series of Φ in the far left tail.
/// </summary>
public sealed class CodyNormalTests(ITestOutputHelper output)
{
    private static double Reference(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    [Fact]
    public void Should_agree_with_erfc_to_a_few_ulps()
    {
        double worstCdf = 0, worstLog = 0, atCdf = 0, atLog = 0;
        for (var x = -37.0; x <= 8.0; x += 0.0137)
        {
            var r = Reference(x);
            // The reference itself is only as good as exp(−x²/2) with x² rounded: its relative error grows like x²·ε
            // (Cody's algorithm avoids exactly this by splitting x at a multiple of 1/16), so the error is scaled by it.
            var relCdf = Math.Abs(NormalMath.CdfCody(x) - r) / r / (4 + x * x);
            var relLog = Math.Abs(NormalMath.LogCdfCody(x) - Math.Log(r)) / Math.Max(Math.Abs(Math.Log(r)), 1e-300);
            if (relCdf > worstCdf) (worstCdf, atCdf) = (relCdf, x);
            // ln Φ → 0 for large x: compare absolutely there (Φ ≈ 1 − tiny).
            if (x > 0 && Math.Abs(NormalMath.LogCdfCody(x) - Math.Log(r)) <= 2e-16) relLog = 0;
            if (relLog > worstLog) (worstLog, atLog) = (relLog, x);
        }
        output.WriteLine($"worst relative error Φ {worstCdf:E2}·(4 + x²) at {atCdf:F4}, ln Φ {worstLog:E2} at {atLog:F4}");
        Assert.True(worstCdf < 1e-15, $"Φ: {worstCdf:E2}·(4 + x²) at x = {atCdf}");
        Assert.True(worstLog < 1e-14, $"ln Φ: {worstLog:E2} at x = {atLog}");
    }

    [Fact]
    public void Should_follow_the_asymptotic_series_in_the_far_left_tail()
    {
        const double lnSqrt2Pi = 0.91893853320467274178;
        foreach (var x in new[] { -40.0, -55.5, -100, -1e3, -1e5, -1e8 })
        {
            var r = 1 / (x * x);
            var series = 1 - r * (1 - r * (3 - r * (15 - r * (105 - r * 945))));
            var expected = -0.5 * x * x - lnSqrt2Pi - Math.Log(-x) + Math.Log(series);
            var got = NormalMath.LogCdfCody(x);
            Assert.True(Math.Abs(got - expected) <= 1e-14 * Math.Abs(expected), $"x = {x}: {got:R} vs {expected:R}");
        }
        Assert.Equal(0.0, NormalMath.CdfCody(-40));
        Assert.Equal(1.0, NormalMath.CdfCody(9));
        Assert.Equal(double.NegativeInfinity, NormalMath.LogCdfCody(-1e171));
        Assert.True(double.IsNaN(NormalMath.LogCdfCody(double.NaN)));
    }

    [Fact]
    public void Should_give_the_same_Mills_ratio_as_the_erfc_path()
    {
        for (var x = -30.0; x <= 8.0; x += 0.05)
        {
            var a = NormalMath.MillsCody(x);
            var b = NormalMath.Mills(x);
            Assert.True(Math.Abs(a - b) <= 1e-12 * Math.Max(1, b), $"x = {x}: {a:R} vs {b:R}");
        }
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(-1e-17)]
    [InlineData(3e-9)]
    [InlineData(-0.25)]
    [InlineData(0.5)]
    [InlineData(-0.999)]
    public void Should_compute_log1p_without_cancellation(double y)
    {
        var expected = Math.Abs(y) < 1e-4 ? y - y * y / 2 + y * y * y / 3 : Math.Log(1 + y);
        Assert.True(Math.Abs(NormalMath.LogOnePlus(y) - expected) <= 4e-16 * Math.Abs(expected), $"{y}: {NormalMath.LogOnePlus(y):R} vs {expected:R}");
    }
}
