using MathNet.Numerics.Distributions;

namespace Xinzhi.Analysis.Spatial;

/// <summary>A statistic with analytic (normality, randomisation) and permutation inference.</summary>
/// <param name="Expected">E under the null (−1/(n−1) for Moran's I, 1 for Geary's C).</param>
/// <param name="PermutationP">Pseudo p-value (1 + #{more extreme in the observed direction})/(1 + permutations), as PySAL.</param>
public sealed record AutocorrelationTest(double Statistic, double Expected,
    double VarianceNormality, double ZNormality, double PNormality,
    double VarianceRandomization, double ZRandomization, double PRandomization,
    double PermutationMean, double PermutationVariance, double ZPermutation, double PermutationP, int Permutations);

/// <summary>Global Moran's I and Geary's C of one cross-section.</summary>
public sealed record GlobalAutocorrelation(int Count, AutocorrelationTest Moran, AutocorrelationTest Geary, int Seed);

/// <summary>Local Moran statistic (LISA) of one entity.</summary>
/// <param name="Quadrant">HH, LH, LL or HL from the signs of z_i and its lag (z &gt; 0 is "high"); "island" for an entity without neighbours.</param>
/// <param name="PermutationP">Conditional-permutation pseudo p-value (folded, as PySAL), NaN when no permutations were drawn.</param>
public sealed record LocalMoran(string Id, double Value, double Z, double Lag, double Statistic, string Quadrant, double PermutationP);

/// <summary>
/// Spatial autocorrelation (Moran 1950; Geary 1954; Cliff &amp; Ord 1981; Anselin 1995):
/// <code>
/// I = (n/S₀) Σ_i Σ_j w_ij z_i z_j / Σ z_i²,   E[I] = −1/(n−1)
/// Var_N[I] = (n²S₁ − nS₂ + 3S₀²)/((n²−1)S₀²) − E[I]²
/// Var_R[I] = [n((n²−3n+3)S₁ − nS₂ + 3S₀²) − b₂((n²−n)S₁ − 2nS₂ + 6S₀²)]/((n−1)(n−2)(n−3)S₀²) − E[I]²
/// C = (n−1) Σ Σ w_ij (y_i − y_j)² / (2 S₀ Σ z_i²),   E[C] = 1
/// Var_N[C] = [(2S₁ + S₂)(n−1) − 4S₀²]/(2(n+1)S₀²)
/// Var_R[C] = [(n−1)S₁(n²−3n+3−(n−1)b₂) − ¼(n−1)S₂(n²+3n−6−(n²−n+2)b₂) + S₀²(n²−3−(n−1)²b₂)]/(n(n−2)(n−3)S₀²)
/// I_i = z_i Σ_j w_ij z_j / m₂,   m₂ = Σ z²/n
/// </code>
/// Permutations use <see cref="Random"/> with the given seed (deterministic for a seed), recorded in the result.
/// </summary>
public static class SpatialAutocorrelation
{
    public const int DefaultPermutations = 999;
    public const int DefaultSeed = 12345;

