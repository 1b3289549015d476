namespace Xinzhi.Econometrics.Sfa;

/// <summary>Which stochastic frontier model (the structure of the inefficiency term u).</summary>
public enum SfaModel
{
    /// <summary>Independent observations (Aigner-Lovell-Schmidt 1977; Stevenson 1980). With a panel: pooled.</summary>
    CrossSection,

    /// <summary>Time-invariant panel inefficiency u_it = u_i (Pitt and Lee 1981): BC92 with η = 0.</summary>
    PittLee,

    /// <summary>Time-varying decay u_it = exp(−η(t − T)) u_i (Battese and Coelli 1992).</summary>
    BC92,

    /// <summary>Inefficiency effects u_it ~ N⁺(z_it'δ, σ_u²) (Battese and Coelli 1995).</summary>
    BC95,
}

/// <summary>Distribution of the one-sided term u (domain register T14).</summary>
public enum InefficiencyDistribution
{
    /// <summary>u ~ N⁺(0, σ_u²).</summary>
    HalfNormal,

    /// <summary>u ~ N⁺(μ, σ_u²) with μ estimated (Stevenson 1980).</summary>
    TruncatedNormal,

    /// <summary>u ~ Exponential with mean σ_u (Meeusen and van den Broeck 1977). Cross-section only.</summary>
    Exponential,
}

/// <summary>Functional form of the frontier in the (logged) inputs.</summary>
public enum FrontierForm
{
    /// <summary>ln y = β₀ + Σ β_j x_j.</summary>
    CobbDouglas,

    /// <summary>ln y = β₀ + Σ β_j x_j + ½ Σ β_jj x_j² + Σ_{j&lt;k} β_jk x_j x_k.</summary>
    Translog,
}

/// <summary>Technical-efficiency estimator (domain register T15, oracles C16).</summary>
public enum EfficiencyEstimator
{
    /// <summary>E[exp(−u)|ε] (Battese and Coelli 1988), as FRONTIER 4.1 and R frontier report.</summary>
    BC88,

    /// <summary>exp(−E[u|ε]) (Jondrow, Lovell, Materov and Schmidt 1982).</summary>
    Jlms,

    /// <summary>exp(−M[u|ε]), the conditional mode.</summary>
    Mode,
}

/// <summary>How the likelihood is maximised.</summary>
public enum SfaOptimizer
{
    /// <summary>
    /// FRONTIER 4.1's procedure (Coelli 1996), which R frontier wraps: OLS → grid on γ → Davidon-Fletcher-Powell with
    /// Himmelblau's line search, stopping at a relative change of 1e-5. Reproduces the published reference numbers.
    /// </summary>
    Frontier41,

    /// <summary>
    /// Full convergence: grid on γ → BFGS on transformed parameters (ln σ², logit γ) → Newton polish on the numerical
    /// Hessian. Reaches the optimum to machine precision; ln L ≥ the FRONTIER 4.1 path's.
    /// </summary>
    Newton,
}

/// <summary>Where the covariance matrix of the estimates comes from.</summary>
public enum SfaCovarianceSource
{
    /// <summary>FRONTIER 4.1's final DFP direction matrix (what FRONTIER and R frontier report).</summary>
    DirectionMatrix,

    /// <summary>Inverse of the negative Hessian of ln L (central differences of the analytic gradient).</summary>
    Hessian,
}
