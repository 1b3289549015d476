namespace Xinzhi.Analysis.Coupling;

/// <summary>Formula of the coupling degree C.</summary>
public enum CouplingFormula
{
    /// <summary>C = n·(Π U_i)^(1/n) / Σ U_i, the n-system form (n = 2: 2√(U₁U₂)/(U₁+U₂)); range [0, 1].</summary>
    Standard,

    /// <summary>
    /// 王淑佳, 孔伟, 任亮, 治丹丹, 戴尔阜 (2021), 国内耦合协调度模型的误区及修正, 自然资源学报 36(3): 793–810:
    /// C = √{ [1 − Σ_{i&gt;j} |U_i − U_j| / Σ_{s=1}^{n−1} s] · Π_i (U_i / max_i U_i)^{1/(n−1)} }.
    /// </summary>
    Corrected,
}

/// <summary>One of the ten coordination levels of 廖重斌 (1999).</summary>
/// <param name="Level">1 (极度失调) … 10 (优质协调).</param>
public sealed record CoordinationLevel(int Level, double Lower, double Upper, string NameZh, string NameEn);

/// <summary>Coupling C, comprehensive development T and coordination D of one observation.</summary>
public sealed record CouplingResult(double C, double T, double D, CoordinationLevel Level);

/// <summary>
/// Coupling coordination degree (耦合协调度) of n subsystems with scores U_i ∈ [0, 1]:
/// <code>C = n·(Π U_i)^(1/n) / Σ U_i,   T = Σ α_i U_i,   D = √(C·T)</code>
/// and the ten-level scale of 廖重斌 (1999, 热带地理 19(2)): D in [0.1(k−1), 0.1k) is level k, D = 1 is level 10.
/// </summary>
public static class CouplingCoordination
{
    /// <summary>The ten levels, lowest first.</summary>
    public static IReadOnlyList<CoordinationLevel> Levels { get; } =
    [
        new(1, 0.0, 0.1, "极度失调", "Extreme imbalance"),
        new(2, 0.1, 0.2, "严重失调", "Severe imbalance"),
        new(3, 0.2, 0.3, "中度失调", "Moderate imbalance"),
        new(4, 0.3, 0.4, "轻度失调", "Mild imbalance"),
        new(5, 0.4, 0.5, "濒临失调", "Verge of imbalance"),
        new(6, 0.5, 0.6, "勉强协调", "Barely coordinated"),
        new(7, 0.6, 0.7, "初级协调", "Primary coordination"),
        new(8, 0.7, 0.8, "中级协调", "Intermediate coordination"),
        new(9, 0.8, 0.9, "良好协调", "Good coordination"),
        new(10, 0.9, 1.0, "优质协调", "High-quality coordination"),
    ];

    /// <summary>Level of a coordination degree D ∈ [0, 1] (lower bounds inclusive).</summary>
    public static CoordinationLevel Classify(double d)
    {
        if (!(d >= 0 && d <= 1 + 1e-12)) throw new ArgumentOutOfRangeException(nameof(d), d, "D must lie in [0, 1].");
        for (var k = Levels.Count - 1; k >= 0; k--)
            if (d >= Levels[k].Lower) return Levels[k];
        return Levels[0];
    }

    /// <summary>
    /// Scores within this distance outside [0, 1] are clamped (efficiency scores from linear programs come out as
    /// 1.000000000000296); anything further is an error.
    /// </summary>
    public const double Tolerance = 1e-9;

    /// <summary>Clamps a score within <see cref="Tolerance"/> of [0, 1]; returns false when it is further outside.</summary>
    public static bool TryClamp(double u, out double clamped)
    {
        clamped = Math.Clamp(u, 0, 1);
        return u >= -Tolerance && u <= 1 + Tolerance;
    }

    /// <summary>Equal weights α_i = 1/n.</summary>
    public static double[] EqualWeights(int n) => Enumerable.Repeat(1.0 / n, n).ToArray();

    /// <summary>Computes C, T, D and the level for the scores <paramref name="u"/> with weights <paramref name="alpha"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two systems, a score outside [0, 1], all scores zero, or
    /// weights that are negative or do not sum to 1.</exception>
    public static CouplingResult Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> alpha, CouplingFormula formula = CouplingFormula.Standard)
    {
        var n = u.Length;
        if (n < 2) throw new ArgumentException($"Coupling needs at least two subsystems, got {n}.", nameof(u));
        if (alpha.Length != n) throw new ArgumentException($"Expected {n} weights, got {alpha.Length}.", nameof(alpha));
        double sum = 0, asum = 0, max = 0, t = 0;
        var clamped = new double[n];
        for (var i = 0; i < n; i++)
            if (!TryClamp(u[i], out clamped[i])) throw new ArgumentException($"Subsystem score {u[i]} is outside [0, 1].", nameof(u));
        u = clamped;
        for (var i = 0; i < n; i++)
        {
            if (!(alpha[i] >= 0)) throw new ArgumentException($"Weight {alpha[i]} is negative.", nameof(alpha));
            sum += u[i];
            asum += alpha[i];
            max = Math.Max(max, u[i]);
            t += alpha[i] * u[i];
        }
        if (Math.Abs(asum - 1) > 1e-9) throw new ArgumentException($"Weights sum to {asum}, not 1.", nameof(alpha));
        if (sum == 0) throw new ArgumentException("All subsystem scores are 0: the coupling degree is 0/0.", nameof(u));
        double c;
        if (formula == CouplingFormula.Standard)
        {
            // Geometric mean via logs (a zero score gives C = 0 exactly).
            var logSum = 0.0;
            var zero = false;
            for (var i = 0; i < n; i++) { if (u[i] == 0) zero = true; else logSum += Math.Log(u[i]); }
            c = zero ? 0 : n * Math.Exp(logSum / n) / sum;
        }
        else
        {
            var dev = 0.0;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < i; j++) dev += Math.Abs(u[i] - u[j]);
            var norm = n * (n - 1) / 2.0; // Σ_{s=1}^{n−1} s
            var prod = 1.0;
            for (var i = 0; i < n; i++) prod *= Math.Pow(u[i] / max, 1.0 / (n - 1));
            c = Math.Sqrt(Math.Max(0, 1 - dev / norm) * prod);
        }
        c = Math.Min(c, 1); // AM-GM gives C ≤ 1; clamp only the last-ulp rounding above it
        var d = Math.Sqrt(c * t);
        return new CouplingResult(c, t, d, Classify(Math.Min(d, 1)));
    }
}
