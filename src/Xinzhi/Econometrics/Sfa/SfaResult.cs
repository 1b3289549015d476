using MathNet.Numerics.Distributions;

namespace Xinzhi.Econometrics.Sfa;

/// <summary>
/// A fitted stochastic frontier. Estimates are in the FRONTIER parameterisation (β, δ, σ², γ, μ, η);
/// derived quantities (λ, σ_u, σ_v) are given too. Efficiencies are in the input row order.
/// </summary>
public sealed record SfaResult
{
    public required SfaOptions Options { get; init; }

    /// <summary>Parameter names: "(Intercept)", regressors, "Z_(Intercept)", "Z_name"…, "sigmaSq", "gamma", "mu", "eta".</summary>
    public required IReadOnlyList<string> Names { get; init; }

    public required double[] Estimates { get; init; }

    /// <summary>
    /// Covariance of the estimates (see <see cref="CovarianceSource"/>): FRONTIER 4.1's final DFP direction matrix, or
    /// the inverse of the negative Hessian of ln L (NaN when it is singular; warned).
    /// </summary>
    public required double[,] Covariance { get; init; }

    /// <summary>
    /// ln L as reported: for the FRONTIER 4.1 optimiser FRONTIER's own figure (ln L at the last accepted DFP iterate,
    /// which R frontier reports; the estimate is one step further), but with the exact π in ½n·ln 2π; for Newton ln L at
    /// the estimate. The LR test uses this value.
    /// </summary>
    public required double LogLikelihood { get; init; }

    /// <summary>ln L evaluated exactly at <see cref="Estimates"/> (equals <see cref="LogLikelihood"/> for Newton).</summary>
    public double LogLikelihoodAtEstimate { get; init; }

    /// <summary>ln L of the OLS fit (γ = 0), −n/2·(ln 2π + ln(e'e/n) + 1).</summary>
    public required double OlsLogLikelihood { get; init; }

    public required IReadOnlyList<double> OlsCoefficients { get; init; }

    /// <summary>Third central moment of the OLS residuals (negative expected for production frontiers).</summary>
    public required double OlsResidualSkewness { get; init; }

    public required int Nobs { get; init; }

    /// <summary>Number of entities (panel models), else <see cref="Nobs"/>.</summary>
    public required int Entities { get; init; }

    /// <summary>The optimiser that produced the estimates (the exponential model always uses Newton).</summary>
    public SfaOptimizer Optimizer { get; init; } = SfaOptimizer.Frontier41;

    /// <summary>Where <see cref="Covariance"/> comes from.</summary>
    public SfaCovarianceSource CovarianceSource { get; init; } = SfaCovarianceSource.DirectionMatrix;

    /// <summary>FRONTIER 4.1 path: times the start was multiplied by the restart factor because no better point was found.</summary>
    public int Restarts { get; init; }

    /// <summary>Quasi-Newton (DFP or BFGS) iterations; for FRONTIER 4.1 the count R frontier reports as <c>nIter</c>.</summary>
    public required int Iterations { get; init; }

    /// <summary>Newton polishing iterations after the quasi-Newton phase.</summary>
    public required int PolishIterations { get; init; }

    public required bool Converged { get; init; }

    /// <summary>Log-likelihood evaluations (grid, line searches, Hessians), a cost diagnostic.</summary>
    public int FunctionEvaluations { get; init; }

    public required string ConvergenceReason { get; init; }

    /// <summary>γ chosen by the grid search (the quasi-Newton start).</summary>
    public required double GridGamma { get; init; }

    /// <summary>Technical efficiency E[exp(−u)|ε] (Battese-Coelli 1988) per row.</summary>
    public required double[] EfficiencyBC88 { get; init; }

    /// <summary>exp(−E[u|ε]) (JLMS 1982) per row.</summary>
    public required double[] EfficiencyJlms { get; init; }

    /// <summary>exp(−mode[u|ε]) per row.</summary>
    public required double[] EfficiencyMode { get; init; }

    /// <summary>
    /// E[exp(u)|ε] ≥ 1 per row: FRONTIER 4.1's cost efficiency (R frontier <c>minusU = FALSE</c>); the reciprocal-style
    /// measure some cost studies report. <see cref="EfficiencyBC88"/> stays E[exp(−u)|ε] ∈ (0, 1] for cost frontiers too.
    /// </summary>
    public required double[] EfficiencyExpU { get; init; }

    /// <summary>E[u|ε] per row.</summary>
    public required double[] InefficiencyMean { get; init; }

    public required IReadOnlyList<SfaWarning> Warnings { get; init; }

    public double SigmaSq => Estimate("sigmaSq");

    public double Gamma => Estimate("gamma");

    public double SigmaUSquared => Gamma * SigmaSq;

    public double SigmaVSquared => (1 - Gamma) * SigmaSq;

    /// <summary>λ = σ_u/σ_v (ALS parameterisation; γ = λ²/(1+λ²)).</summary>
    public double Lambda => Math.Sqrt(Gamma / (1 - Gamma));

    public double MeanEfficiency => EfficiencyBC88.Average();

    public bool WrongSkew => Warnings.Any(w => w.Code == SfaWarningCode.WrongSkew);

    /// <summary>LR statistic 2(ln L − ln L_OLS) of H₀: γ = 0 (and μ, η, δ absent).</summary>
    public double LrStatistic => 2 * (LogLikelihood - OlsLogLikelihood);

    /// <summary>Restrictions of the LR test: γ plus μ, η or the δ's (FRONTIER 4.1's count).</summary>
    public required int LrRestrictions { get; init; }

    /// <summary>p-value of the LR test under the mixed χ² distribution (Kodde-Palm 1986).</summary>
    public double LrPValue => MixedChiSquare.PValue(LrStatistic, LrRestrictions);

    public double[] StandardErrors
    {
        get
        {
            var se = new double[Estimates.Length];
            for (var j = 0; j < se.Length; j++) se[j] = Math.Sqrt(Covariance[j, j]);
            return se;
        }
    }

    public double[] ZValues
    {
        get
        {
            var se = StandardErrors;
            var z = new double[se.Length];
            for (var j = 0; j < z.Length; j++) z[j] = Estimates[j] / se[j];
            return z;
        }
    }

    /// <summary>Two-sided p-values from the standard normal (asymptotic ML theory).</summary>
    public double[] PValues => ZValues.Select(z => double.IsFinite(z) ? 2 * Normal.CDF(0, 1, -Math.Abs(z)) : double.NaN).ToArray();

    public double Estimate(string name) => Estimates[IndexOf(name)];

    public double StandardError(string name) => Math.Sqrt(Covariance[IndexOf(name), IndexOf(name)]);

    public bool Has(string name) => Names.Contains(name);

    /// <summary>Per-row technical efficiency by the chosen estimator.</summary>
    public double[] Efficiency(EfficiencyEstimator estimator) => estimator switch
    {
        EfficiencyEstimator.Jlms => EfficiencyJlms,
        EfficiencyEstimator.Mode => EfficiencyMode,
        _ => EfficiencyBC88,
    };

    private int IndexOf(string name)
    {
        for (var j = 0; j < Names.Count; j++) if (Names[j] == name) return j;
        throw new ArgumentException($"No parameter '{name}'; have {string.Join(", ", Names)}.", nameof(name));
    }
}