    public static GlobalAutocorrelation Global(double[] y, SpatialWeights w, int permutations = DefaultPermutations, int seed = DefaultSeed)
    {
        var n = y.Length;
        if (n != w.Count) throw new ArgumentException($"W has {w.Count} entities, y has {n} values.");
        if (n < 4) throw new DataValidationException(new DataIssue(w.Source, null, null, $"Moran's I needs at least 4 entities for its variance, got {n}"));
        var mean = y.Average();
        var z = y.Select(v => v - mean).ToArray();
        double s0 = 0, s1 = 0, s2 = 0, m2 = 0, m4 = 0;
        var colSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var wij = w[i, j];
                s0 += wij;
                colSum[j] += wij;
                var sym = wij + w[j, i];
                s1 += sym * sym;
            }
            m2 += z[i] * z[i];
            m4 += z[i] * z[i] * z[i] * z[i];
        }
        s1 /= 2;
        for (var i = 0; i < n; i++) { var t = w.RowSum(i) + colSum[i]; s2 += t * t; }
        if (s0 == 0) throw new DataValidationException(new DataIssue(w.Source, null, null, "the weight matrix is all zero"));
        if (m2 == 0) throw new DataValidationException(new DataIssue(w.Source, null, null, "all values are equal; spatial autocorrelation is undefined"));
        var b2 = n * m4 / (m2 * m2);
        double nn = n;

        var moranI = Moran(z, w, s0, m2);
        var eI = -1.0 / (n - 1);
        var varNI = (nn * nn * s1 - nn * s2 + 3 * s0 * s0) / ((nn * nn - 1) * s0 * s0) - eI * eI;
        var varRI = (nn * ((nn * nn - 3 * nn + 3) * s1 - nn * s2 + 3 * s0 * s0) - b2 * ((nn * nn - nn) * s1 - 2 * nn * s2 + 6 * s0 * s0))
                    / ((nn - 1) * (nn - 2) * (nn - 3) * s0 * s0) - eI * eI;
        var gearyC = Geary(y, w, s0, m2);
        var varNC = ((2 * s1 + s2) * (nn - 1) - 4 * s0 * s0) / (2 * (nn + 1) * s0 * s0);
        var varRC = ((nn - 1) * s1 * (nn * nn - 3 * nn + 3 - (nn - 1) * b2)
                     - 0.25 * (nn - 1) * s2 * (nn * nn + 3 * nn - 6 - (nn * nn - nn + 2) * b2)
                     + s0 * s0 * (nn * nn - 3 - (nn - 1) * (nn - 1) * b2)) / (nn * (nn - 2) * (nn - 3) * s0 * s0);

        var permI = new double[permutations];
        var permC = new double[permutations];
        var rng = new Random(seed);
        var yp = (double[])y.Clone();
        var zp = new double[n];
        for (var p = 0; p < permutations; p++)
        {
            Shuffle(yp, rng);
            for (var i = 0; i < n; i++) zp[i] = yp[i] - mean;
            permI[p] = Moran(zp, w, s0, m2);
            permC[p] = Geary(yp, w, s0, m2);
        }
        return new GlobalAutocorrelation(n,
            Test(moranI, eI, varNI, varRI, permI),
            Test(gearyC, 1, varNC, varRC, permC),
            seed);
    }

    /// <summary>Local Moran I_i with quadrant labels and conditional-permutation pseudo p-values.</summary>
    public static IReadOnlyList<LocalMoran> Local(double[] y, SpatialWeights w, int permutations = DefaultPermutations, int seed = DefaultSeed)
    {
        var n = y.Length;
        if (n != w.Count) throw new ArgumentException($"W has {w.Count} entities, y has {n} values.");
        var mean = y.Average();
        var z = y.Select(v => v - mean).ToArray();
        var m2 = z.Sum(v => v * v) / n;
        if (m2 == 0) throw new DataValidationException(new DataIssue(w.Source, null, null, "all values are equal; local Moran is undefined"));
        var lag = w.Lag(z);
        var rng = new Random(seed);
        var result = new LocalMoran[n];
        var others = new double[n - 1];
        for (var i = 0; i < n; i++)
        {
            var island = w.RowSum(i) == 0;
            var stat = island ? 0 : z[i] * lag[i] / m2; // an island's lag is 0; avoid writing −0
            var quadrant = island ? "island" : (z[i] > 0, lag[i] > 0) switch
            {
                (true, true) => "HH",
                (false, true) => "LH",
                (false, false) => "LL",
                (true, false) => "HL",
            };
            var pValue = double.NaN;
            if (permutations > 0 && !island)
            {
                // Conditional randomisation: z_i stays, the other n−1 values are reassigned at random to i's neighbours.
                var row = w.Row(i);
                var nbr = new List<int>();
                for (var j = 0; j < n; j++) if (row[j] != 0 && j != i) nbr.Add(j);
                var k = 0;
                for (var j = 0; j < n; j++) if (j != i) others[k++] = z[j];
                var larger = 0;
                for (var p = 0; p < permutations; p++)
                {
                    // Partial Fisher–Yates: only the first |nbr| draws are needed.
                    var s = 0.0;
                    for (var a = 0; a < nbr.Count; a++)
                    {
                        var b = a + rng.Next(others.Length - a);
                        (others[a], others[b]) = (others[b], others[a]);
                        s += row[nbr[a]] * others[a];
                    }
                    if (z[i] * s / m2 >= stat) larger++;
                }
                if (permutations - larger < larger) larger = permutations - larger;
                pValue = (larger + 1.0) / (permutations + 1.0);
            }
            result[i] = new LocalMoran(w.Ids[i], y[i], z[i], lag[i], stat, quadrant, pValue);
        }
        return result;
    }

    private static double Moran(double[] z, SpatialWeights w, double s0, double m2)
    {
        var n = z.Length;
        var num = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = w.Row(i);
            var s = 0.0;
            for (var j = 0; j < n; j++) s += row[j] * z[j];
            num += z[i] * s;
        }
        return n / s0 * num / m2;
    }

    private static double Geary(double[] y, SpatialWeights w, double s0, double m2)
    {
        var n = y.Length;
        var num = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = w.Row(i);
            for (var j = 0; j < n; j++)
            {
                var d = y[i] - y[j];
                num += row[j] * d * d;
            }
        }
        return (n - 1) * num / (2 * s0 * m2);
    }

    private static void Shuffle(double[] a, Random rng)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    private static AutocorrelationTest Test(double stat, double expected, double varN, double varR, double[] perm)
    {
        static double P(double z) => 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var zN = (stat - expected) / Math.Sqrt(varN);
        var zR = (stat - expected) / Math.Sqrt(varR);
        double pm = double.NaN, pv = double.NaN, zP = double.NaN, pP = double.NaN;
        if (perm.Length > 0)
        {
            pm = perm.Average();
            pv = perm.Length > 1 ? perm.Sum(v => (v - pm) * (v - pm)) / (perm.Length - 1) : double.NaN;
            zP = (stat - pm) / Math.Sqrt(pv);
            var larger = perm.Count(v => v >= stat);
            if (perm.Length - larger < larger) larger = perm.Length - larger;
            pP = (larger + 1.0) / (perm.Length + 1.0);
        }
        return new AutocorrelationTest(stat, expected, varN, zN, P(zN), varR, zR, P(zR), pm, pv, zP, pP, perm.Length);
    }
}
