using Xinzhi.Data;
using Xinzhi.Econometrics.ProductionFunctions;

namespace Xinzhi.Tests.Econometrics.ProductionFunctions;

/// <summary>
/// A value-added panel with ACF timing, written for the tests (and mirrored by the benchmark):
/// ω follows an AR(1) in two half-steps, ω_{t−½} = ρ ω_{t−1} + η₁ and ω_t = ρ ω_{t−½} + η₂ (so E[ω_t | ω_{t−1}] = ρ²ω_{t−1});
/// capital is chosen at t − 1: k_t = 0.2 + 0.8 k_{t−1} + 0.3 ω_{t−1} + u (sd 0.25); labour at t − ½ with a wage shock:
/// l_t = 0.5 + 0.3 k_t + 0.8 ω_{t−½} + v (sd 0.25); materials are a deterministic, strictly increasing function of ω:
/// m_t = 0.2 + 0.4 k_t + 0.5 l_t + ω_t (so a degree-2 first stage recovers φ exactly);
/// y_t = f(l, k) + ω_t + ε with f Cobb-Douglas or translog. l_{t−1} and k_t are valid instruments, l_t is endogenous.
/// </summary>
internal static class SimulatedPanel
{
    public sealed record Truth(double L, double K, double LL, double LK, double KK);

    public static Panel Generate(int firms, int periods, Truth truth, long seed, string? dropNote = null)
    {
        var rng = new DeterministicRandom(seed);
        const double rho = 0.85;
        var ids = new List<string>();
        var times = new List<int>();
        var y = new List<double>();
        var l = new List<double>();
        var k = new List<double>();
        var m = new List<double>();
        for (var f = 0; f < firms; f++)
        {
            var omega = 0.3 * rng.NextNormal();
            var capital = 1.5 + 0.3 * rng.NextNormal();
            const int burn = 10;
            for (var t = -burn; t < periods; t++)
            {
                var omegaHalf = rho * omega + 0.12 * rng.NextNormal();
                var newCapital = 0.2 + 0.8 * capital + 0.3 * omega + 0.25 * rng.NextNormal();
                var labour = 0.5 + 0.3 * newCapital + 0.8 * omegaHalf + 0.25 * rng.NextNormal();
                var newOmega = rho * omegaHalf + 0.12 * rng.NextNormal();
                var materials = 0.2 + 0.4 * newCapital + 0.5 * labour + newOmega;
                var output = truth.L * labour + truth.K * newCapital + truth.LL * labour * labour + truth.LK * labour * newCapital +
                             truth.KK * newCapital * newCapital + newOmega + 0.1 * rng.NextNormal();
                omega = newOmega;
                capital = newCapital;
                if (t < 0) continue;
                ids.Add("F" + f.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
                times.Add(2000 + t);
                y.Add(output);
                l.Add(labour);
                k.Add(newCapital);
                m.Add(materials);
            }
        }
        return new Panel("simulated", "id", "year", ids.ToArray(), times.ToArray(),
        [
            new("y", y.ToArray()), new("l", l.ToArray()), new("k", k.ToArray()), new("m", m.ToArray()),
        ]);
    }
}
